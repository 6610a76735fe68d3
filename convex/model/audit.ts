// The audit trail: who changed what, recorded by the mutation that made the change.
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import type { AuditChange } from "./validators";

export async function recordAudit(
  ctx: MutationCtx,
  entry: {
    storeId: Id<"stores">;
    actorId: Id<"users">;
    action: string;
    targetTable: string;
    targetId: string;
    changes: AuditChange[];
  },
): Promise<void> {
  await ctx.db.insert("auditLog", { ...entry, actorKind: "user", at: Date.now() });
}
