import { matchPath } from "../../lib/router";
import { MODULES, type RouteMatch } from "./registry";

/** The module page for an address under /dashboard, or null (the shell shows "not found"). */
export function matchRoute(pathname: string, modules = MODULES): RouteMatch | null {
  const below = pathname.replace(/^\/dashboard(?=\/|$)/, "");
  for (const module of modules) {
    for (const route of module.routes) {
      const params = matchPath(`${module.path}/${route.pattern}`, below);
      if (params) return { module, route, params };
    }
  }
  return null;
}
