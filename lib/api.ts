/** Typed references to the Convex functions (generated from convex/ by `npm run codegen`). */
export { api } from "../convex/_generated/api";
export type { Doc, Id } from "../convex/_generated/dataModel";
