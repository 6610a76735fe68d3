import { v } from "convex/values";
import { action, mutation, query } from "./_generated/server";

// Queries and mutations are deterministic transactions: Convex gives them no network access and
// no timers (calling them throws); actions may use both.

export const fetchInMutation = mutation({
  args: {},
  handler: async () => {
    await fetch("http://127.0.0.1:9/");
  },
});

export const fetchInQuery = query({
  args: {},
  handler: async () => {
    await fetch("http://127.0.0.1:9/");
  },
});

export const setTimeoutInMutation = mutation({
  args: {},
  handler: async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
  },
});

export const setIntervalInQuery = query({
  args: {},
  handler: async () => {
    clearInterval(setInterval(() => {}, 1000));
  },
});

export const setTimeoutInAction = action({
  args: {},
  handler: async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return "slept";
  },
});

/** Inserts a document whose `meta` string has `size` characters. */
export const insertLarge = mutation({
  args: { size: v.number() },
  handler: async (ctx, { size }) =>
    await ctx.db.insert("items", { name: "large", n: size, meta: "x".repeat(size) }),
});
