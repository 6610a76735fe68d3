import { TEST_ISSUER } from "../harness/auth";
import type { Scenario } from "../harness/scenario";
import { action, http, mutation, query } from "./dsl";

/*
 * convex-test: `t.withIdentity(identity)`. Embedded backend: a JWT signed for the same claims,
 * verified against the conformance app's `customJwt` provider (auth.config.ts).
 *
 * Identities here use `email`, `name` and flat custom claims only: there a customJwt provider
 * and convex-test's identity agree. Where they do not (standard claims under other names,
 * nested claims), the scenarios at the end pin what Convex does.
 */

const USER = {
  subject: "user-1",
  issuer: TEST_ISSUER,
  email: "ada@example.com",
  name: "Ada Lovelace",
  org: "acme",
  tier: 3,
  beta: true,
  roles: ["admin", "editor"],
};
const USER_IDENTITY = { ...USER, tokenIdentifier: `${TEST_ISSUER}|user-1` };
const OTHER = { subject: "user-2", issuer: TEST_ISSUER };
const OTHER_IDENTITY = { ...OTHER, tokenIdentifier: `${TEST_ISSUER}|user-2` };

export const authScenarios: Scenario[] = [
  {
    area: "auth",
    name: "getUserIdentity() is null when signed out (query, mutation, action)",
    steps: [
      query("auth:whoami", {}, { value: null }),
      mutation("auth:whoamiMutation", {}, { value: null }),
      action("auth:whoamiAction", {}, { value: { direct: null, viaQuery: null } }),
    ],
  },
  {
    area: "auth",
    name: "with a token: tokenIdentifier (iss|sub), subject, issuer, email, name, custom claims",
    steps: [
      query("auth:whoami", {}, { identity: USER, value: USER_IDENTITY }),
      mutation("auth:whoamiMutation", {}, { identity: USER, value: USER_IDENTITY }),
      action(
        "auth:whoamiAction",
        {},
        { identity: USER, value: { direct: USER_IDENTITY, viaQuery: USER_IDENTITY } },
      ),
      query("auth:whoami", {}, { identity: OTHER, value: OTHER_IDENTITY }),
      // Other callers stay signed out.
      query("auth:whoami", {}, { value: null }),
    ],
  },
  {
    area: "auth",
    name: "an HTTP action sees the identity of its request's Authorization header",
    steps: [
      http(
        "/whoami",
        {},
        { body: "json" },
        { identity: USER, value: { status: 200, body: USER_IDENTITY } },
      ),
      http("/whoami", {}, { body: "json" }, { value: { status: 200, body: null } }),
    ],
  },
  {
    area: "auth",
    name: "customJwt: a standard claim keeps its claim name (given_name)",
    steps: [
      query(
        "auth:whoami",
        {},
        {
          identity: { subject: "user-3", issuer: TEST_ISSUER, givenName: "Ada" },
          deviation: {
            note:
              "convex-test maps claims to UserIdentity attributes (given_name → givenName) for " +
              "every identity; Convex does so only for OIDC providers: a customJwt provider " +
              "passes every non-registered claim through under its own name " +
              "(UserIdentity::from_custom_jwt in crates/keybroker/src/broker.rs)",
            convex: {
              value: {
                subject: "user-3",
                issuer: TEST_ISSUER,
                tokenIdentifier: `${TEST_ISSUER}|user-3`,
                given_name: "Ada",
              },
            },
          },
        },
      ),
    ],
  },
  {
    area: "auth",
    name: "customJwt: nested object claims are flattened to dotted names",
    steps: [
      query(
        "auth:whoami",
        {},
        {
          identity: { subject: "user-4", issuer: TEST_ISSUER, org: { id: "o1", plan: "pro" } },
          deviation: {
            note:
              "convex-test returns the identity as given; Convex flattens a customJwt token's " +
              "nested claims to dotted keys (extract_custom_jwt_claims in " +
              "crates/keybroker/src/broker.rs)",
            convex: {
              value: {
                subject: "user-4",
                issuer: TEST_ISSUER,
                tokenIdentifier: `${TEST_ISSUER}|user-4`,
                "org.id": "o1",
                "org.plan": "pro",
              },
            },
          },
        },
      ),
    ],
  },
];
