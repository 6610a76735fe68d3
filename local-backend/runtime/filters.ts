/**
 * Evaluates the serialized `.filter()` expressions from convex/server's filter builder
 * ({$eq: [a, b]}, {$field: "a.b"}, {$literal: v}, …). Comparisons use Convex value order, so
 * comparing across types behaves as in Convex (e.g. null < any number).
 */
import { compareValues, jsonToConvex, type Value } from "convex/values";
import { getField } from "./fields.js";

type Expr = Record<string, any>;

function literal(json: any): Value | undefined {
  if (json !== null && typeof json === "object" && "$undefined" in json) return undefined;
  return jsonToConvex(json);
}

function arith(op: string, a: any, b: any): Value {
  if (typeof a === "bigint" && typeof b === "bigint") {
    switch (op) {
      case "$add":
        return BigInt.asIntN(64, a + b);
      case "$sub":
        return BigInt.asIntN(64, a - b);
      case "$mul":
        return BigInt.asIntN(64, a * b);
      case "$div":
        if (b === 0n) throw new Error("Division by zero in filter expression");
        return a / b;
      case "$mod":
        if (b === 0n) throw new Error("Division by zero in filter expression");
        return a % b;
    }
  }
  if (typeof a === "number" && typeof b === "number") {
    switch (op) {
      case "$add":
        return a + b;
      case "$sub":
        return a - b;
      case "$mul":
        return a * b;
      case "$div":
        return a / b;
      case "$mod":
        return a % b;
    }
  }
  throw new Error(
    `Filter expression ${op.slice(1)} needs two numbers of the same type, got ${typeof a} and ${typeof b}`,
  );
}

export function evaluate(expr: Expr, doc: Record<string, unknown>): Value | undefined {
  const op = Object.keys(expr)[0];
  const arg = expr[op];
  switch (op) {
    case "$field":
      return getField(doc, arg);
    case "$literal":
      return literal(arg);
    case "$eq":
      return compareValues(evaluate(arg[0], doc), evaluate(arg[1], doc)) === 0;
    case "$neq":
      return compareValues(evaluate(arg[0], doc), evaluate(arg[1], doc)) !== 0;
    case "$lt":
      return compareValues(evaluate(arg[0], doc), evaluate(arg[1], doc)) < 0;
    case "$lte":
      return compareValues(evaluate(arg[0], doc), evaluate(arg[1], doc)) <= 0;
    case "$gt":
      return compareValues(evaluate(arg[0], doc), evaluate(arg[1], doc)) > 0;
    case "$gte":
      return compareValues(evaluate(arg[0], doc), evaluate(arg[1], doc)) >= 0;
    case "$and":
      return (arg as Expr[]).every((e) => evaluate(e, doc) === true);
    case "$or":
      return (arg as Expr[]).some((e) => evaluate(e, doc) === true);
    case "$not":
      return evaluate(arg, doc) !== true;
    case "$neg": {
      const v = evaluate(arg, doc);
      if (typeof v === "bigint") return BigInt.asIntN(64, -v);
      if (typeof v === "number") return -v;
      throw new Error(`Filter expression neg needs a number, got ${typeof v}`);
    }
    case "$add":
    case "$sub":
    case "$mul":
    case "$div":
    case "$mod":
      return arith(op, evaluate(arg[0], doc), evaluate(arg[1], doc));
  }
  throw new Error(`Unsupported filter expression: ${JSON.stringify(expr)}`);
}

export function matches(filters: Expr[], doc: Record<string, unknown>): boolean {
  for (const f of filters) if (evaluate(f, doc) !== true) return false;
  return true;
}
