// Every error a client can see is a ConvexError whose data has a `kind` to switch on and a
// message a person can act on. Never throw a bare Error from a function.
import { ConvexError } from "convex/values";

// The kinds a client may switch on; the workspace maps each to a title and a next step.
export const ERROR_KINDS = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID",
  "CONFLICT",
  "INVALID_TRANSITION",
  "SOLD_OUT",
  "RATE_LIMITED",
  // The store's monthly AI budget is used up (convex/model/ai/usage.ts).
  "BUDGET_EXCEEDED",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export type AppErrorData = { kind: ErrorKind; message: string };

export function appError(kind: ErrorKind, message: string): ConvexError<AppErrorData> {
  return new ConvexError({ kind, message });
}

export const unauthenticated = (message = "Sign in to continue.") =>
  appError("UNAUTHENTICATED", message);
export const forbidden = (message = "You do not have access to this.") =>
  appError("FORBIDDEN", message);
export const notFound = (what: string) => appError("NOT_FOUND", `${what} was not found.`);
export const invalid = (message: string) => appError("INVALID", message);
export const conflict = (message: string) => appError("CONFLICT", message);

/** The error's kind when it is one of ours, else undefined (for tests and HTTP mapping). */
export function errorKind(error: unknown): ErrorKind | undefined {
  if (error instanceof ConvexError && typeof error.data === "object" && error.data !== null) {
    return (error.data as Partial<AppErrorData>).kind;
  }
  return undefined;
}

/** The words of one of our errors (or any Error's message), for a per-row report. */
export function errorMessage(error: unknown): string {
  if (error instanceof ConvexError && typeof error.data === "object" && error.data !== null) {
    const message = (error.data as Partial<AppErrorData>).message;
    if (typeof message === "string") return message;
  }
  return error instanceof Error ? error.message : String(error);
}
