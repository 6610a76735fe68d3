import type { BadgeTone } from "../../components/Badge";
import type { Doc } from "../../../lib/api";

export const PRODUCT_STATUS_TONE: Record<Doc<"products">["status"], BadgeTone> = {
  active: "emerald",
  draft: "gray",
  archived: "amber",
};
