import { lazy, Suspense } from "react";
import { FullPageMessage } from "../components/FullPageMessage";
import { getConvexClient } from "../../lib/convexClient";
import { getRuntimeConfig, type RuntimeConfig } from "../../lib/runtimeConfig";
import { OfflineAuthRoot } from "./auth/OfflineAuthRoot";
import { Workspace } from "./Workspace";

// Clerk's bundle is only fetched when a publishable key is configured.
const ClerkRoot = lazy(() => import("./auth/ClerkRoot"));

export function App() {
  let config: RuntimeConfig;
  try {
    config = getRuntimeConfig();
  } catch (error) {
    return (
      <FullPageMessage title="The workspace is not configured">
        {(error as Error).message}
      </FullPageMessage>
    );
  }
  const client = getConvexClient();
  if (config.clerkPublishableKey) {
    return (
      <Suspense fallback={<FullPageMessage title="Loading sign-in…" busy />}>
        <ClerkRoot publishableKey={config.clerkPublishableKey} client={client}>
          <Workspace />
        </ClerkRoot>
      </Suspense>
    );
  }
  return (
    <OfflineAuthRoot client={client}>
      <Workspace />
    </OfflineAuthRoot>
  );
}
