// Asks the AI layer for an optimised title and description of an imported product. The draft
// is written by the AI layer's scheduled job into `aiDrafts`, where the team accepts or rejects it.
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";

export type CopyRequest = {
  storeId: Id<"stores">;
  productId: Id<"products">;
  title: string;
  description: string;
  category: string;
  supplierTitle: string;
  requestedBy: Id<"users">;
};

/** Whether a draft was requested, and what the step shows. */
export async function requestCopy(
  _ctx: MutationCtx,
  _request: CopyRequest,
): Promise<{ requested: boolean; detail: string }> {
  // The AI layer (convex/model/ai/drafts.ts) lands on its own branch; until it is merged the
  // step says so instead of pretending.
  return {
    requested: false,
    detail: "The AI layer is not installed yet; the page's copy is kept.",
  };
}
