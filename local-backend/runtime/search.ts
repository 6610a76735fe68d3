/**
 * Full-text and vector search. Text search tokenizes like Convex (lower-cased words, the last
 * query term matched as a prefix), ranks by matched terms (BM25-like weighting by rarity),
 * applies equality filter fields, and caps results at 1,024 as Convex does. Vector search is
 * exact (cosine similarity over the filtered rows) — right for the small tables it serves here.
 */
import { compareValues, jsonToConvex, type Value } from "convex/values";
import { MAX_KEY, MIN_KEY } from "../values/keys.js";
import type { Database, Doc } from "./database.js";
import { evaluate } from "./filters.js";
import { getField } from "./fields.js";
import type { SerializedQuery } from "./query.js";
import type { Tx } from "./tx.js";

export const MAX_SEARCH_RESULTS = 1024;

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function allDocs(db: Database, table: string): Doc[] {
  const t = db.store.table(table);
  if (!t) return [];
  const index = db.store.index(t.number, "by_creation_time")!;
  return db.store
    .readAsc(index.id, MIN_KEY, MAX_KEY, Number.MAX_SAFE_INTEGER, false)
    .map((r) => jsonToConvex(JSON.parse(r.json)) as Doc);
}

export function naiveSearch(tx: Tx, query: SerializedQuery): Doc[] {
  const source = query.source;
  if (source.type !== "Search") return [];
  const [table, indexName] = source.indexName.split(".");
  const def = tx.db.schema.tables.get(table)?.searchIndexes.find((i) => i.name === indexName);
  if (!def) throw new Error(`Search index ${source.indexName} not found in the schema.`);
  const t = tx.db.store.table(table);
  if (t) {
    const index = tx.db.store.index(t.number, "by_creation_time")!;
    tx.readSet.add({ indexId: index.id, lo: MIN_KEY, hi: MAX_KEY });
  }
  let terms: string[] = [];
  const eqs: Array<{ field: string; value: Value | undefined }> = [];
  for (const f of source.filters) {
    if (f.type === "Search") {
      if (f.fieldPath !== def.searchField)
        throw new Error(
          `Search field "${f.fieldPath}" is not the search field of ${source.indexName} ("${def.searchField}").`,
        );
      terms = tokenize(String(f.value)).slice(0, 16);
    } else {
      if (!def.filterFields.includes(f.fieldPath))
        throw new Error(
          `Filter field "${f.fieldPath}" is not a filter field of search index ${source.indexName}.`,
        );
      eqs.push({
        field: f.fieldPath,
        value: f.value === undefined ? undefined : jsonToConvex(f.value),
      });
    }
  }
  if (terms.length === 0) return [];
  const docs = allDocs(tx.db, table).filter((d) =>
    eqs.every((e) => compareValues(getField(d, e.field), e.value) === 0),
  );
  const tokenized = docs.map((d) => {
    const text = getField(d, def.searchField);
    return typeof text === "string" ? tokenize(text) : [];
  });
  const last = terms.length - 1;
  const matchesTerm = (tokens: string[], term: string, i: number) =>
    tokens.some((tok) => (i === last ? tok.startsWith(term) : tok === term));
  const df = terms.map((term, i) => tokenized.filter((toks) => matchesTerm(toks, term, i)).length);
  const scored: Array<{ doc: Doc; score: number }> = [];
  docs.forEach((doc, j) => {
    let score = 0;
    terms.forEach((term, i) => {
      const tf = tokenized[j].filter((tok) =>
        i === last ? tok.startsWith(term) : tok === term,
      ).length;
      if (tf > 0) score += (1 + Math.log(tf)) * Math.log(1 + docs.length / df[i]);
    });
    if (score > 0) scored.push({ doc, score });
  });
  scored.sort((a, b) => b.score - a.score || b.doc._creationTime - a.doc._creationTime);
  for (const { doc } of scored) tx.metrics.read(doc);
  return scored.slice(0, MAX_SEARCH_RESULTS).map((s) => s.doc);
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
