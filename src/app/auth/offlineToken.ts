/**
 * Client side of the offline accounts (scripts/offline-accounts.ts): sign-in returns a
 * short-lived JWT plus a refresh secret that is rotated on every refresh. Kept in
 * sessionStorage: one session per tab, gone when the tab closes, and no two tabs racing to
 * rotate the same secret.
 */
export interface OfflineSession {
  email: string;
  name?: string;
  emailVerified: boolean;
  token: string;
  /** Epoch ms. */
  expiresAt: number;
  refreshToken: string;
}

const STORAGE_KEY = "commandCenter.offlineSession";

export function loadSession(): OfflineSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as OfflineSession;
    return typeof s.email === "string" && typeof s.refreshToken === "string" ? s : null;
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

type Reply = {
  token?: string;
  expiresAt?: number;
  refreshToken?: string;
  account?: { email: string; name?: string; emailVerified: boolean };
  message?: string;
  error?: { kind: string; message: string };
};

async function post(route: string, body: Record<string, string | undefined>): Promise<Reply> {
  let response: Response;
  try {
    response = await fetch(`/auth/offline/${route}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    throw new SignInError("Cannot reach the app server. Is `npm start` still running?", "OFFLINE");
  }
  if (response.status === 204) return {};
  const reply = (await response.json().catch(() => null)) as Reply | null;
  if (!response.ok) {
    if (response.status === 404 && !reply?.error) {
      throw new SignInError(
        "Offline accounts are turned off on this server (Clerk is configured).",
        "DISABLED",
      );
    }
    throw new SignInError(
      reply?.error?.message ?? `The server answered HTTP ${response.status}. Try again.`,
      reply?.error?.kind ?? "ERROR",
    );
  }
  return reply ?? {};
}

function toSession(reply: Reply): OfflineSession {
  if (!reply.token || !reply.expiresAt || !reply.refreshToken || !reply.account) {
    throw new SignInError("The server sent an incomplete sign-in answer. Try again.", "ERROR");
  }
  return {
    email: reply.account.email,
    name: reply.account.name,
    emailVerified: reply.account.emailVerified,
    token: reply.token,
    expiresAt: reply.expiresAt,
    refreshToken: reply.refreshToken,
  };
}

export const offlineAccounts = {
  async signIn(email: string, password: string) {
    return toSession(await post("sign-in", { email, password }));
  },
  async signUp(email: string, password: string, name: string) {
    return toSession(await post("sign-up", { email, password, name }));
  },
  async refresh(refreshToken: string) {
    return toSession(await post("refresh", { refreshToken }));
  },
  async signOut(refreshToken: string) {
    await post("sign-out", { refreshToken }).catch(() => {});
  },
  async requestReset(email: string): Promise<string> {
    return (await post("reset-request", { email })).message ?? "Check your email.";
  },
  async resetPassword(token: string, password: string) {
    await post("reset", { token, password });
  },
  async verifyEmail(token: string) {
    await post("verify", { token });
  },
};
