// Which JWT issuer the backend trusts, chosen by environment: Clerk in hosted setups, or the
// offline accounts' issuer (scripts/offline-auth.ts) for a store running on one machine.
// Never both: the two would each vouch for an email, so a verified address at one could claim
// invites meant for the other's account.
import type { AuthConfig, AuthProvider } from "convex/server";

const providers: AuthProvider[] = [];

if (process.env.CLERK_JWT_ISSUER_DOMAIN && process.env.OFFLINE_AUTH_ISSUER) {
  throw new Error(
    "Both CLERK_JWT_ISSUER_DOMAIN and OFFLINE_AUTH_ISSUER are set: trust one issuer only. Unset OFFLINE_AUTH_ISSUER and OFFLINE_AUTH_JWKS_URL to use Clerk.",
  );
}

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
