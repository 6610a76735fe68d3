/**
 * Checks Convex values against the JSON form of validators (`validator.json`, as exported by
 * `exportArgs()`/`exportReturns()` and by the schema), with error texts shaped like Convex's.
 */
import type { Value } from "convex/values";
import { convexToJson } from "convex/values";

export type ValidatorJson =
  | { type: "null" | "number" | "bigint" | "boolean" | "string" | "bytes" | "any" | "commitTs" }
  | { type: "literal"; value: string | number | boolean | { $integer: string } }
  | { type: "id"; tableName: string }
  | { type: "array"; value: ValidatorJson }
  | { type: "record"; keys: ValidatorJson; values: { fieldType: ValidatorJson; optional: boolean } }
  | { type: "object"; value: Record<string, { fieldType: ValidatorJson; optional: boolean }> }
  | { type: "union"; value: ValidatorJson[] };

export class ValidationError extends Error {}

/** Renders a validator the way it is written in code, for error messages. */
export function printValidator(v: ValidatorJson): string {
  switch (v.type) {
    case "literal":
      return `v.literal(${JSON.stringify(v.value)})`;
    case "id":
      return `v.id("${v.tableName}")`;
    case "array":
      return `v.array(${printValidator(v.value)})`;
    case "record":
      return `v.record(${printValidator(v.keys)}, ${printValidator(v.values.fieldType)})`;
    case "object":
      return `v.object({${Object.entries(v.value)
        .map(
          ([k, f]) =>
            `${k}: ${f.optional ? `v.optional(${printValidator(f.fieldType)})` : printValidator(f.fieldType)}`,
        )
        .join(", ")}})`;
    case "union":
      return `v.union(${v.value.map(printValidator).join(", ")})`;
    case "bigint":
      return "v.int64()";
    case "number":
      return "v.float64()";
    default:
      return `v.${v.type}()`;
  }
}

function show(value: unknown): string {
  try {
    return JSON.stringify(convexToJson(value as Value));
  } catch {
    return String(value);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v) || v instanceof ArrayBuffer)
    return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto === Object.prototype || proto?.constructor?.name === "Object";
}

function literalValue(l: string | number | boolean | { $integer: string }) {
  if (typeof l === "object" && l !== null) {
    const bytes = Buffer.from(l.$integer, "base64");
    return bytes.readBigInt64LE(0);
  }
  return l;
}

/** Returns null when `value` matches, else a description of the first mismatch. */
export function check(
  v: ValidatorJson,
  value: unknown,
  path: string,
  tableOfId: (id: string) => string | null,
): string | null {
  const mismatch = () =>
    `Value does not match validator.\nPath: ${path || "(root)"}\nValue: ${show(value)}\nValidator: ${printValidator(v)}`;
  switch (v.type) {
    case "any":
      return null;
    case "null":
      return value === null ? null : mismatch();
    case "number":
      return typeof value === "number" ? null : mismatch();
    case "bigint":
      return typeof value === "bigint" ? null : mismatch();
    case "commitTs":
      return typeof value === "bigint" || value?.constructor?.name === "CommitTsPlaceholder"
        ? null
        : mismatch();
    case "boolean":
      return typeof value === "boolean" ? null : mismatch();
    case "string":
      return typeof value === "string" ? null : mismatch();
    case "bytes":
      return value instanceof ArrayBuffer ? null : mismatch();
    case "literal":
      return value === literalValue(v.value) ? null : mismatch();
    case "id": {
      if (typeof value !== "string") return mismatch();
      const table = tableOfId(value);
      if (table === v.tableName) return null;
      return `Value does not match validator.\nPath: ${path || "(root)"}\nValue: ${show(value)}\nValidator: v.id("${v.tableName}")${table ? `\nThe ID belongs to table "${table}".` : ""}`;
    }
    case "array": {
      if (!Array.isArray(value)) return mismatch();
      for (let i = 0; i < value.length; i++) {
        const err = check(v.value, value[i], `${path}[${i}]`, tableOfId);
        if (err) return err;
      }
      return null;
    }
    case "record": {
      if (!isPlainObject(value)) return mismatch();
      for (const [k, item] of Object.entries(value)) {
        if (item === undefined) continue;
        const keyErr = check(v.keys, k, `${path}.${k} (key)`, tableOfId);
        if (keyErr) return keyErr;
        const err = check(v.values.fieldType, item, `${path}.${k}`, tableOfId);
        if (err) return err;
      }
      return null;
    }
    case "object": {
      if (!isPlainObject(value)) return mismatch();
      for (const [k, field] of Object.entries(v.value)) {
        const item = value[k];
        if (item === undefined) {
          if (!field.optional)
            return `Object is missing the required field \`${k}\`. Consider wrapping the field validator in \`v.optional(...)\` if this is expected.\n\nObject: ${show(value)}\nValidator: ${printValidator(v)}`;
          continue;
        }
        const err = check(field.fieldType, item, `${path}.${k}`, tableOfId);
        if (err) return err;
      }
      for (const k of Object.keys(value)) {
        if (value[k] !== undefined && !(k in v.value))
          return `Object contains extra field \`${k}\` that is not in the validator.\n\nObject: ${show(value)}\nValidator: ${printValidator(v)}`;
      }
      return null;
    }
    case "union": {
      for (const member of v.value) {
        if (check(member, value, path, tableOfId) === null) return null;
      }
      return mismatch();
    }
  }
  return `Unknown validator type ${(v as { type: string }).type}`;
}
