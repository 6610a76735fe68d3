/**
 * Real tokens for the embedded backend: an RS256 key generated per run, its public JWKS handed to
 * the conformance app's auth.config.ts (a `customJwt` provider) through `startBackend({ env })`,
 * and JWTs signed for the identities scenarios ask for. convex-test needs none of this: there
 * `t.withIdentity(identity)` sets the identity directly.
 */
import { exportJWK, generateKeyPair, SignJWT } from "jose";

/** The issuer scenarios put in their identities (and the provider's `issuer`). */
export const TEST_ISSUER = "https://auth.conformance.test";
/** The provider's `applicationID`: every token's `aud`. */
export const TEST_APPLICATION_ID = "conformance-app";

/**
 * The JWT claim each `UserIdentity` attribute comes from (as documented on `UserIdentity`, and as
 * convex-test's `withIdentity` maps them); other attributes are custom claims of the same name.
 */
const CLAIM_OF_ATTRIBUTE: Record<string, string> = {
  subject: "sub",
  issuer: "iss",
  name: "name",
  givenName: "given_name",
  familyName: "family_name",
  nickname: "nickname",
  preferredUsername: "preferred_username",
  profileUrl: "profile",
  pictureUrl: "picture",
  email: "email",
  emailVerified: "email_verified",
  gender: "gender",
  birthday: "birthdate",
  timezone: "zoneinfo",
  language: "locale",
  phoneNumber: "phone_number",
  phoneNumberVerified: "phone_number_verified",
  address: "address",
  updatedAt: "updated_at",
};

export interface TokenSigner {
  /** Environment variables for `startBackend({ env })`, read by auth.config.ts. */
  env: Record<string, string>;
  /** A signed JWT (valid for an hour, or until `expiresAt` in seconds) whose claims give `identity`. */
  sign(identity: Record<string, unknown>, expiresAt?: number): Promise<string>;
}

export async function newTokenSigner(): Promise<TokenSigner> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "conformance-1", alg: "RS256", use: "sig" };
  const jwks = Buffer.from(JSON.stringify({ keys: [jwk] })).toString("base64");
  return {
    env: {
      CONFORMANCE_JWT_ISSUER: TEST_ISSUER,
      CONFORMANCE_JWT_JWKS: `data:application/json;base64,${jwks}`,
    },
    async sign(identity, expiresAt) {
      const { subject, issuer, tokenIdentifier: _derived, ...rest } = identity;
      if (typeof subject !== "string" || issuer !== TEST_ISSUER) {
        throw new Error(`identities need a string subject and issuer ${TEST_ISSUER}`);
      }
      const claims: Record<string, unknown> = {};
      for (const [attribute, value] of Object.entries(rest)) {
        claims[CLAIM_OF_ATTRIBUTE[attribute] ?? attribute] = value;
      }
      return await new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: "conformance-1", typ: "JWT" })
        .setIssuer(issuer)
        .setSubject(subject)
        .setAudience(TEST_APPLICATION_ID)
        .setIssuedAt()
        .setExpirationTime(expiresAt ?? "1h")
        .sign(privateKey);
    },
  };
}
