/**
 * Query execution over index ranges: `withIndex` bounds become a [lo, hi) key range, rows are
 * read in key order in growing batches, and only the part of the range actually consumed joins
 * the read set (so `take(10)` on a huge table neither reads nor subscribes to the rest).
 */
import { convexToJson, getConvexSize, jsonToConvex, type Value } from "convex/values";
import type { IndexInfo, Row } from "../storage/sqlite.js";
import { encodeKey, MAX_KEY, MIN_KEY, prefixSuccessor } from "../values/keys.js";
import { effectiveFields, type Doc } from "./database.js";
import { matches } from "./filters.js";
import type { KeyRange } from "./readset.js";
import type { Tx } from "./tx.js";

interface RangeExpr {
  type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte";
  fieldPath: string;
  value: any;
}

export interface SerializedQuery {
  source:
    | { type: "FullTableScan"; tableName: string; order: "asc" | "desc" | null }
    | { type: "IndexRange"; indexName: string; range: RangeExpr[]; order: "asc" | "desc" | null }
    | { type: "Search"; indexName: string; filters: any[] };
  operators: Array<{ filter: any } | { limit: number }>;
}

export interface ResolvedRange {
  index: IndexInfo | undefined; // undefined: the table does not exist yet (empty result)
  lo: Buffer;
  hi: Buffer;
  order: "asc" | "desc";
}

function fmt(e: RangeExpr) {
  return `.${e.type.toLowerCase()}(${e.fieldPath}, ${JSON.stringify(e.value)})`;
}

/**
 * Turns withIndex range expressions into key bounds, checking them as Convex does: equalities
 * on a prefix of the index fields, then at most one lower and one upper bound on the next field,
 * nothing after both bounds.
 */
export function rangeBounds(fields: string[], range: RangeExpr[]): { lo: Buffer; hi: Buffer } {
  const eqValues: Array<Value | undefined> = [];
  let state: "eq" | "gt" | "lt" | "done" = "eq";
  let pos = 0;
  let lower: RangeExpr | null = null;
  let upper: RangeExpr | null = null;
  for (let i = 0; i < range.length; i++) {
    const e = range[i];
    if (state === "done")
      throw new Error(
        `Incorrect operator used in \`withIndex\`, cannot chain more operators after both \`.gt\` and \`.lt\` were already used, got \`${fmt(e)}\`.`,
      );
    const kind = e.type === "Gt" || e.type === "Gte" ? "gt" : e.type === "Eq" ? "eq" : "lt";
    if (state === "eq") {
      if (e.fieldPath !== fields[pos])
        throw new Error(
          `Incorrect field used in \`withIndex\`, expected "${fields[pos] ?? "(no more fields)"}", got "${e.fieldPath}"`,
        );
      pos++;
      state = kind;
      if (kind === "eq") eqValues.push(decode(e.value));
      else if (kind === "gt") lower = e;
      else upper = e;
      continue;
    }
    if ((state === "gt" && kind === "lt") || (state === "lt" && kind === "gt")) {
      if (e.fieldPath !== fields[pos - 1])
        throw new Error(
          `Incorrect field used in \`withIndex\`, \`.gt\` and \`.lt\` must operate on the same field, expected "${fields[pos - 1]}", got "${e.fieldPath}"`,
        );
      if (kind === "gt") lower = e;
      else upper = e;
      state = "done";
      continue;
    }
    throw new Error(
      `Incorrect operator used in \`withIndex\`, cannot chain \`.${e.type.toLowerCase()}()\` after \`.${range[i - 1].type.toLowerCase()}()\``,
    );
  }
  const prefix = encodeKey(eqValues);
  let lo = prefix.length ? prefix : MIN_KEY;
  let hi = prefix.length ? prefixSuccessor(prefix) : MAX_KEY;
  const bound = (e: RangeExpr) => Buffer.concat([prefix, encodeKey([decode(e.value)])]);
  if (lower) lo = lower.type === "Gte" ? bound(lower) : prefixSuccessor(bound(lower));
  if (upper) hi = upper.type === "Lt" ? bound(upper) : prefixSuccessor(bound(upper));
  return { lo, hi };
}

function decode(json: any): Value | undefined {
  if (json !== null && typeof json === "object" && "$undefined" in json) return undefined;
  return jsonToConvex(json);
}

export function resolveSource(tx: Tx, query: SerializedQuery): ResolvedRange {
  const source = query.source;
  if (source.type === "Search") throw new Error("Search queries are handled by the search engine");
  const order = source.order ?? "asc";
  if (source.type === "FullTableScan") {
    const table = tx.db.store.table(source.tableName);
    const index = table ? tx.db.store.index(table.number, "by_creation_time") : undefined;
    return { index, lo: MIN_KEY, hi: MAX_KEY, order };
  }
  const dot = source.indexName.indexOf(".");
  const tableName = source.indexName.slice(0, dot);
  const indexName = source.indexName.slice(dot + 1);
  const { index } = tx.db.resolveIndex(tableName, indexName);
  const fields = index
    ? effectiveFields(index)
    : indexName === "by_id"
      ? ["_id"]
      : [
          ...(tx.db.schema.tables.get(tableName)?.indexes.find((i) => i.name === indexName)
            ?.fields ?? []),
          "_creationTime",
          "_id",
        ];
  const { lo, hi } = rangeBounds(fields, source.range);
  return { index, lo, hi, order };
}

const after = (key: Buffer) => Buffer.concat([key, Buffer.from([0])]);

/** Reads documents of a range in order, tracking exactly what was consumed. */
export class RangeReader {
  private buffer: Row[] = [];
  private pos = 0;
  private cursor: Buffer | null = null; // last key fetched from SQLite
  private exhausted = false;
  private batch = 8;
  readonly readRange: KeyRange | null;
  lastKey: Buffer | null = null;

  constructor(
    private tx: Tx,
    readonly range: ResolvedRange,
    start?: Buffer, // position strictly after (asc) / before (desc) this key
  ) {
    if (start) {
      if (range.order === "asc")
        range.lo = Buffer.compare(after(start), range.lo) > 0 ? after(start) : range.lo;
      else range.hi = Buffer.compare(start, range.hi) < 0 ? start : range.hi;
    }
    if (!range.index || Buffer.compare(range.lo, range.hi) >= 0) {
      this.exhausted = true;
      this.readRange = range.index
        ? tx.readSet.add({ indexId: range.index.id, lo: range.lo, hi: range.hi })
        : null;
      return;
    }
    tx.metrics.query();
    // Starts empty and grows as rows are consumed.
    this.readRange =
      range.order === "asc"
        ? tx.readSet.add({ indexId: range.index.id, lo: range.lo, hi: range.lo })
        : tx.readSet.add({ indexId: range.index.id, lo: range.hi, hi: range.hi });
  }

  private fill() {
    const { index, lo, hi, order } = this.range;
    const store = this.tx.db.store;
    const rows =
      order === "asc"
        ? store.readAsc(index!.id, this.cursor ?? lo, hi, this.batch, this.cursor !== null)
        : store.readDesc(index!.id, lo, this.cursor ?? hi, this.batch);
    if (rows.length < this.batch) this.exhausted = true;
    this.batch = Math.min(this.batch * 2, 256);
    if (rows.length) this.cursor = rows[rows.length - 1].key;
    this.buffer = rows;
    this.pos = 0;
  }

  /** Next document in order, or null at the end of the range. */
  next(): Doc | null {
    const row = this.nextRow();
    if (!row) return null;
    const doc = jsonToConvex(JSON.parse(row.json)) as Doc;
    this.tx.metrics.read(doc);
    return doc;
  }

  /**
   * Next stored row without decoding it: a plain `take`/`collect` hands the stored JSON
   * straight to the function, saving a decode and re-encode per row.
   */
  nextRow(): Row | null {
    if (this.pos >= this.buffer.length) {
      if (this.exhausted) {
        this.markExhausted();
        return null;
      }
      this.fill();
      if (this.buffer.length === 0) {
        this.markExhausted();
        return null;
      }
    }
    const row = this.buffer[this.pos++];
    this.lastKey = row.key;
    if (this.readRange) {
      if (this.range.order === "asc") this.readRange.hi = after(row.key);
      else this.readRange.lo = row.key;
    }
    return row;
  }

  countRead(bytes: number) {
    this.tx.metrics.readBytes(bytes);
  }

  private markExhausted() {
    if (!this.readRange) return;
    this.readRange.lo = this.range.lo;
    this.readRange.hi = this.range.hi;
  }
}

export class QueryStream {
  private reader: RangeReader | null;
  private filters: any[];
  private limit: number | null;
  private emitted = 0;
  private searchResults: Doc[] | null = null;

  constructor(tx: Tx, query: SerializedQuery, search?: (tx: Tx, q: SerializedQuery) => Doc[]) {
    this.filters = [];
    this.limit = null;
    for (const op of query.operators) {
      if ("filter" in op) this.filters.push(op.filter);
      else if (this.limit === null) this.limit = op.limit;
      else this.limit = Math.min(this.limit, op.limit);
    }
    if (query.source.type === "Search") {
      if (!search) throw new Error("Search indexes are not supported here");
      this.searchResults = search(tx, query);
      this.reader = null;
    } else {
      this.reader = new RangeReader(tx, resolveSource(tx, query));
    }
  }

  /** The next result as stored JSON (no decode when there is no filter to evaluate). */
  nextJson(): string | null {
    if (this.reader && !this.filters.length && !this.searchResults) {
      if (this.limit !== null && this.emitted >= this.limit) return null;
      const row = this.reader.nextRow();
      if (!row) return null;
      this.reader.countRead(row.json.length);
      this.emitted++;
      return row.json;
    }
    const doc = this.next();
    return doc === null ? null : JSON.stringify(convexToJson(doc as Value));
  }

  next(): Doc | null {
    if (this.limit !== null && this.emitted >= this.limit) return null;
    for (;;) {
      const doc = this.searchResults ? (this.searchResults.shift() ?? null) : this.reader!.next();
      if (doc === null) return null;
      if (this.filters.length && !matches(this.filters, doc)) continue;
      this.emitted++;
      return doc;
    }
  }
}

const END_CURSOR = "_end_cursor";

function encodeCursor(key: Buffer): string {
  return key.toString("base64url");
}
function decodeCursor(cursor: string): Buffer {
  if (!/^[A-Za-z0-9_-]*$/.test(cursor) || cursor.length === 0)
    throw new Error(`Invalid cursor: ${JSON.stringify(cursor)}`);
  return Buffer.from(cursor, "base64url");
}

export interface PageArgs {
  query: SerializedQuery;
  cursor: string | null;
  endCursor?: string | null;
  pageSize: number;
  maximumRowsRead?: number | null;
  maximumBytesRead?: number | null;
}

/** One page of `paginate()`. Cursors are index keys: "everything after this key". */
export function queryPage(tx: Tx, args: PageArgs) {
  const { query, cursor, pageSize } = args;
  const endCursor = args.endCursor ?? null;
  if (query.source.type === "Search")
    throw new Error("paginate() is not supported on search queries here");
  const filters = query.operators
    .filter((o): o is { filter: any } => "filter" in o)
    .map((o) => o.filter);
  const range = resolveSource(tx, query);
  const emptyResult = {
    page: [],
    isDone: true,
    continueCursor: END_CURSOR,
    splitCursor: null,
    pageStatus: null,
  };
  if (cursor === END_CURSOR) return emptyResult;
  // An end cursor fixes the page's far boundary: read exactly up to it, whatever pageSize says.
  if (endCursor && endCursor !== END_CURSOR) {
    const endKey = decodeCursor(endCursor);
    if (range.order === "asc")
      range.hi = Buffer.compare(after(endKey), range.hi) < 0 ? after(endKey) : range.hi;
    else range.lo = Buffer.compare(endKey, range.lo) > 0 ? endKey : range.lo;
  }
  const reader = new RangeReader(tx, range, cursor ? decodeCursor(cursor) : undefined);
  const maxRows = positive(args.maximumRowsRead);
  const maxBytes = positive(args.maximumBytesRead);
  const page: Doc[] = [];
  // Keys of the rows read, to offer a split point when a read limit cuts the page short.
  const readKeys: Buffer[] = [];
  let rowsRead = 0;
  let bytesRead = 0;
  let hitEnd = false;
  let pageStatus: "SplitRequired" | null = null;
  for (;;) {
    if (!endCursor && page.length >= pageSize) break;
    const doc = reader.next();
    if (doc === null) {
      hitEnd = true;
      break;
    }
    rowsRead++;
    if (maxBytes !== null) bytesRead += getConvexSize(doc as Value);
    if (maxRows !== null || maxBytes !== null) readKeys.push(reader.lastKey!);
    if (!filters.length || matches(filters, doc)) page.push(doc);
    // maximumRowsRead / maximumBytesRead count rows before filters; reaching either ends the
    // page here, possibly short, and the caller must continue (or split) from this point.
    if ((maxRows !== null && rowsRead >= maxRows) || (maxBytes !== null && bytesRead >= maxBytes)) {
      pageStatus = "SplitRequired";
      break;
    }
  }
  const splitCursor =
    pageStatus && readKeys.length >= 2
      ? encodeCursor(readKeys[Math.floor((readKeys.length - 1) / 2)])
      : null;
  if (pageStatus)
    return {
      page,
      isDone: false,
      continueCursor: encodeCursor(reader.lastKey!),
      splitCursor,
      pageStatus,
    };
  if (endCursor) {
    return {
      page,
      isDone: endCursor === END_CURSOR && hitEnd,
      continueCursor: endCursor,
      splitCursor: null,
      pageStatus,
    };
  }
  if (hitEnd)
    return { page, isDone: true, continueCursor: END_CURSOR, splitCursor: null, pageStatus };
  return {
    page,
    isDone: false,
    continueCursor: encodeCursor(reader.lastKey!),
    splitCursor: null,
    pageStatus,
  };
}

function positive(n: unknown): number | null {
  return typeof n === "number" && n > 0 ? n : null;
}

/** `count()` reads the whole table's extent, so any insert or delete invalidates it. */
export function countTable(tx: Tx, tableName: string): number {
  const table = tx.db.store.table(tableName);
  if (!table) return 0;
  const index = tx.db.store.index(table.number, "by_creation_time")!;
  tx.readSet.add({ indexId: index.id, lo: MIN_KEY, hi: MAX_KEY });
  return table.count;
}
