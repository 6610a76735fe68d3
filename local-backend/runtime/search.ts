/**
 * Full-text and vector search. Text search runs on SQLite FTS5 (storage/search.ts): terms are
 * OR-ed, the last one matched as a prefix, ranked by BM25, equality filter fields applied in
 * the same MATCH, capped at 1,024 results as in Convex. Vector search is exact (cosine
 * similarity over the filtered rows) — right for the small tables it serves here.
 */
import { jsonToConvex, type Value } from "convex/values";
import { filterToken, queryTerms } from "../storage/search.js";
import { MAX_KEY, MIN_KEY } from "../values/keys.js";
import type { Database, Doc } from "./database.js";
import { evaluate } from "./filters.js";
import { getField } from "./fields.js";
import type { SerializedQuery } from "./query.js";
import type { Tx } from "./tx.js";

export const MAX_SEARCH_RESULTS = 1024;

function allDocs(db: Database, table: string): Doc[] {
  const t = db.store.table(table);
  if (!t) return [];
  const index = db.store.index(t.number, "by_creation_time")!;
  return db.store
    .readAsc(index.id, MIN_KEY, MAX_KEY, Number.MAX_SAFE_INTEGER, false)
    .map((r) => jsonToConvex(JSON.parse(r.json)) as Doc);
}

/** `withSearchIndex` queries: one FTS5 MATCH, relevance order, at most 1,024 results. */
export function textSearch(tx: Tx, query: SerializedQuery): Doc[] {
  const source = query.source;
  if (source.type !== "Search") return [];
  const [table, indexName] = source.indexName.split(".");
  const def = tx.db.schema.tables.get(table)?.searchIndexes.find((i) => i.name === indexName);
  if (!def) throw new Error(`Search index ${source.indexName} not found in the schema.`);
  const t = tx.db.store.table(table);
  if (!t) return [];
  // Any write to the table may change relevance or membership: subscribe to all of it.
  const index = tx.db.store.index(t.number, "by_creation_time")!;
  tx.readSet.add({ indexId: index.id, lo: MIN_KEY, hi: MAX_KEY });
  tx.metrics.query();
  let terms: string[] = [];
  const tokens: string[] = [];
  for (const f of source.filters) {
    if (f.type === "Search") {
      if (f.fieldPath !== def.searchField)
        throw new Error(
          `Search field "${f.fieldPath}" is not the search field of ${source.indexName} ("${def.searchField}").`,
        );
      terms = queryTerms(String(f.value));
    } else {
      if (!def.filterFields.includes(f.fieldPath))
        throw new Error(
          `Filter field "${f.fieldPath}" is not a filter field of search index ${source.indexName}.`,
        );
      const value: Value | undefined = f.value === undefined ? undefined : jsonToConvex(f.value);
      tokens.push(filterToken(source.indexName, f.fieldPath, value));
    }
  }
  const ids = tx.db.store.search.search(source.indexName, terms, tokens, MAX_SEARCH_RESULTS);
  const docs: Doc[] = [];
  for (const id of ids) {
    const doc = tx.db.getDoc(id);
    if (!doc) continue;
    tx.metrics.read(doc);
    docs.push(doc);
  }
  return docs;
}

export function vectorSearch(
  db: Database,
  query: { indexName: string; limit?: number; vector: number[]; expressions: any },
): Array<{ _id: string; _score: number }> {
  const [table, indexName] = query.indexName.split(".");
  const def = db.schema.tables.get(table)?.vectorIndexes.find((i) => i.name === indexName);
  if (!def) throw new Error(`Vector index ${query.indexName} not found in the schema.`);
  if (query.vector.length !== def.dimensions)
    throw new Error(
      `Vector has ${query.vector.length} dimensions; index ${query.indexName} expects ${def.dimensions}.`,
    );
  const limit = Math.min(query.limit ?? 10, 256);
  if (limit < 1) throw new Error("Vector search limit must be between 1 and 256.");
  const results: Array<{ _id: string; _score: number }> = [];
  for (const doc of allDocs(db, table)) {
    if (query.expressions && evaluate(query.expressions, doc) !== true) continue;
    const v = getField(doc, def.vectorField);
    if (!Array.isArray(v) || v.length !== def.dimensions) continue;
    results.push({ _id: doc._id, _score: cosine(query.vector, v as number[]) });
  }
  results.sort((a, b) => b._score - a._score);
  return results.slice(0, limit);
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
