import type { Value } from "convex/values";

/** Reads a (possibly dotted) field path from a document; missing → undefined. */
export function getField(doc: Record<string, unknown>, path: string): Value | undefined {
  if (!path.includes(".")) return doc[path] as Value | undefined;
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object" || Array.isArray(cur) || cur instanceof ArrayBuffer)
      return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur as Value | undefined;
}
