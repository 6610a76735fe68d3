/**
 * AuthVerifier hardening: reserved identity fields come from the provider and the standard
 * claims only, algorithms are pinned per provider, and `exp` is required.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AuthVerifier } from "../../local-backend/runtime/auth.js";

const ISSUER = "https://issuer.test";

describe("AuthVerifier", () => {
  let rsa: CryptoKey;
  let ec: CryptoKey;
  let jwks: { keys: Record<string, unknown>[] };
  let oidc: http.Server;
  let oidcUrl = "";

  const sign = (
    key: CryptoKey,
    claims: Record<string, unknown>,
    opts: { alg?: string; kid?: string; iss?: string; exp?: boolean } = {},
  ) => {
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: opts.alg ?? "RS256", kid: opts.kid ?? "rsa" })
      .setIssuer(opts.iss ?? ISSUER)
      .setSubject("user-1")
      .setAudience("app")
      .setIssuedAt();
    if (opts.exp !== false) jwt = jwt.setExpirationTime("10m");
    return jwt.sign(key);
  };
  const dataJwks = () =>
    `data:application/json;base64,${Buffer.from(JSON.stringify(jwks)).toString("base64")}`;
  const custom = (algorithm?: string) =>
    new AuthVerifier({
      providers: [
        { type: "customJwt", issuer: ISSUER, jwks: dataJwks(), algorithm, applicationID: "app" },
      ],
    });

  beforeAll(async () => {
    const r = await generateKeyPair("RS256");
    const e = await generateKeyPair("ES256");
    rsa = r.privateKey as CryptoKey;
    ec = e.privateKey as CryptoKey;
    // One JWKS with both keys, neither carrying an `alg`: only the provider's setting pins it.
    jwks = {
      keys: [
        { ...(await exportJWK(r.publicKey)), kid: "rsa", use: "sig" },
        { ...(await exportJWK(e.publicKey)), kid: "ec", use: "sig" },
      ],
    };
    oidc = http.createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/.well-known/openid-configuration")
        res.end(JSON.stringify({ issuer: oidcUrl, jwks_uri: `${oidcUrl}/jwks` }));
      else res.end(JSON.stringify(jwks));
    });
    await new Promise<void>((r) => oidc.listen(0, "127.0.0.1", r));
    oidcUrl = `http://127.0.0.1:${(oidc.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => oidc.close(r)));

  test("claims cannot overwrite tokenIdentifier, subject or issuer", async () => {
    const forged = await sign(rsa, {
      tokenIdentifier: `${ISSUER}|victim`,
      subject: "victim",
      issuer: "https://elsewhere.test",
    });
    for (const verifier of [custom("RS256")]) {
      const identity = await verifier.verify(forged);
      expect(identity.tokenIdentifier).toBe(`${ISSUER}|user-1`);
      expect(identity.subject).toBe("user-1");
      expect(identity.issuer).toBe(ISSUER);
    }
    const viaOidc = new AuthVerifier({ providers: [{ domain: oidcUrl, applicationID: "app" }] });
    const oidcToken = await sign(rsa, { tokenIdentifier: `${oidcUrl}|victim` }, { iss: oidcUrl });
    expect((await viaOidc.verify(oidcToken)).tokenIdentifier).toBe(`${oidcUrl}|user-1`);
  });

  test("a customJwt provider accepts only its declared algorithm", async () => {
    const es = await sign(ec, {}, { alg: "ES256", kid: "ec" });
    const rs = await sign(rsa, {});
    await expect(custom("RS256").verify(es)).rejects.toThrow(/alg/i);
    await expect(custom("ES256").verify(rs)).rejects.toThrow(/alg/i);
    expect((await custom("ES256").verify(es)).subject).toBe("user-1");
    // Without a declared algorithm, RS256 (Convex's default) only.
    await expect(custom(undefined).verify(es)).rejects.toThrow(/alg/i);
    expect(() => custom("HS256")).toThrow(/algorithm/i);
  });

  test("an OIDC provider accepts RS256 only", async () => {
    const viaOidc = new AuthVerifier({ providers: [{ domain: oidcUrl, applicationID: "app" }] });
    const es = await sign(ec, {}, { alg: "ES256", kid: "ec", iss: oidcUrl });
    await expect(viaOidc.verify(es)).rejects.toThrow(/alg/i);
    const rs = await sign(rsa, {}, { iss: oidcUrl });
    expect((await viaOidc.verify(rs)).subject).toBe("user-1");
  });

  test("a token without exp is refused", async () => {
    const forever = await sign(rsa, {}, { exp: false });
    await expect(custom("RS256").verify(forever)).rejects.toThrow(/exp/);
  });
});
