// Which JWT issuers the backend trusts, chosen by environment: Clerk in hosted setups, and the
// embedded backend's own offline sign-in for a store running on one machine. Either or both.
import type { AuthConfig, AuthProvider } from "convex/server";

const providers: AuthProvider[] = [];

if (process.env.CLERK_JWT_ISSUER_DOMAIN) {
  providers.push({ domain: process.env.CLERK_JWT_ISSUER_DOMAIN, applicationID: "convex" });
}

if (process.env.OFFLINE_AUTH_ISSUER) {
  if (!process.env.OFFLINE_AUTH_JWKS_URL) {
    throw new Error("OFFLINE_AUTH_JWKS_URL must be set together with OFFLINE_AUTH_ISSUER.");
  }
  providers.push({
    type: "customJwt",
    issuer: process.env.OFFLINE_AUTH_ISSUER,
    jwks: process.env.OFFLINE_AUTH_JWKS_URL,
    algorithm: "RS256",
    applicationID: "storefront-command-center",
  });
}

export default { providers } satisfies AuthConfig;
