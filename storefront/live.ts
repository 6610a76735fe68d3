/**
 * Live data for the islands: one `convex/browser` ConvexClient per page (a WebSocket shared by
 * every subscription), not the whole ConvexReactClient, to keep the shopper's JavaScript small.
 */
import { ConvexClient } from "convex/browser";
import type { FunctionArgs, FunctionReference, FunctionReturnType } from "convex/server";
import { ConvexError } from "convex/values";
import { useEffect, useState } from "react";
import { getRuntimeConfig } from "../lib/runtimeConfig";

let client: ConvexClient | null = null;

export function convex(): ConvexClient {
  client ??= new ConvexClient(getRuntimeConfig().url);
  return client;
}

/**
 * A live query: starts from the server-rendered value (`initial`), then follows every change.
 * `args === "skip"` subscribes to nothing.
 */
export function useLive<Q extends FunctionReference<"query">>(
  query: Q,
  args: FunctionArgs<Q> | "skip",
  initial?: FunctionReturnType<Q>,
): { data: FunctionReturnType<Q> | undefined; error: Error | null } {
  const [state, setState] = useState<{
    data: FunctionReturnType<Q> | undefined;
    error: Error | null;
  }>({ data: initial, error: null });
  const key = args === "skip" ? "skip" : JSON.stringify(args);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `args`
  useEffect(() => {
    if (args === "skip") return;
    return convex().onUpdate(
      query,
      args,
      (data) => setState({ data, error: null }),
      (error) => setState((s) => ({ data: s.data, error })),
    );
  }, [query, key]);
  return state;
}

/** The message a shopper should read for a failed call (ConvexError {kind, message}). */
export function errorMessage(error: unknown): string {
  if (error instanceof ConvexError) {
    const data = error.data as { message?: string } | string;
    if (typeof data === "string") return data;
    if (data?.message) return data.message;
  }
  return "Something went wrong. Please try again.";
}

export function errorKind(error: unknown): string | null {
  if (error instanceof ConvexError) {
    const data = error.data as { kind?: string };
    return typeof data === "object" && data?.kind ? data.kind : null;
  }
  return null;
}
