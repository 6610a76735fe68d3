import { spawnSync } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startBackend } from "../../local-backend/index.js";
import { JOBS_APP, tmpDataDir } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("vector search, environment variables, OIDC providers", () => {
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let oidc: http.Server;
  let issuer = "";
  let key: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair("RS256");
    key = pair.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: "oidc-1", alg: "RS256", use: "sig" };
    // A local OpenID provider: discovery document + JWKS, as Clerk or Auth0 serve them.
    oidc = http.createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/.well-known/openid-configuration")
        return res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      if (req.url === "/jwks") return res.end(JSON.stringify({ keys: [jwk] }));
      res.statusCode = 404;
      res.end("{}");
    });
    await new Promise<void>((r) => oidc.listen(0, "127.0.0.1", r));
    issuer = `http://127.0.0.1:${(oidc.address() as AddressInfo).port}`;
    backend = await startBackend({
      functionsDir: JOBS_APP,
      dataDir: tmpDataDir("extras"),
      port: 0,
      sitePort: 0,
      quiet: true,
      // No customJwt issuer for this run: the OIDC provider below is the only one.
      env: { TEST_JWT_ISSUER: "https://unused.test", TEST_JWT_JWKS: "data:application/json,{}" },
    });
  });
  afterAll(async () => {
    await backend?.close();
    oidc?.close();
  });

  test("ctx.vectorSearch returns the nearest documents by cosine similarity, with filters", async () => {
    const client = new ConvexHttpClient(backend.url);
    const add = makeFunctionReference<"mutation">("vectors:add");
    await client.mutation(add, { text: "x-axis", lang: "en", embedding: [1, 0, 0] });
    await client.mutation(add, { text: "mostly x", lang: "fr", embedding: [0.9, 0.1, 0] });
    await client.mutation(add, { text: "y-axis", lang: "en", embedding: [0, 1, 0] });
    const nearest = makeFunctionReference<"action">("vectors:nearest");
    const all = await client.action(nearest, { vector: [1, 0, 0], limit: 2 });
    expect(all).toEqual([
      { text: "x-axis", score: 1 },
      { text: "mostly x", score: 0.994 },
    ]);
    const english = await client.action(nearest, { vector: [1, 0.2, 0], lang: "en" });
    expect(english.map((r: any) => r.text)).toEqual(["x-axis", "y-axis"]);
    await expect(client.action(nearest, { vector: [1, 0] })).rejects.toThrow(/dimensions/);
  });

  test("functions read variables from the app's .env files", async () => {
    const client = new ConvexHttpClient(backend.url);
    expect(await client.query(makeFunctionReference<"query">("vectors:envGreeting"), {})).toBe(
      "hello from .env",
    );
  });

  test("an OIDC provider (domain) is discovered and its tokens verified", async () => {
    // A separate app folder would need its own auth.config.ts; the verifier is the same code,
    // so exercise it directly with a domain provider.
    const { AuthVerifier } = await import("../../local-backend/runtime/auth.js");
    const verifier = new AuthVerifier({ providers: [{ domain: issuer, applicationID: "convex" }] });
    const token = await new SignJWT({ given_name: "Ada", email: "ada@example.com" })
      .setProtectedHeader({ alg: "RS256", kid: "oidc-1" })
      .setIssuer(issuer)
      .setSubject("user_42")
      .setAudience("convex")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(key);
    const identity = await verifier.verify(token);
    expect(identity).toMatchObject({
      tokenIdentifier: `${issuer}|user_42`,
      subject: "user_42",
      givenName: "Ada",
      email: "ada@example.com",
    });
    const wrongAudience = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: "oidc-1" })
      .setIssuer(issuer)
      .setSubject("user_42")
      .setAudience("someone-else")
      .setExpirationTime("5m")
      .sign(key);
    await expect(verifier.verify(wrongAudience)).rejects.toThrow(/provider|audience/);
  });
});

test("CLI: tables, run, export and import", () => {
  const data = tmpDataDir("cli");
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "local-backend/cli.ts", ...args], {
      cwd: ROOT,
      encoding: "utf8",
    });
  const added = cli(
    "run",
    "jobs:addNote",
    JSON.stringify({ body: "from the cli", topic: "t" }),
    "--functions",
    JOBS_APP,
    "--data",
    data,
  );
  expect(added.status, added.stderr).toBe(0);
  expect(added.stdout).toMatch(/"[0-9a-z]{31,37}"/);
  const tables = cli("tables", "--data", data);
  expect(tables.stdout).toMatch(/notes\s+1\n/);
  const out = tmpDataDir("cli-export");
  expect(cli("export", "--data", data, "--out", out).stdout).toMatch(/Exported \d+ documents/);
  const target = tmpDataDir("cli-import");
  expect(cli("import", "--from", out, "--data", target).stdout).toMatch(/Imported \d+ documents/);
  const again = cli("import", "--from", out, "--data", target);
  expect(again.status).toBe(1);
  expect(again.stderr).toMatch(/already holds documents/);
  const bad = cli("run", "jobs:nope", "{}", "--functions", JOBS_APP, "--data", data);
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/No function jobs:nope/);
}, 60_000);

test("an action that runs past its time limit fails with Convex's message", async () => {
  const backend = await startBackend({
    functionsDir: JOBS_APP,
    dataDir: tmpDataDir("timeout"),
    port: 0,
    sitePort: 0,
    quiet: true,
  });
  try {
    (backend.runtime as { actionTimeoutMs: number }).actionTimeoutMs = 200;
    const client = new ConvexHttpClient(backend.url);
    const slow = makeFunctionReference<"action">("vectors:sleep");
    await expect(client.action(slow, { ms: 2_000 })).rejects.toThrow(
      /exceeded the 0.2 second limit/,
    );
    expect(await client.action(slow, { ms: 10 })).toBe("slept 10");
  } finally {
    await backend.close();
  }
});
