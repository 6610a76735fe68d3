import type { Drawing } from "./drawing.js";

export const PETS: Record<string, Drawing> = {};
