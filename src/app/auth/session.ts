import { createContext, useContext } from "react";

/** What the shell needs from whichever sign-in is active (offline accounts or Clerk). */
export interface SessionInfo {
  mode: "offline" | "clerk";
  email?: string;
  signOut(): void;
}

export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a sign-in provider");
  return session;
}
