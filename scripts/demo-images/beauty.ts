import type { Drawing } from "./drawing.js";

export const BEAUTY: Record<string, Drawing> = {};
