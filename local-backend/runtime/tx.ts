/**
 * One transaction: a query's reads or a mutation's reads and writes, with the read set (for
 * subscriptions), the write set (for invalidation) and Convex's limits. Writes go straight into
 * the open SQLite transaction, so later reads in the same mutation see them.
 */
import { CommitTsPlaceholder, jsonToConvex, type Value } from "convex/values";
import type { TableInfo } from "../storage/sqlite.js";
import { newDocumentId } from "../values/ids.js";
import { encodeKey, prefixSuccessor } from "../values/keys.js";
import { check } from "../values/validate.js";
import type { Database, Doc } from "./database.js";
import { checkDocument, Metrics } from "./limits.js";
import { ReadSet, WriteSet } from "./readset.js";

export class Tx {
  readonly readSet = new ReadSet();
  readonly writeSet = new WriteSet();
  readonly metrics = new Metrics();
  /** Set when the transaction scheduled a function, so the scheduler wakes after commit. */
  scheduledWork = false;
  /** Side effects outside SQLite (e.g. deleting a stored file) that wait for the commit. */
  readonly afterCommit: Array<() => void> = [];
  /** Documents holding a `db.vars.commitTs` placeholder, resolved at commit. */
  private pendingCommitTs = new Set<string>();
  /** Each written document as it was before this transaction (for snapshot queries). */
  private originals = new Map<string, { table: TableInfo; doc: Doc | null }>();

  constructor(
    readonly db: Database,
    readonly writable: boolean,
    /** Commit timestamp this transaction will commit at (mutations only). */
    readonly ts: bigint,
    /** What it reads: every commit at or before this, none after (below `ts` for a mutation). */
    readonly snapshotTs: bigint = ts,
  ) {}

  private requireWritable() {
    if (!this.writable) throw new Error("Writes are not allowed in a query.");
  }

  private checkIdForTable(table: string | undefined, id: unknown, op: string): string {
    if (typeof id !== "string")
      throw new Error(
        `Invalid argument \`id\` for \`db.${op}\`, expected string but got '${typeof id}': ${String(id)}`,
      );
    const n = this.db.tableNumberOf(id);
    if (n === null)
      throw new Error(`Invalid argument \`id\` for \`db.${op}\`: Unable to decode ID "${id}".`);
    if (table !== undefined) {
      const actual = this.db.tableName(id);
      const expected = this.db.store.table(table);
      if (!expected || expected.number !== n)
        throw new Error(
          `Invalid argument \`id\` for \`db.${op}\`: expected an ID in table "${table}" but got an ID in table "${actual ?? "unknown"}".`,
        );
    }
    return id;
  }

  get(table: string | undefined, idArg: unknown, isSystem: boolean): Doc | null {
    const id = this.checkIdForTable(table, idArg, "get");
    const tableName = this.db.tableName(id);
    if (tableName && tableName.startsWith("_") !== isSystem) {
      throw new Error(
        isSystem
          ? "User tables cannot be accessed with db.system."
          : `System tables can only be accessed with db.system, got an ID in "${tableName}".`,
      );
    }
    this.metrics.query();
    const tableInfo = tableName ? this.db.store.table(tableName) : undefined;
    if (tableInfo) this.trackDocRead(tableInfo, id);
    const doc = this.db.getDoc(id);
    if (doc) this.metrics.read(doc);
    return doc;
  }

  /** A point read of one document joins the read set as its by_id key. */
  private trackDocRead(table: TableInfo, id: string) {
    const byId = this.db.store.index(table.number, "by_id")!;
    const key = encodeKey([id]);
    this.readSet.add({ indexId: byId.id, lo: key, hi: prefixSuccessor(key) });
  }

  private validate(table: string, fields: Record<string, Value | undefined>) {
    const schema = this.db.schema;
    if (!schema.schemaValidation) return;
    const def = schema.tables.get(table);
    if (!def?.documentType) return;
    const err = check(def.documentType, fields, "", (id) => this.db.tableName(id));
    if (err)
      throw new Error(
        `Failed to insert or update a document in table "${table}" because it does not match the schema: ${err}`,
      );
  }

  private checkUserFields(table: string, value: Record<string, unknown>, op: string) {
    for (const k of Object.keys(value)) {
      if (k.startsWith("_") && value[k] !== undefined)
        throw new Error(
          `Failed to ${op} a document in table "${table}": field "${k}" starts with an underscore, which is reserved for system fields.`,
        );
    }
  }

  private put(table: TableInfo, id: string, oldDoc: Doc | null, newDoc: Doc | null) {
    if (newDoc) checkDocument(table.name, newDoc);
    if (!this.originals.has(id)) this.originals.set(id, { table, doc: oldDoc });
    this.db.writeDoc(table, id, oldDoc, newDoc, this.ts, (indexId, key) =>
      this.writeSet.add(indexId, key),
    );
    this.metrics.write(newDoc);
    if (newDoc && containsPlaceholder(newDoc)) this.pendingCommitTs.add(id);
  }

  insert(table: string, valueJson: unknown): string {
    this.requireWritable();
    if (typeof table !== "string" || table.startsWith("_"))
      throw new Error("System tables (prefixed with `_`) are read-only.");
    if (!/^[a-zA-Z][a-zA-Z0-9_]*$/.test(table))
      throw new Error(`Table names must be valid identifiers, got "${table}"`);
    const value = jsonToConvex(valueJson as any) as Record<string, Value>;
    if (value === null || typeof value !== "object" || Array.isArray(value))
      throw new Error(`Invalid argument \`value\` for \`db.insert\`, expected an object.`);
    return this.insertDoc(table, value);
  }

  /** Insert without the user-table guard: used for system tables by the runtime itself. */
  insertDoc(table: string, value: Record<string, Value>): string {
    this.checkUserFields(table, value, "insert");
    this.validate(table, value);
    const info = this.db.ensureTable(table);
    const id = newDocumentId(info.number);
    const doc = { ...value, _id: id, _creationTime: this.db.nextCreationTime() } as Doc;
    this.put(info, id, null, doc);
    return id;
  }

  private existing(table: string | undefined, idArg: unknown, op: string) {
    const id = this.checkIdForTable(table, idArg, op);
    const tableName = this.db.tableName(id);
    const doc = this.db.getDoc(id);
    if (!doc || !tableName)
      throw new Error(
        `${op === "patch" ? "Patch" : op === "replace" ? "Replace" : "Delete"} on nonexistent document ID ${id}`,
      );
    const info = this.db.store.table(tableName)!;
    this.trackDocRead(info, id);
    this.metrics.read(doc);
    return { id, doc, info };
  }

  private checkSystemFieldsUnchanged(doc: Doc, value: Record<string, unknown>) {
    if (value._id !== undefined && value._id !== doc._id)
      throw new Error(
        `Provided \`_id\` field value "${String(value._id)}" does not match the document ID "${doc._id}"`,
      );
    if (value._creationTime !== undefined && value._creationTime !== doc._creationTime)
      throw new Error(
        `Provided \`_creationTime\` field value ${String(value._creationTime)} does not match the document's creation time ${doc._creationTime}`,
      );
  }

  patch(table: string | undefined, idArg: unknown, valueJson: unknown, system = false) {
    this.requireWritable();
    const { id, doc, info } = this.existing(table, idArg, "patch");
    if (info.name.startsWith("_") && !system)
      throw new Error("System tables (prefixed with `_`) are read-only.");
    if (valueJson === null || typeof valueJson !== "object" || Array.isArray(valueJson))
      throw new Error("Invalid argument `value` for `db.patch`, expected an object.");
    const patch: Record<string, Value | undefined> = {};
    for (const [k, v] of Object.entries(valueJson as Record<string, any>)) {
      patch[k] =
        v !== null && typeof v === "object" && "$undefined" in v ? undefined : jsonToConvex(v);
    }
    this.checkSystemFieldsUnchanged(doc, patch);
    const { _id, _creationTime, ...fields } = doc;
    const merged: Record<string, Value | undefined> = { ...fields };
    for (const [k, v] of Object.entries(patch)) {
      if (k === "_id" || k === "_creationTime") continue;
      if (v === undefined) delete merged[k];
      else merged[k] = v;
    }
    if (!system) this.checkUserFields(info.name, merged, "update");
    this.validate(info.name, merged);
    this.put(info, id, doc, { ...merged, _id, _creationTime } as Doc);
  }

  replace(table: string | undefined, idArg: unknown, valueJson: unknown) {
    this.requireWritable();
    const { id, doc, info } = this.existing(table, idArg, "replace");
    if (info.name.startsWith("_"))
      throw new Error("System tables (prefixed with `_`) are read-only.");
    const value = jsonToConvex(valueJson as any) as Record<string, Value>;
    if (value === null || typeof value !== "object" || Array.isArray(value))
      throw new Error("Invalid argument `value` for `db.replace`, expected an object.");
    this.checkSystemFieldsUnchanged(doc, value);
    const { _id: _a, _creationTime: _b, ...fields } = value;
    this.checkUserFields(info.name, fields, "update");
    this.validate(info.name, fields);
    this.put(info, id, doc, { ...fields, _id: doc._id, _creationTime: doc._creationTime } as Doc);
  }

  delete(table: string | undefined, idArg: unknown, system = false) {
    this.requireWritable();
    const { id, doc, info } = this.existing(table, idArg, "delete");
    if (info.name.startsWith("_") && !system)
      throw new Error("System tables (prefixed with `_`) are read-only.");
    this.put(info, id, doc, null);
  }

  /**
   * Writes every document this transaction touched back to its state before it began. Only for
   * use inside a savepoint that is rolled back afterwards (see snapshot queries in syscalls.ts).
   */
  undoPendingWrites() {
    for (const [id, { table, doc }] of this.originals) {
      const current = this.db.getDoc(id);
      if (current === null && doc === null) continue;
      const info = this.db.store.table(table.name) ?? table;
      this.db.writeDoc(info, id, current, doc, this.ts, () => {});
    }
  }

  /** Substitutes commit-timestamp placeholders; call just before COMMIT. */
  resolveCommitTs() {
    for (const id of this.pendingCommitTs) {
      const doc = this.db.getDoc(id);
      if (!doc) continue;
      const table = this.db.store.table(this.db.tableName(id)!)!;
      const resolved = substitute(doc, this.ts) as Doc;
      this.db.writeDoc(table, id, doc, resolved, this.ts, (indexId, key) =>
        this.writeSet.add(indexId, key),
      );
    }
    this.pendingCommitTs.clear();
  }
}

function containsPlaceholder(v: unknown): boolean {
  if (v instanceof CommitTsPlaceholder) return true;
  if (Array.isArray(v)) return v.some(containsPlaceholder);
  if (v && typeof v === "object" && !(v instanceof ArrayBuffer))
    return Object.values(v).some(containsPlaceholder);
  return false;
}

function substitute(v: unknown, ts: bigint): unknown {
  if (v instanceof CommitTsPlaceholder) return ts;
  if (Array.isArray(v)) return v.map((x) => substitute(x, ts));
  if (v && typeof v === "object" && !(v instanceof ArrayBuffer)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = substitute(x, ts);
    return out;
  }
  return v;
}
