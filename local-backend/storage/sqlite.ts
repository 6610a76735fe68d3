/**
 * SQLite persistence for the embedded backend: documents plus one row per index entry keyed by
 * an order-preserving encoding of the indexed values (values/keys.ts). Range reads walk the
 * (index_id, key) primary key, so a page costs O(log n + k) whatever the table's size.
 *
 * Everything runs on one connection: the executor serialises transactions (see
 * runtime/executor.ts), so a mutation writes straight into an open SQLite transaction and
 * reads its own writes; a throw rolls it back.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { SearchStore } from "./search.js";

export interface TableInfo {
  number: number;
  name: string;
  count: number;
}

export interface IndexInfo {
  id: number;
  tableNumber: number;
  /** Name without the table prefix, e.g. "by_creation_time", "by_store". */
  name: string;
  /** User-declared fields; the key also holds _creationTime and _id after them. */
  fields: string[];
}

export interface Row {
  key: Buffer;
  json: string;
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tables (
  number INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS indexes (
  id INTEGER PRIMARY KEY, table_number INTEGER NOT NULL, name TEXT NOT NULL,
  fields TEXT NOT NULL, UNIQUE (table_number, name));
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, table_number INTEGER NOT NULL, ts INTEGER NOT NULL, json TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS index_entries (
  index_id INTEGER NOT NULL, key BLOB NOT NULL, doc_id TEXT NOT NULL,
  PRIMARY KEY (index_id, key)) WITHOUT ROWID;
`;

export class SqliteStore {
  readonly db: Database.Database;
  readonly search: SearchStore;
  private tablesByName = new Map<string, TableInfo>();
  private tablesByNumber = new Map<number, TableInfo>();
  private indexesByTable = new Map<number, IndexInfo[]>();
  private stmts;

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Owner-only; SQLite gives its WAL and journal files the database file's permissions.
    fs.closeSync(fs.openSync(file, "a", 0o600));
    fs.chmodSync(file, 0o600);
    this.db = new Database(file);
    try {
      this.db.pragma("journal_mode = WAL");
      // Durability equal to synchronous=FULL, without blocking the event loop on fsync: SQLite
      // writes each commit to the WAL (NORMAL), and syncWal() fsyncs the WAL off the main
      // thread before the runtime acknowledges anything in it (group commit, runtime.ts).
      // Checkpoints in NORMAL mode sync the WAL and the database file themselves.
      this.db.pragma("synchronous = NORMAL");
      // One server process owns the data folder: holding the lock for good saves two locking
      // system calls per transaction (and makes a second server on the same folder fail fast).
      this.db.pragma("locking_mode = EXCLUSIVE");
      this.db.pragma("cache_size = -65536");
      this.db.exec(SCHEMA_SQL);
    } catch (e) {
      this.db.close();
      if ((e as { code?: string }).code === "SQLITE_BUSY")
        throw new Error(
          `The data folder ${path.dirname(file)} is in use by another running backend. Stop it first, or choose another folder with --data.`,
        );
      throw e;
    }
    this.search = new SearchStore(this.db);
    const d = this.db;
    this.stmts = {
      getMeta: d.prepare("SELECT value FROM meta WHERE key = ?").pluck(),
      setMeta: d.prepare(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      ),
      insertTable: d.prepare("INSERT INTO tables (number, name, count) VALUES (?, ?, 0)"),
      setCount: d.prepare("UPDATE tables SET count = ? WHERE number = ?"),
      insertIndex: d.prepare(
        "INSERT INTO indexes (table_number, name, fields) VALUES (?, ?, ?) RETURNING id",
      ),
      deleteIndex: d.prepare("DELETE FROM indexes WHERE id = ?"),
      deleteIndexEntries: d.prepare("DELETE FROM index_entries WHERE index_id = ?"),
      getDoc: d.prepare("SELECT table_number AS tableNumber, json FROM documents WHERE id = ?"),
      putDoc: d.prepare(
        "INSERT INTO documents (id, table_number, ts, json) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET ts = excluded.ts, json = excluded.json",
      ),
      deleteDoc: d.prepare("DELETE FROM documents WHERE id = ?"),
      putEntry: d.prepare("INSERT INTO index_entries (index_id, key, doc_id) VALUES (?, ?, ?)"),
      deleteEntry: d.prepare("DELETE FROM index_entries WHERE index_id = ? AND key = ?"),
      tableDocs: d.prepare("SELECT json FROM documents WHERE table_number = ? ORDER BY id"),
    };
    this.loadCatalog();
  }

  loadCatalog() {
    this.tablesByName.clear();
    this.tablesByNumber.clear();
    this.indexesByTable.clear();
    for (const t of this.db
      .prepare("SELECT number, name, count FROM tables")
      .all() as TableInfo[]) {
      this.tablesByName.set(t.name, t);
      this.tablesByNumber.set(t.number, t);
    }
    const rows = this.db
      .prepare("SELECT id, table_number AS tableNumber, name, fields FROM indexes")
      .all() as Array<Omit<IndexInfo, "fields"> & { fields: string }>;
    for (const r of rows) {
      const list = this.indexesByTable.get(r.tableNumber) ?? [];
      list.push({ ...r, fields: JSON.parse(r.fields) });
      this.indexesByTable.set(r.tableNumber, list);
    }
  }

  getMeta(key: string): string | undefined {
    return this.stmts.getMeta.get(key) as string | undefined;
  }
  setMeta(key: string, value: string) {
    this.stmts.setMeta.run(key, value);
  }

  table(name: string): TableInfo | undefined {
    return this.tablesByName.get(name);
  }
  tableByNumber(n: number): TableInfo | undefined {
    return this.tablesByNumber.get(n);
  }
  allTables(): TableInfo[] {
    return [...this.tablesByName.values()];
  }
  indexes(tableNumber: number): IndexInfo[] {
    return this.indexesByTable.get(tableNumber) ?? [];
  }
  index(tableNumber: number, name: string): IndexInfo | undefined {
    return this.indexes(tableNumber).find((i) => i.name === name);
  }

  /** Creates a table with its two system indexes. Call inside a transaction. */
  createTable(name: string, number: number): TableInfo {
    this.stmts.insertTable.run(number, name);
    const info = { number, name, count: 0 };
    this.tablesByName.set(name, info);
    this.tablesByNumber.set(number, info);
    this.addIndex(number, "by_id", []);
    this.addIndex(number, "by_creation_time", []);
    return info;
  }

  addIndex(tableNumber: number, name: string, fields: string[]): IndexInfo {
    const { id } = this.stmts.insertIndex.get(tableNumber, name, JSON.stringify(fields)) as {
      id: number;
    };
    const info = { id, tableNumber, name, fields };
    const list = this.indexesByTable.get(tableNumber) ?? [];
    list.push(info);
    this.indexesByTable.set(tableNumber, list);
    return info;
  }

  dropIndex(info: IndexInfo) {
    this.stmts.deleteIndexEntries.run(info.id);
    this.stmts.deleteIndex.run(info.id);
    const list = (this.indexesByTable.get(info.tableNumber) ?? []).filter((i) => i.id !== info.id);
    this.indexesByTable.set(info.tableNumber, list);
  }

  setCount(tableNumber: number, count: number) {
    this.stmts.setCount.run(count, tableNumber);
    const t = this.tablesByNumber.get(tableNumber);
    if (t) t.count = count;
  }

  getDoc(id: string): { tableNumber: number; json: string } | undefined {
    return this.stmts.getDoc.get(id) as { tableNumber: number; json: string } | undefined;
  }

  putDoc(id: string, tableNumber: number, ts: bigint, json: string) {
    this.stmts.putDoc.run(id, tableNumber, ts, json);
  }

  deleteDoc(id: string) {
    this.stmts.deleteDoc.run(id);
  }

  putEntry(indexId: number, key: Buffer, docId: string) {
    this.stmts.putEntry.run(indexId, key, docId);
  }

  deleteEntry(indexId: number, key: Buffer) {
    this.stmts.deleteEntry.run(indexId, key);
  }

  /**
   * Range reads, one prepared statement per shape and LIMIT. The LIMIT is written into the SQL
   * rather than bound: with a bound LIMIT SQLite's range read took twice as long (11 µs against
   * 6 µs per call, measured with better-sqlite3 12), and readers ask for a handful of batch sizes.
   */
  private rangeStmts = new Map<string, Database.Statement>();
  private rangeStmt(op: ">=" | ">", dir: "ASC" | "DESC", limit: number): Database.Statement {
    const n = Math.max(0, Math.floor(limit));
    const key = `${op}${dir}${n}`;
    let stmt = this.rangeStmts.get(key);
    if (!stmt) {
      if (this.rangeStmts.size > 64) this.rangeStmts.clear(); // odd sizes: keep the cache small
      stmt = this.db.prepare(
        `SELECT e.key AS key, d.json AS json FROM index_entries e JOIN documents d ON d.id = e.doc_id
         WHERE e.index_id = ? AND e.key ${op} ? AND e.key < ? ORDER BY e.key ${dir} LIMIT ${n}`,
      );
      this.rangeStmts.set(key, stmt);
    }
    return stmt;
  }

  /** Rows with lo <= key < hi (or lo < key when `afterLo`), ascending. */
  readAsc(indexId: number, lo: Buffer, hi: Buffer, limit: number, afterLo: boolean): Row[] {
    return this.rangeStmt(afterLo ? ">" : ">=", "ASC", limit).all(indexId, lo, hi) as Row[];
  }

  /** Rows with lo <= key < hi, descending. */
  readDesc(indexId: number, lo: Buffer, hi: Buffer, limit: number): Row[] {
    return this.rangeStmt(">=", "DESC", limit).all(indexId, lo, hi) as Row[];
  }

  /** Every document of a table (for export and index backfills). */
  *scanTable(tableNumber: number): Iterable<string> {
    for (const row of this.stmts.tableDocs.iterate(tableNumber) as Iterable<{ json: string }>) {
      yield row.json;
    }
  }

  // Transactions are opened and closed by hand because a Convex function awaits between its
  // writes; better-sqlite3's db.transaction() only wraps synchronous code.
  begin() {
    this.db.exec("BEGIN IMMEDIATE");
  }
  commit() {
    this.db.exec("COMMIT");
  }
  rollback() {
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
    this.loadCatalog();
  }
  savepoint(name: string) {
    this.db.exec(`SAVEPOINT ${name}`);
  }
  release(name: string) {
    this.db.exec(`RELEASE ${name}`);
  }
  rollbackTo(name: string) {
    this.db.exec(`ROLLBACK TO ${name}`);
    this.db.exec(`RELEASE ${name}`);
    this.loadCatalog();
  }

  private walFd: number | null = null;
  /** WAL syncs done, and the milliseconds they took in all (for tests and stats). */
  walSyncs = 0;
  walSyncMs = 0;

  /**
   * Makes every committed transaction durable: fdatasync of the WAL file on libuv's thread pool,
   * so other work (the next group of mutations) goes on meanwhile.
   */
  async syncWal(): Promise<void> {
    const walPath = `${this.db.name}-wal`;
    if (this.walFd !== null && fs.fstatSync(this.walFd).nlink === 0) {
      fs.closeSync(this.walFd); // the WAL was deleted and will be recreated: follow it
      this.walFd = null;
    }
    if (this.walFd === null) {
      if (!fs.existsSync(walPath)) return; // nothing written since the last checkpoint-and-delete
      this.walFd = fs.openSync(walPath, "r+");
    }
    const fd = this.walFd;
    const started = performance.now();
    await new Promise<void>((resolve, reject) =>
      fs.fdatasync(fd, (e) => (e ? reject(e) : resolve())),
    );
    this.walSyncs++;
    this.walSyncMs += performance.now() - started;
  }

  close() {
    if (this.walFd !== null) fs.closeSync(this.walFd);
    this.walFd = null;
    this.db.close();
  }
}
