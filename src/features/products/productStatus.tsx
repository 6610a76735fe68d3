import type { ProductStatus } from "../../../convex/model/validators";
import { Badge, type BadgeTone } from "../../components/Badge";

/** Words and colour per status of the server's list: a new status fails typecheck here. */
export const PRODUCT_STATUS: Record<
  ProductStatus,
  { label: string; tone: BadgeTone; meaning: string }
> = {
  draft: { label: "Draft", tone: "gray", meaning: "hidden" },
  active: { label: "Active", tone: "emerald", meaning: "shown on the storefront" },
  archived: { label: "Archived", tone: "amber", meaning: "hidden" },
};

export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  return <Badge tone={PRODUCT_STATUS[status].tone}>{PRODUCT_STATUS[status].label}</Badge>;
}
