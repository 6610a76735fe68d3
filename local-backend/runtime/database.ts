/**
 * The database as functions see it: tables by name, indexes (system and from the schema),
 * document IDs, creation times and commit timestamps. Knows no app; schema comes from the
 * loaded modules.
 */
import type { Value } from "convex/values";
import { convexToJson, jsonToConvex } from "convex/values";
import type { IndexInfo, SqliteStore, TableInfo } from "../storage/sqlite.js";
import { decodeDocumentId } from "../values/ids.js";
import { check } from "../values/validate.js";
import { encodeKey, MAX_KEY, MIN_KEY } from "../values/keys.js";
import { realNow } from "./determinism.js";
import { getField } from "./fields.js";
import { filterToken } from "../storage/search.js";
import type { SchemaInfo } from "./schema.js";
import { EMPTY_SCHEMA } from "./schema.js";

const FIRST_USER_TABLE = 10001;
/** System tables get fixed numbers so IDs stay stable across data folders. */
export const SYSTEM_TABLES: Record<string, number> = {
  _scheduled_functions: 1,
  _storage: 2,
  _cron_jobs: 3,
};

/** Indexes the runtime itself needs on system tables (not visible to withIndex). */
const SYSTEM_INDEXES: Record<string, Array<{ name: string; fields: string[] }>> = {
  _scheduled_functions: [{ name: "by_state_time", fields: ["state.kind", "scheduledTime"] }],
};

export type Doc = Record<string, Value> & { _id: string; _creationTime: number };

export function effectiveFields(index: IndexInfo): string[] {
  if (index.name === "by_id") return ["_id"];
  return [...index.fields, "_creationTime", "_id"];
}

export function indexKey(index: IndexInfo, doc: Record<string, unknown>): Buffer {
  return encodeKey(effectiveFields(index).map((f) => getField(doc, f)));
}

export class Database {
  schema: SchemaInfo = EMPTY_SCHEMA;
  private lastCreationTime: number;
  /** The latest timestamp given to a transaction, committed to disk or not yet (group commit). */
  private lastTs: bigint;
  /** The latest timestamp whose commit is on disk. */
  private durableTs: bigint;

  constructor(readonly store: SqliteStore) {
    this.lastCreationTime = Number(store.getMeta("lastCreationTime") ?? 0);
    this.lastTs = BigInt(store.getMeta("lastTs") ?? "0");
    this.durableTs = this.lastTs;
  }

  /** Timestamp of the latest durable commit (what a new query reads at, what clients see). */
  get currentTs(): bigint {
    return this.durableTs;
  }

  /** The latest timestamp given out: what a new write transaction reads on top of. */
  get latestTs(): bigint {
    return this.lastTs;
  }

  /** Everything up to `ts` is committed and on disk. */
  markDurable(ts: bigint) {
    if (ts > this.durableTs) this.durableTs = ts;
  }

  /** The commit timestamp for the next transaction: nanoseconds, strictly increasing. */
  nextTs(): bigint {
    const now = BigInt(Math.floor(realNow())) * 1_000_000n;
    return now > this.lastTs ? now : this.lastTs + 1n;
  }

  private countersDirty = false;

  /** Records a transaction's commit timestamp; saveCounters() writes it with its group. */
  recordCommit(ts: bigint) {
    this.lastTs = ts;
    this.countersDirty = true;
  }

  /**
   * Writes the counters into the SQLite transaction about to commit: once per group rather
   * than once per transaction (group commit, runtime.ts).
   */
  saveCounters() {
    if (!this.countersDirty) return;
    this.store.setMeta("lastTs", this.lastTs.toString());
    this.store.setMeta("lastCreationTime", String(this.lastCreationTime));
    this.countersDirty = false;
  }

  /** The in-memory counters, to put back if the transaction now starting is undone. */
  counters(): { lastTs: bigint; lastCreationTime: number } {
    return { lastTs: this.lastTs, lastCreationTime: this.lastCreationTime };
  }

  restoreCounters(c: { lastTs: bigint; lastCreationTime: number }) {
    this.lastTs = c.lastTs;
    this.lastCreationTime = c.lastCreationTime;
  }

  /** Reloads in-memory counters from disk after a whole group was rolled back. */
  reloadCounters() {
    this.lastCreationTime = Number(this.store.getMeta("lastCreationTime") ?? 0);
    this.lastTs = BigInt(this.store.getMeta("lastTs") ?? "0");
    this.countersDirty = false;
  }

  nextCreationTime(): number {
    let t = realNow();
    if (t <= this.lastCreationTime) t = this.lastCreationTime + 0.001;
    this.lastCreationTime = t;
    return t;
  }

  tableName(id: string): string | null {
    const n = decodeDocumentId(id);
    if (n === null) return null;
    return this.store.tableByNumber(n)?.name ?? null;
  }

  tableNumberOf(id: string): number | null {
    return decodeDocumentId(id);
  }

  /** Finds or creates a table. Creating one must happen inside a transaction. */
  ensureTable(name: string): TableInfo {
    const existing = this.store.table(name);
    if (existing) return existing;
    let number = SYSTEM_TABLES[name];
    if (number === undefined) {
      const next = Number(this.store.getMeta("nextTableNumber") ?? FIRST_USER_TABLE);
      number = next;
      this.store.setMeta("nextTableNumber", String(next + 1));
    }
    const info = this.store.createTable(name, number);
    for (const def of this.wantedIndexes(name)) {
      this.store.addIndex(info.number, def.name, def.fields);
    }
    return info;
  }

  private wantedIndexes(table: string) {
    return [...(this.schema.tables.get(table)?.indexes ?? []), ...(SYSTEM_INDEXES[table] ?? [])];
  }

  /** Resolves "table.index" to index metadata, with Convex's error when it is not declared. */
  resolveIndex(
    tableName: string,
    indexName: string,
  ): { table: TableInfo | undefined; index: IndexInfo | undefined } {
    const table = this.store.table(tableName);
    if (indexName !== "by_id" && indexName !== "by_creation_time") {
      const declared = this.schema.tables.get(tableName)?.indexes.some((i) => i.name === indexName);
      if (!declared)
        throw new Error(
          `Index ${tableName}.${indexName} not found. Cannot use index "${indexName}" for table "${tableName}" because it is not declared in the schema.`,
        );
    }
    return { table, index: table ? this.store.index(table.number, indexName) : undefined };
  }

  getDoc(id: string): Doc | null {
    const row = this.store.getDoc(id);
    return row ? (jsonToConvex(JSON.parse(row.json)) as Doc) : null;
  }

  /** Writes one document version and its index entries; returns the keys touched. */
  writeDoc(
    table: TableInfo,
    id: string,
    oldDoc: Doc | null,
    newDoc: Doc | null,
    ts: bigint,
    touched: (indexId: number, key: Buffer) => void,
  ) {
    for (const index of this.store.indexes(table.number)) {
      const oldKey = oldDoc ? indexKey(index, oldDoc) : null;
      const newKey = newDoc ? indexKey(index, newDoc) : null;
      if (oldKey && newKey && oldKey.equals(newKey)) {
        touched(index.id, newKey);
        continue;
      }
      if (oldKey) {
        this.store.deleteEntry(index.id, oldKey);
        touched(index.id, oldKey);
      }
      if (newKey) {
        this.store.putEntry(index.id, newKey, id);
        touched(index.id, newKey);
      }
    }
    this.writeSearchEntries(table.name, id, newDoc);
    if (newDoc) this.store.putDoc(id, table.number, ts, JSON.stringify(convexToJson(newDoc)));
    else this.store.deleteDoc(id);
    const delta = (newDoc ? 1 : 0) - (oldDoc ? 1 : 0);
    if (delta !== 0) this.store.setCount(table.number, table.count + delta);
  }

  private writeSearchEntries(tableName: string, id: string, doc: Doc | null) {
    for (const def of this.schema.tables.get(tableName)?.searchIndexes ?? []) {
      const name = `${tableName}.${def.name}`;
      const body = doc ? getField(doc, def.searchField) : undefined;
      if (!doc || typeof body !== "string") {
        this.store.search.remove(name, id);
        continue;
      }
      const tokens = def.filterFields.map((f) => filterToken(name, f, getField(doc, f)));
      this.store.search.put(name, id, body, tokens);
    }
  }

  /** Rebuilds search indexes whose definition changed; drops removed ones. */
  private applySearchIndexes(schema: SchemaInfo) {
    const wanted = new Map<string, string>();
    for (const [table, def] of schema.tables)
      for (const si of def.searchIndexes)
        wanted.set(
          `${table}.${si.name}`,
          JSON.stringify({ f: si.searchField, ff: si.filterFields }),
        );
    for (const { name } of this.store.search.specs())
      if (!wanted.has(name)) this.store.search.drop(name);
    for (const [name, spec] of wanted) {
      if (this.store.search.spec(name) === spec) continue;
      this.store.search.drop(name, true);
      this.store.search.setSpec(name, spec);
      const tableName = name.slice(0, name.indexOf("."));
      const table = this.store.table(tableName);
      if (!table) continue;
      const byTime = this.store.index(table.number, "by_creation_time")!;
      let after: Buffer | null = null;
      for (;;) {
        const rows = this.store.readAsc(byTime.id, after ?? MIN_KEY, MAX_KEY, 1000, after !== null);
        for (const row of rows) {
          const doc = jsonToConvex(JSON.parse(row.json)) as Doc;
          this.writeSearchEntries(tableName, doc._id, doc);
        }
        if (rows.length < 1000) break;
        after = rows[rows.length - 1].key;
      }
    }
  }

  /** Validates stored documents against table validators that changed since the last load. */
  private checkExistingDocuments(schema: SchemaInfo) {
    if (!schema.schemaValidation) return;
    const seen = JSON.parse(this.store.getMeta("validatedSchemas") ?? "{}") as Record<
      string,
      string
    >;
    const next: Record<string, string> = {};
    for (const [name, def] of schema.tables) {
      if (!def.documentType) continue;
      const spec = JSON.stringify(def.documentType);
      next[name] = spec;
      if (seen[name] === spec) continue;
      const table = this.store.table(name);
      if (!table || table.count === 0) continue;
      const byTime = this.store.index(table.number, "by_creation_time")!;
      let after: Buffer | null = null;
      for (;;) {
        const rows = this.store.readAsc(byTime.id, after ?? MIN_KEY, MAX_KEY, 1000, after !== null);
        for (const row of rows) {
          const { _id, _creationTime, ...fields } = jsonToConvex(JSON.parse(row.json)) as Doc;
          const err = check(def.documentType, fields, "", (id) => this.tableName(id));
          if (err)
            throw new Error(
              `Schema validation failed: document ${_id} in table "${name}" does not match the schema: ${err}`,
            );
        }
        if (rows.length < 1000) break;
        after = rows[rows.length - 1].key;
      }
    }
    this.store.setMeta("validatedSchemas", JSON.stringify(next));
  }

  /**
   * Makes stored indexes match the schema: creates and backfills new ones, drops removed
   * ones. Runs in its own transaction when modules (re)load.
   */
  applySchema(schema: SchemaInfo) {
    // As when Convex pushes a schema: existing documents must match it, else nothing changes.
    this.checkExistingDocuments(schema);
    this.schema = schema;
    const store = this.store;
    store.begin();
    try {
      for (const name of schema.tables.keys()) this.ensureTable(name);
      for (const table of store.allTables()) {
        const wanted = this.wantedIndexes(table.name);
        for (const existing of store.indexes(table.number)) {
          if (existing.name === "by_id" || existing.name === "by_creation_time") continue;
          const def = wanted.find((w) => w.name === existing.name);
          if (!def || JSON.stringify(def.fields) !== JSON.stringify(existing.fields))
            store.dropIndex(existing);
        }
        for (const def of wanted) {
          if (store.index(table.number, def.name)) continue;
          const index = store.addIndex(table.number, def.name, def.fields);
          // Backfill in pages: SQLite can't write while a read cursor is open on one connection.
          const byTime = store.index(table.number, "by_creation_time")!;
          let after: Buffer | null = null;
          for (;;) {
            const rows = store.readAsc(byTime.id, after ?? MIN_KEY, MAX_KEY, 1000, after !== null);
            for (const row of rows) {
              const doc = jsonToConvex(JSON.parse(row.json)) as Doc;
              store.putEntry(index.id, indexKey(index, doc), doc._id);
            }
            if (rows.length < 1000) break;
            after = rows[rows.length - 1].key;
          }
        }
      }
      this.applySearchIndexes(schema);
      store.commit();
    } catch (e) {
      store.rollback();
      throw e;
    }
  }
}
