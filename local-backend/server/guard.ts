/**
 * Who may talk to the deployment port. Both lists are off by default (any Host, any Origin),
 * as a Convex deployment's API is; an embedding app that serves browsers through its own origin
 * (like `npm start`) narrows them, so a page on another site can neither reach the port by DNS
 * rebinding (Host) nor call it from a browser (Origin). Requests without an Origin header are
 * not from a browser page and pass the Origin check.
 */
import type { IncomingMessage } from "node:http";

export interface AccessGuard {
  /** Host header values accepted: "name:port", or a bare name for any port; undefined: any. */
  allowedHosts?: string[];
  /** Browser origins accepted; undefined accepts any. */
  allowedOrigins?: string[];
}

/** Why a request is refused, or null when it may proceed. */
export function refusal(req: IncomingMessage, guard: AccessGuard): string | null {
  const host = String(req.headers.host ?? "").toLowerCase();
  const name = host.replace(/:\d+$/, "");
  if (guard.allowedHosts && !guard.allowedHosts.some((h) => h === host || h === name)) {
    return `This deployment does not answer to the host "${host}".`;
  }
  const origin = req.headers.origin;
  if (guard.allowedOrigins && origin !== undefined && !guard.allowedOrigins.includes(origin)) {
    return `Requests from pages at ${origin} are not accepted by this deployment.`;
  }
  return null;
}
