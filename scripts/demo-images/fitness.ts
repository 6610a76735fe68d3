import type { Drawing } from "./drawing.js";

export const FITNESS: Record<string, Drawing> = {};
