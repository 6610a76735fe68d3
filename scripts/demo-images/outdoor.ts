import type { Drawing } from "./drawing.js";

export const OUTDOOR: Record<string, Drawing> = {};
