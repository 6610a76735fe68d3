import type { ComponentType, LazyExoticComponent } from "react";
import type { IconName } from "../components/Icon";

/** What the shell shows of a module: sidebar entry, page header, palette command. */
export interface ModuleMeta {
  id: string;
  label: string;
  icon: IconName;
  /** One line under the page title. */
  summary: string;
  /** Other words that find it in the command palette ("catalog" → Products). */
  keywords: string[];
  /** Its address under /dashboard ("" for the overview). */
  path: string;
}

/** What every page of a module receives: its module and the address's named segments. */
export interface PageProps {
  module: ModuleMeta;
  params: Record<string, string>;
}

export interface ModuleRoute {
  /** Below the module's path: "" for its home, ":id" for a detail page. */
  pattern: string;
  /** Loaded on first visit (`React.lazy`), so each module ships in its own chunk. */
  page: LazyExoticComponent<ComponentType<PageProps>>;
  /** The page's part of <title>; the module's label when unset. */
  title?: string;
}

export interface DashboardModule extends ModuleMeta {
  routes: ModuleRoute[];
}

export function defineModule<const M extends DashboardModule>(module: M): M {
  return module;
}

/** A module's address, or one below it: modulePath(orders, id) → /dashboard/orders/<id>. */
export function modulePath(module: Pick<ModuleMeta, "path">, ...below: string[]): string {
  const parts = [module.path, ...below.map(encodeURIComponent)].filter(Boolean);
  return parts.length === 0 ? "/dashboard" : `/dashboard/${parts.join("/")}`;
}
