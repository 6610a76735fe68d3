import { ClerkProvider, SignIn, useAuth, useClerk, useUser } from "@clerk/clerk-react";
import { type ConvexReactClient, useConvexAuth } from "convex/react";
import { ConvexProviderWithClerk } from "convex/react-clerk";
import { type ReactNode, useMemo } from "react";
import { FullPageMessage } from "../../components/FullPageMessage";
import { SessionContext, type SessionInfo } from "./session";

/** Real sign-in, used when a Clerk publishable key is configured. Loaded on demand. */
export default function ClerkRoot({
  publishableKey,
  client,
  children,
}: {
  publishableKey: string;
  client: ConvexReactClient;
  children: ReactNode;
}) {
  return (
    <ClerkProvider publishableKey={publishableKey} afterSignOutUrl="/dashboard">
      <ConvexProviderWithClerk client={client} useAuth={useAuth}>
        <ClerkGate>{children}</ClerkGate>
      </ConvexProviderWithClerk>
    </ClerkProvider>
  );
}

function ClerkGate({ children }: { children: ReactNode }) {
  const { isLoaded, isSignedIn } = useAuth();
  const { user } = useUser();
  const clerk = useClerk();
  const { isLoading, isAuthenticated } = useConvexAuth();
  const email = user?.primaryEmailAddress?.emailAddress;
  const info = useMemo<SessionInfo>(
    () => ({ mode: "clerk", email, signOut: () => void clerk.signOut() }),
    [email, clerk],
  );
  if (!isLoaded) return <FullPageMessage title="Loading sign-in…" busy />;
  if (!isSignedIn) {
    return (
      <main className="flex min-h-screen items-center justify-center p-4">
        <SignIn routing="hash" />
      </main>
    );
  }
  if (isLoading) return <FullPageMessage title="Signing in…" busy />;
  if (!isAuthenticated) {
    return (
      <FullPageMessage title="The backend did not accept your Clerk session">
        Check that CLERK_JWT_ISSUER_DOMAIN matches this Clerk instance and that a JWT template named
        “convex” exists, then reload.
      </FullPageMessage>
    );
  }
  return <SessionContext.Provider value={info}>{children}</SessionContext.Provider>;
}
