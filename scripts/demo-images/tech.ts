import type { Drawing } from "./drawing.js";

export const TECH: Record<string, Drawing> = {};
