// Auth providers of the conformance app. The embedded-backend runner (../../harness/backend.ts)
// generates an RS256 key, passes its public JWKS (a data: URL) and the issuer through
// `startBackend({ env })`, and signs tokens with the private key. convex-test ignores this
// file: `t.withIdentity` sets the identity directly.
export default {
  providers: [
    {
      type: "customJwt",
      issuer: process.env.CONFORMANCE_JWT_ISSUER,
      jwks: process.env.CONFORMANCE_JWT_JWKS,
      algorithm: "RS256",
      applicationID: "conformance-app",
    },
  ],
};
