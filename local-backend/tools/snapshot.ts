/**
 * Export and import a data folder as JSON lines, shaped like `npx convex export`:
 * `<table>/documents.jsonl` (one document per line, Convex JSON so int64 and bytes survive),
 * `_tables/documents.jsonl` (table names and numbers, so IDs stay valid), and stored files
 * under `_storage/<storageId>`. Import into an empty data folder reproduces every document
 * byte for byte.
 */
import fs from "node:fs";
import path from "node:path";
import { jsonToConvex } from "convex/values";
import { SqliteStore } from "../storage/sqlite.js";
import { encodeKey } from "../values/keys.js";
import { effectiveFields } from "../runtime/database.js";
import { getField } from "../runtime/fields.js";

const STORE_FILE = "convex.sqlite3";

export interface SnapshotSummary {
  tables: number;
  documents: number;
  files: number;
}

export function exportSnapshot(dataDir: string, outDir: string): SnapshotSummary {
  const store = new SqliteStore(path.join(dataDir, STORE_FILE));
  try {
    fs.mkdirSync(outDir, { recursive: true });
    const tables = store.allTables().sort((a, b) => a.number - b.number);
    const summary: SnapshotSummary = { tables: 0, documents: 0, files: 0 };
    fs.mkdirSync(path.join(outDir, "_tables"), { recursive: true });
    fs.writeFileSync(
      path.join(outDir, "_tables", "documents.jsonl"),
      tables.map((t) => JSON.stringify({ name: t.name, id: t.number })).join("\n") +
        (tables.length ? "\n" : ""),
    );
    for (const t of tables) {
      const dir = path.join(outDir, t.name);
      fs.mkdirSync(dir, { recursive: true });
      const fd = fs.openSync(path.join(dir, "documents.jsonl"), "w");
      for (const json of store.scanTable(t.number)) {
        fs.writeSync(fd, json + "\n");
        summary.documents++;
      }
      fs.closeSync(fd);
      summary.tables++;
      if (t.name === "_storage") {
        for (const json of store.scanTable(t.number)) {
          const id = JSON.parse(json)._id as string;
          const src = path.join(dataDir, "storage", id);
          if (fs.existsSync(src)) {
            fs.copyFileSync(src, path.join(dir, id));
            summary.files++;
          }
        }
      }
    }
    return summary;
  } finally {
    store.close();
  }
}

export function importSnapshot(fromDir: string, dataDir: string): SnapshotSummary {
  const file = path.join(dataDir, STORE_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  const store = new SqliteStore(file);
  try {
    if (store.allTables().some((t) => t.count > 0))
      throw new Error(
        `The data folder ${dataDir} already holds documents; import only into an empty one.`,
      );
    const tablesFile = path.join(fromDir, "_tables", "documents.jsonl");
    if (!fs.existsSync(tablesFile))
      throw new Error(`${fromDir} is not an export: _tables/documents.jsonl is missing.`);
    const tables = fs
      .readFileSync(tablesFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { name: string; id: number });
    const summary: SnapshotSummary = { tables: 0, documents: 0, files: 0 };
    let maxCreation = 0;
    store.begin();
    try {
      for (const t of tables) {
        const info = store.table(t.name) ?? store.createTable(t.name, t.id);
        const docsFile = path.join(fromDir, t.name, "documents.jsonl");
        const lines = fs.existsSync(docsFile)
          ? fs.readFileSync(docsFile, "utf8").split("\n").filter(Boolean)
          : [];
        const indexes = store.indexes(info.number);
        for (const line of lines) {
          const doc = jsonToConvex(JSON.parse(line)) as Record<string, any>;
          store.putDoc(doc._id, info.number, 0n, line);
          for (const index of indexes) {
            store.putEntry(
              index.id,
              encodeKey(effectiveFields(index).map((f) => getField(doc, f))),
              doc._id,
            );
          }
          maxCreation = Math.max(maxCreation, doc._creationTime);
          summary.documents++;
        }
        store.setCount(info.number, lines.length);
        summary.tables++;
        if (t.name === "_storage") {
          fs.mkdirSync(path.join(dataDir, "storage"), { recursive: true });
          for (const line of lines) {
            const id = JSON.parse(line)._id as string;
            const src = path.join(fromDir, "_storage", id);
            if (fs.existsSync(src)) {
              fs.copyFileSync(src, path.join(dataDir, "storage", id));
              summary.files++;
            }
          }
        }
      }
      const userNumbers = tables.map((t) => t.id).filter((n) => n >= 10001);
      store.setMeta("nextTableNumber", String(Math.max(10001, ...userNumbers.map((n) => n + 1))));
      store.setMeta("lastCreationTime", String(maxCreation));
      store.commit();
    } catch (e) {
      store.rollback();
      throw e;
    }
    return summary;
  } finally {
    store.close();
  }
}
