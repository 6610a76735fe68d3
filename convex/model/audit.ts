// The audit trail: who changed what, written by the same transaction that made the change.
// The only writer of `auditLog` (tests/convex/writers.test.ts keeps it that way).
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import type { AuditAi, AuditChange } from "./validators";

/** Who made a change: a member, the system (seed, crons), or an outside service's webhook. */
export type Actor =
  | { kind: "user"; userId: Id<"users"> }
  | { kind: "system" }
  | { kind: "webhook" };

export const SYSTEM: Actor = { kind: "system" };

export function userActor(userId: Id<"users">): Actor {
  return { kind: "user", userId };
}

export async function recordAudit(
  ctx: MutationCtx,
  entry: {
    storeId: Id<"stores">;
    actor: Actor;
    action: string;
    targetTable: string;
    targetId: string;
    changes: AuditChange[];
    at?: number;
    ai?: AuditAi;
  },
): Promise<void> {
  const { actor, at, ...rest } = entry;
  await ctx.db.insert("auditLog", {
    ...rest,
    actorKind: actor.kind,
    actorId: actor.kind === "user" ? actor.userId : undefined,
    at: at ?? Date.now(),
  });
}
