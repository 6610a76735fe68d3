// @vitest-environment node
// The backend trusts one issuer: Clerk or the offline accounts, never both at once.
import { afterEach, describe, expect, test, vi } from "vitest";

async function load() {
  vi.resetModules();
  return (await import("../../convex/auth.config")).default;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("auth.config", () => {
  test("Clerk alone, or the offline issuer alone", async () => {
    vi.stubEnv("CLERK_JWT_ISSUER_DOMAIN", "https://clerk.example.dev");
    vi.stubEnv("OFFLINE_AUTH_ISSUER", "");
    expect((await load()).providers).toEqual([
      { domain: "https://clerk.example.dev", applicationID: "convex" },
    ]);
    vi.stubEnv("CLERK_JWT_ISSUER_DOMAIN", "");
    vi.stubEnv("OFFLINE_AUTH_ISSUER", "http://127.0.0.1:3000/auth");
    vi.stubEnv("OFFLINE_AUTH_JWKS_URL", "http://127.0.0.1:3000/auth/jwks.json");
    expect((await load()).providers).toEqual([
      expect.objectContaining({ type: "customJwt", issuer: "http://127.0.0.1:3000/auth" }),
    ]);
  });

  test("both at once is refused with what to unset", async () => {
    vi.stubEnv("CLERK_JWT_ISSUER_DOMAIN", "https://clerk.example.dev");
    vi.stubEnv("OFFLINE_AUTH_ISSUER", "http://127.0.0.1:3000/auth");
    vi.stubEnv("OFFLINE_AUTH_JWKS_URL", "http://127.0.0.1:3000/auth/jwks.json");
    await expect(load()).rejects.toThrow(/trust one issuer only/);
  });
});
