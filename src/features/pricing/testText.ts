import type { FunctionReturnType } from "convex/server";
import type { api } from "../../../lib/api";
import type { BadgeTone } from "../../components/Badge";

export type PriceTestView = FunctionReturnType<typeof api.priceTests.list>[number];

export const TEST_STATUS: Record<PriceTestView["status"], { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "gray" },
  running: { label: "Running", tone: "emerald" },
  completed: { label: "Completed", tone: "indigo" },
  stopped: { label: "Stopped", tone: "slate" },
};

export const VERDICT_TONE: Record<PriceTestView["verdict"]["kind"], string> = {
  winner: "border-emerald-200 bg-emerald-50 text-emerald-900",
  no_winner: "border-amber-200 bg-amber-50 text-amber-900",
  too_little_data: "border-gray-200 bg-gray-50 text-gray-700",
};

export const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
