/** Errors that travel to clients: a message, and `data` (Convex JSON) for ConvexError. */
import { convexToJson, type JSONValue, type Value } from "convex/values";

export class FunctionError extends Error {
  constructor(
    message: string,
    readonly data?: JSONValue,
    /** The message as the function wrote it, for rethrowing into a calling function. */
    readonly plain: string = message,
  ) {
    super(message);
  }
}

/** Normalises anything a function threw into a FunctionError (ConvexError keeps its data). */
export function toFunctionError(e: unknown): FunctionError {
  if (process.env.DEBUG_BACKEND) console.error("function error:", e);
  if (e instanceof FunctionError) return e;
  if (typeof e === "object" && e !== null && Symbol.for("ConvexError") in e) {
    const err = e as { data: unknown; message: string };
    // registration_impl serialises ConvexError data to a JSON string before rethrowing.
    let data: JSONValue;
    if (typeof err.data === "string") {
      try {
        data = JSON.parse(err.data);
      } catch {
        data = err.data;
      }
    } else {
      data = convexToJson((err.data ?? null) as Value);
    }
    return new FunctionError(`Uncaught ConvexError: ${err.message}`, data, err.message);
  }
  if (e instanceof Error) {
    const name = e.name && e.name !== "Error" ? e.name : "Error";
    return new FunctionError(`Uncaught ${name}: ${e.message}`, undefined, e.message);
  }
  return new FunctionError(`Uncaught ${String(e)}`);
}
