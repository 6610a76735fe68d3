import { ConvexError } from "convex/values";
import { ERROR_KINDS, type ErrorKind } from "../../convex/model/errors";

/**
 * What a person sees when something fails: a title, the reason, and what to do next. `kind`
 * is for code that switches on it; it is never shown (a code is not something to act on).
 */
export interface Explained {
  kind: ErrorKind | "OFFLINE" | "ERROR";
  title: string;
  message: string;
  next: string;
}

// Keyed by the server's list of kinds: a new kind fails typecheck until it has words here.
const NEXT_STEPS: Record<ErrorKind, { title: string; next: string }> = {
  UNAUTHENTICATED: { title: "You are signed out", next: "Sign in again to continue." },
  FORBIDDEN: {
    title: "Not allowed",
    next: "Ask a store owner to give your account a role that can do this.",
  },
  NOT_FOUND: {
    title: "Not found",
    next: "It may have been deleted. Go back and pick another one.",
  },
  INVALID: { title: "Something in the request is not valid", next: "Check the values and retry." },
  CONFLICT: {
    title: "Someone changed this at the same time",
    next: "The page now shows the latest version: check it and try again.",
  },
  INVALID_TRANSITION: {
    title: "That step is not allowed from the current state",
    next: "Refresh your view of the item and pick one of the steps it offers.",
  },
  SOLD_OUT: {
    title: "Not enough stock",
    next: "Lower the quantity or restock the product, then try again.",
  },
  RATE_LIMITED: {
    title: "Too many attempts",
    next: "Wait a few minutes before trying again.",
  },
  BUDGET_EXCEEDED: {
    title: "The AI budget is used up",
    next: "An admin can raise the monthly budget in Settings → AI, or wait for next month.",
  },
};

export function explainError(error: unknown): Explained {
  if (error instanceof ConvexError) {
    const data = error.data as { kind?: string; message?: string } | string;
    const kind = typeof data === "object" ? data?.kind : undefined;
    const message =
      typeof data === "string" ? data : (data?.message ?? "The server refused the request.");
    if (isErrorKind(kind)) return { kind, message, ...NEXT_STEPS[kind] };
    return {
      kind: "ERROR",
      title: "The server refused the request",
      message,
      next: "Try again. If it keeps happening, reload the page.",
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/connect|network|websocket|fetch/i.test(message)) {
    return {
      kind: "OFFLINE",
      title: "Cannot reach the backend",
      message,
      next: "Check that `npm start` is still running, then retry.",
    };
  }
  return {
    kind: "ERROR",
    title: "Something went wrong",
    message: stripServerNoise(message),
    next: "Try again. If it keeps happening, reload the page and check the server log.",
  };
}

function isErrorKind(kind: unknown): kind is ErrorKind {
  return (ERROR_KINDS as readonly unknown[]).includes(kind);
}

/** Convex prefixes server errors with "[CONVEX Q(...)] [Request ID: …] Server Error"; keep the reason. */
function stripServerNoise(message: string): string {
  const uncaught = message.match(/Uncaught (?:Error: )?([^\n]+)/);
  return uncaught ? uncaught[1] : message;
}

/**
 * True when the server refused an argument's shape, e.g. an id from a mistyped or old link
 * (`/dashboard/orders/nonsense`): for a page showing one record that simply means "not found".
 */
export function isRejectedArgument(error: unknown): boolean {
  return error instanceof Error && /ArgumentValidationError/.test(error.message);
}
