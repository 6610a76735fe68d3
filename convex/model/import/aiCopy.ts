// Asks the AI layer for an optimised title and description of an imported product. The draft
// is written by the AI layer's scheduled job into `aiDrafts`, where the team accepts or rejects
// it (the product keeps the supplier's copy until then).
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { aiConfigFromEnv, providerLabel } from "../ai/config";
import { requestDraft } from "../ai/drafts";

export type CopyRequest = {
  storeId: Id<"stores">;
  productId: Id<"products">;
  title: string;
  description: string;
  category: string;
  supplierTitle: string;
  requestedBy: Id<"users">;
};

// The AI layer refuses inputs above this; a long supplier description is cut to fit.
const MAX_INPUT = 20_000;

/** Whether a draft was requested, and what the step shows. */
export async function requestCopy(
  ctx: MutationCtx,
  request: CopyRequest,
): Promise<{ requested: boolean; detail: string }> {
  const config = aiConfigFromEnv();
  await requestDraft(ctx, {
    storeId: request.storeId,
    kind: "product_description",
    template: "productCopy",
    input: {
      title: request.title,
      description: request.description.slice(0, MAX_INPUT),
      category: request.category,
      supplierTitle: request.supplierTitle,
    },
    target: { table: "products", id: request.productId },
    requestedBy: request.requestedBy,
  });
  return {
    requested: true,
    detail: `${providerLabel(config.provider, config.provider === "claude" ? config.model : undefined)} requested: review it on the product`,
  };
}
