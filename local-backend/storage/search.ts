/**
 * Full-text search indexes on SQLite FTS5. One FTS5 table holds every search index: the
 * `body` column is the search field's text; the `filters` column holds one opaque token per
 * (index, filter field, value), so equality filters become FTS column matches and the whole
 * query is one indexed MATCH. Entries are written in the same SQLite transaction as the
 * document, so search is never behind the data.
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type { Value } from "convex/values";
import { encodeKey } from "../values/keys.js";

const SQL = `
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
  body, filters, doc_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS search_docs (
  index_name TEXT NOT NULL, doc_id TEXT NOT NULL, fts_rowid INTEGER NOT NULL,
  PRIMARY KEY (index_name, doc_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_specs (index_name TEXT PRIMARY KEY, spec TEXT NOT NULL);
`;

export function indexToken(indexName: string): string {
  return `i${createHash("sha1").update(indexName).digest("hex").slice(0, 20)}`;
}

export function filterToken(indexName: string, field: string, value: Value | undefined): string {
  return `f${createHash("sha1")
    .update(indexName)
    .update("\0")
    .update(field)
    .update("\0")
    .update(encodeKey([value]))
    .digest("hex")
    .slice(0, 24)}`;
}

/** Splits a query the way the FTS tokenizer splits documents (letters, digits, marks). */
export function queryTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
    .slice(0, 16);
}

export class SearchStore {
  private stmts;
  constructor(private db: Database.Database) {
    db.exec(SQL);
    this.stmts = {
      find: db
        .prepare("SELECT fts_rowid FROM search_docs WHERE index_name = ? AND doc_id = ?")
        .pluck(),
      deleteFts: db.prepare("DELETE FROM search_fts WHERE rowid = ?"),
      deleteDoc: db.prepare("DELETE FROM search_docs WHERE index_name = ? AND doc_id = ?"),
      insertFts: db.prepare("INSERT INTO search_fts (body, filters, doc_id) VALUES (?, ?, ?)"),
      insertDoc: db.prepare(
        "INSERT INTO search_docs (index_name, doc_id, fts_rowid) VALUES (?, ?, ?)",
      ),
      getSpec: db.prepare("SELECT spec FROM search_specs WHERE index_name = ?").pluck(),
      setSpec: db.prepare(
        "INSERT INTO search_specs (index_name, spec) VALUES (?, ?) ON CONFLICT(index_name) DO UPDATE SET spec = excluded.spec",
      ),
      allDocs: db.prepare("SELECT fts_rowid FROM search_docs WHERE index_name = ?").pluck(),
      dropDocs: db.prepare("DELETE FROM search_docs WHERE index_name = ?"),
      specs: db.prepare("SELECT index_name AS name, spec FROM search_specs"),
      dropSpec: db.prepare("DELETE FROM search_specs WHERE index_name = ?"),
    };
  }

  spec(indexName: string): string | undefined {
    return this.stmts.getSpec.get(indexName) as string | undefined;
  }

  specs(): Array<{ name: string; spec: string }> {
    return this.stmts.specs.all() as Array<{ name: string; spec: string }>;
  }

  /** Drops an index's entries (used before a rebuild or when the schema removes it). */
  drop(indexName: string, keepSpec = false) {
    for (const rowid of this.stmts.allDocs.all(indexName) as number[])
      this.stmts.deleteFts.run(rowid);
    this.stmts.dropDocs.run(indexName);
    if (!keepSpec) this.stmts.dropSpec.run(indexName);
  }

  setSpec(indexName: string, spec: string) {
    this.stmts.setSpec.run(indexName, spec);
  }

  remove(indexName: string, docId: string) {
    const rowid = this.stmts.find.get(indexName, docId) as number | undefined;
    if (rowid === undefined) return;
    this.stmts.deleteFts.run(rowid);
    this.stmts.deleteDoc.run(indexName, docId);
  }

  put(indexName: string, docId: string, body: string, filterTokens: string[]) {
    this.remove(indexName, docId);
    const filters = [indexToken(indexName), ...filterTokens].join(" ");
    const { lastInsertRowid } = this.stmts.insertFts.run(body, filters, docId);
    this.stmts.insertDoc.run(indexName, docId, lastInsertRowid);
  }

  /** Doc IDs in relevance order (BM25), at most `limit`. */
  search(indexName: string, terms: string[], filterTokens: string[], limit: number): string[] {
    if (terms.length === 0) return [];
    const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
    const last = terms.length - 1;
    const body = terms.map((t, i) => (i === last ? `${quote(t)}*` : quote(t))).join(" OR ");
    const filters = [indexToken(indexName), ...filterTokens]
      .map((t) => `filters : ${quote(t)}`)
      .join(" AND ");
    const match = `body : (${body}) AND ${filters}`;
    return this.db
      .prepare(
        "SELECT doc_id FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 1.0, 0.0) LIMIT ?",
      )
      .pluck()
      .all(match, limit) as string[];
  }
}
