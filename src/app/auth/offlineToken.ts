/**
 * Client side of the OFFLINE DEMO sign-in (scripts/offline-auth.ts): asks the local server for
 * a short-lived JWT and keeps it in sessionStorage (gone when the tab closes).
 */
export interface OfflineSession {
  email: string;
  name: string;
  token: string;
  /** Epoch ms. */
  expiresAt: number;
}

const STORAGE_KEY = "commandCenter.offlineSession";

export function loadSession(): OfflineSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as OfflineSession;
    return typeof s.email === "string" && typeof s.token === "string" ? s : null;
  } catch {
    return null;
  }
}

export function saveSession(session: OfflineSession | null) {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}

export class SignInError extends Error {
  constructor(
    message: string,
    readonly kind: string,
  ) {
    super(message);
  }
}

export async function requestToken(email: string, name: string): Promise<OfflineSession> {
  let response: Response;
  try {
    response = await fetch("/auth/offline/token", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, name }),
    });
  } catch {
    throw new SignInError("Cannot reach the app server. Is `npm start` still running?", "OFFLINE");
  }
  const body = (await response.json().catch(() => null)) as {
    token?: string;
    expiresAt?: number;
    error?: { kind: string; message: string };
  } | null;
  if (!response.ok || !body?.token || !body.expiresAt) {
    if (response.status === 404) {
      throw new SignInError(
        "The offline sign-in is turned off on this server (Clerk is configured).",
        "DISABLED",
      );
    }
    throw new SignInError(
      body?.error?.message ?? `Sign-in failed (HTTP ${response.status}).`,
      body?.error?.kind ?? "ERROR",
    );
  }
  return { email, name, token: body.token, expiresAt: body.expiresAt };
}
