/** The app's schema (default export of schema.ts), reduced to what the runtime enforces. */
import type { ValidatorJson } from "../values/validate.js";

export interface IndexDef {
  name: string;
  fields: string[];
}
export interface SearchIndexDef {
  name: string;
  searchField: string;
  filterFields: string[];
}
export interface VectorIndexDef {
  name: string;
  vectorField: string;
  dimensions: number;
  filterFields: string[];
}
export interface TableDef {
  indexes: IndexDef[];
  searchIndexes: SearchIndexDef[];
  vectorIndexes: VectorIndexDef[];
  documentType: ValidatorJson | null;
}
export interface SchemaInfo {
  tables: Map<string, TableDef>;
  schemaValidation: boolean;
}

export const EMPTY_SCHEMA: SchemaInfo = { tables: new Map(), schemaValidation: false };

const IDENTIFIER = /^[a-zA-Z][a-zA-Z0-9_]*$/;

export function readSchema(schemaExport: any): SchemaInfo {
  if (!schemaExport?.tables) return EMPTY_SCHEMA;
  const tables = new Map<string, TableDef>();
  for (const [name, def] of Object.entries<any>(schemaExport.tables)) {
    if (!IDENTIFIER.test(name))
      throw new Error(`Table names must be valid identifiers, got "${name}"`);
    const exported = def.export();
    const indexes: IndexDef[] = (exported.indexes ?? []).map((i: any) => ({
      name: i.indexDescriptor,
      fields: i.fields,
    }));
    for (const i of indexes) {
      if (!IDENTIFIER.test(i.name))
        throw new Error(`Index names must be valid identifiers, got "${i.name}"`);
      if (i.name === "by_id" || i.name === "by_creation_time" || i.name.startsWith("_"))
        throw new Error(`Index name "${i.name}" on table "${name}" is reserved.`);
    }
    tables.set(name, {
      indexes,
      searchIndexes: (exported.searchIndexes ?? []).map((i: any) => ({
        name: i.indexDescriptor,
        searchField: i.searchField,
        filterFields: i.filterFields ?? [],
      })),
      vectorIndexes: (exported.vectorIndexes ?? []).map((i: any) => ({
        name: i.indexDescriptor,
        vectorField: i.vectorField,
        dimensions: i.dimensions,
        filterFields: i.filterFields ?? [],
      })),
      documentType: exported.documentType ?? null,
    });
  }
  return { tables, schemaValidation: schemaExport.schemaValidation !== false };
}
