import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startBackend } from "../../local-backend/index.js";
import { JOBS_APP, tmpDataDir } from "./helpers.js";

const whoami = makeFunctionReference<"query">("jobs:whoami");
const addNote = makeFunctionReference<"mutation">("jobs:addNote");
const searchNotes = makeFunctionReference<"query">("jobs:searchNotes");
const ISSUER = "https://issuer.test";

describe("auth, HTTP actions and search", () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;

  const sign = (
    key: CryptoKey,
    claims: Record<string, unknown>,
    opts: { aud?: string; exp?: string | number } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setIssuer(ISSUER)
      .setSubject("user-1")
      .setAudience(opts.aud ?? "test-app")
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? "10m")
      .sign(key);

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    privateKey = pair.privateKey as CryptoKey;
    otherKey = (await generateKeyPair("RS256")).privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    const jwks = `data:application/json;base64,${Buffer.from(JSON.stringify({ keys: [jwk] })).toString("base64")}`;
    backend = await startBackend({
      functionsDir: JOBS_APP,
      dataDir: tmpDataDir("auth"),
      port: 0,
      sitePort: 0,
      reset: true,
      quiet: true,
      env: { TEST_JWT_ISSUER: ISSUER, TEST_JWT_JWKS: jwks },
    });
  });
  afterAll(async () => backend?.close());

  test("a valid token gives the identity Convex would", async () => {
    const client = new ConvexHttpClient(backend.url);
    client.setAuth(await sign(privateKey, { email: "a@b.c", name: "Ada", org: "acme" }));
    const identity = await client.query(whoami, {});
    expect(identity).toMatchObject({
      tokenIdentifier: `${ISSUER}|user-1`,
      subject: "user-1",
      issuer: ISSUER,
      email: "a@b.c",
      name: "Ada",
      org: "acme",
    });
    expect(await new ConvexHttpClient(backend.url).query(whoami, {})).toBeNull();
  });

  test.each([
    ["forged (signed by another key)", async () => sign(otherKey, {})],
    ["expired", async () => sign(privateKey, {}, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ["for another audience", async () => sign(privateKey, {}, { aud: "someone-else" })],
    ["not a JWT at all", async () => "garbage"],
  ])("a token %s is rejected with an auth error", async (_label, make) => {
    const client = new ConvexHttpClient(backend.url);
    client.setAuth(await make());
    await expect(client.query(whoami, {})).rejects.toThrow(
      /token|auth|JWT|signature|expired|audience|provider/i,
    );
  });

  test("HTTP actions get the raw body and headers, and answer with their own status and headers", async () => {
    const raw = '{"id":"evt_1","amount":1999}\n';
    const res = await fetch(`${backend.siteUrl}/hooks/echo`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-signature": "t=1,v1=abc" },
      body: raw,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-echo")).toBe("yes");
    const echoed = await res.json();
    expect(echoed).toEqual({
      method: "POST",
      path: "/hooks/echo",
      signature: "t=1,v1=abc",
      body: raw,
    });
    const prefixed = await fetch(`${backend.siteUrl}/files/a/b.txt`);
    expect((await prefixed.json()).path).toBe("/files/a/b.txt");
    const missing = await fetch(`${backend.siteUrl}/nope`, { method: "POST" });
    expect(missing.status).toBe(404);
    const wrongMethod = await fetch(`${backend.siteUrl}/hooks/echo`);
    expect(wrongMethod.status).toBe(404);
  });

  test("full-text search: prefix on the last term, filter fields, relevance order", async () => {
    const client = new ConvexHttpClient(backend.url);
    await client.mutation(addNote, { body: "Blue ceramic mug for coffee", topic: "kitchen" });
    await client.mutation(addNote, {
      body: "Coffee grinder, coffee beans and coffee filters",
      topic: "kitchen",
    });
    await client.mutation(addNote, { body: "Blue running shoes", topic: "sport" });
    const coffee = await client.query(searchNotes, { text: "coffee" });
    expect(coffee.map((n: any) => n.body)).toEqual([
      "Coffee grinder, coffee beans and coffee filters",
      "Blue ceramic mug for coffee",
    ]);
    const prefix = await client.query(searchNotes, { text: "blue cer" });
    expect(prefix[0].body).toBe("Blue ceramic mug for coffee");
    const filtered = await client.query(searchNotes, { text: "blue", topic: "sport" });
    expect(filtered.map((n: any) => n.body)).toEqual(["Blue running shoes"]);
    expect(await client.query(searchNotes, { text: "zzz" })).toEqual([]);
  });
});
