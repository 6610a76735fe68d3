// Where another part of Discover plugs into the page: the lead wires one-click import's
// <ImportBox /> here at merge, so this page never imports a file it does not own.
import type { ReactNode } from "react";

export const importSlot: ReactNode = null;
