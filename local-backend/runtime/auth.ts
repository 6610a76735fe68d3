/**
 * Verifies JWTs against the app's auth.config.ts providers (OIDC discovery + JWKS, and
 * customJwt), and turns claims into the UserIdentity shape Convex gives functions.
 */
import { createLocalJWKSet, createRemoteJWKSet, type JWTPayload, jwtVerify } from "jose";

export type Identity = Record<string, unknown> & {
  tokenIdentifier: string;
  subject: string;
  issuer: string;
};

interface Provider {
  type?: "customJwt";
  domain?: string;
  issuer?: string;
  jwks?: string;
  algorithm?: string;
  applicationID?: string;
}

const CLAIMS: Record<string, string> = {
  name: "name",
  given_name: "givenName",
  family_name: "familyName",
  nickname: "nickname",
  preferred_username: "preferredUsername",
  profile: "profileUrl",
  picture: "pictureUrl",
  email: "email",
  email_verified: "emailVerified",
  gender: "gender",
  birthdate: "birthday",
  zoneinfo: "timezone",
  locale: "language",
  phone_number: "phoneNumber",
  phone_number_verified: "phoneNumberVerified",
  address: "address",
  updated_at: "updatedAt",
};
const SKIP = new Set(["iss", "sub", "aud", "exp", "iat", "nbf", "jti", "azp"]);
/** Identity fields only the provider and the standard claims may set (never a custom claim). */
const RESERVED = new Set(["tokenIdentifier", "subject", "issuer"]);
/** Algorithms Convex accepts for a customJwt provider; OIDC providers sign with RS256. */
const CUSTOM_JWT_ALGORITHMS = new Set(["RS256", "ES256"]);

export class AuthError extends Error {}

const trimSlash = (s: string) => s.replace(/\/+$/, "");

export class AuthVerifier {
  private jwksCache = new Map<
    string,
    ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>
  >();
  private providers: Provider[];

  constructor(authConfig: any) {
    this.providers = (authConfig?.providers ?? []).filter(Boolean);
    for (const p of this.providers) {
      if (p.type === "customJwt" && p.algorithm && !CUSTOM_JWT_ALGORITHMS.has(p.algorithm))
        throw new Error(
          `auth.config.ts: unsupported algorithm "${p.algorithm}" for the customJwt provider ${p.issuer}; use RS256 or ES256.`,
        );
    }
  }

  get configured() {
    return this.providers.length > 0;
  }

  private async jwksFor(p: Provider) {
    const url = p.jwks;
    if (!url && p.domain) {
      const cached = this.jwksCache.get(`oidc:${p.domain}`);
      if (cached) return cached;
      const res = await fetch(`${trimSlash(p.domain)}/.well-known/openid-configuration`);
      if (!res.ok)
        throw new AuthError(
          `Could not fetch OpenID configuration from ${p.domain} (HTTP ${res.status})`,
        );
      const conf = (await res.json()) as { jwks_uri?: string };
      if (!conf.jwks_uri)
        throw new AuthError(`OpenID configuration of ${p.domain} has no jwks_uri`);
      const set = createRemoteJWKSet(new URL(conf.jwks_uri));
      this.jwksCache.set(`oidc:${p.domain}`, set);
      return set;
    }
    if (!url) throw new AuthError("Auth provider has neither jwks nor domain");
    let set = this.jwksCache.get(url);
    if (!set) {
      if (url.startsWith("data:")) {
        const comma = url.indexOf(",");
        const meta = url.slice(5, comma);
        const body = url.slice(comma + 1);
        const text = meta.endsWith(";base64")
          ? Buffer.from(body, "base64").toString("utf8")
          : decodeURIComponent(body);
        set = createLocalJWKSet(JSON.parse(text));
      } else {
        set = createRemoteJWKSet(new URL(url));
      }
      this.jwksCache.set(url, set);
    }
    return set;
  }

  /** Returns the identity for a valid token, or throws AuthError saying why it was refused. */
  async verify(token: string): Promise<Identity> {
    return (await this.verifyToken(token)).identity;
  }

  /** The identity and when the token expires (ms since the epoch). */
  async verifyToken(token: string): Promise<{ identity: Identity; expiresAt: number }> {
    if (!this.configured)
      throw new AuthError(
        "No auth provider found matching the given token: this deployment has no auth.config.ts providers.",
      );
    let unverified: JWTPayload;
    try {
      const [, payload] = token.split(".");
      unverified = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
      throw new AuthError(
        "Could not parse JWT payload. Check that the token is a valid JWT format.",
      );
    }
    const iss = typeof unverified.iss === "string" ? trimSlash(unverified.iss) : "";
    const aud = ([] as string[]).concat((unverified.aud as string | string[] | undefined) ?? []);
    const provider = this.providers.find((p) => {
      const expectedIss = trimSlash(p.type === "customJwt" ? (p.issuer ?? "") : (p.domain ?? ""));
      if (expectedIss !== iss) return false;
      return !p.applicationID || aud.includes(p.applicationID);
    });
    if (!provider)
      throw new AuthError(
        `No auth provider found matching the given token (issuer "${iss}", audience ${JSON.stringify(aud)}). Check your auth.config.ts.`,
      );
    let payload: JWTPayload;
    try {
      const jwks = await this.jwksFor(provider);
      ({ payload } = await jwtVerify(token, jwks as any, {
        issuer: unverified.iss,
        audience: provider.applicationID,
        // Pinned per provider: a key in the JWKS must not be usable with another algorithm.
        algorithms: [provider.type === "customJwt" ? (provider.algorithm ?? "RS256") : "RS256"],
        requiredClaims: ["exp"],
      }));
    } catch (e) {
      if (e instanceof AuthError) throw e;
      const msg = (e as Error).message;
      if ((e as { code?: string }).code === "ERR_JWT_EXPIRED")
        throw new AuthError(`Token expired: ${msg}`);
      throw new AuthError(`Could not verify token: ${msg}`);
    }
    if (typeof payload.sub !== "string") throw new AuthError("Token has no subject (sub) claim");
    if (typeof payload.exp !== "number") throw new AuthError('Token has no "exp" claim');
    const identity: Identity = {
      tokenIdentifier: `${payload.iss}|${payload.sub}`,
      subject: payload.sub,
      issuer: payload.iss as string,
    };
    if (provider.type === "customJwt") {
      // Convex keeps a custom JWT's claims under their own names, nested objects flattened.
      for (const [claim, value] of Object.entries(flatten(payload))) {
        if (!SKIP.has(claim) && !RESERVED.has(claim)) identity[claim] = value;
      }
    } else {
      for (const [claim, value] of Object.entries(payload)) {
        const name = CLAIMS[claim] ?? claim;
        if (!SKIP.has(claim) && !RESERVED.has(name)) identity[name] = value;
      }
    }
    return { identity, expiresAt: payload.exp * 1000 };
  }
}

function flatten(obj: Record<string, unknown>, prefix = "", out: Record<string, unknown> = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v))
      flatten(v as Record<string, unknown>, key, out);
    else out[key] = v;
  }
  return out;
}
