import { createHash } from "node:crypto";
import type { Scenario } from "../harness/scenario";
import { bytes, http, query } from "./dsl";

/*
 * HTTP actions (conformance-app/convex/http.ts). convex-test: `t.fetch(path, init)`; embedded
 * backend: `fetch(siteUrl + path, init)`. A step compares the status and only the response
 * headers it names (a real server adds its own: date, content-length, …).
 */

/** What the `describe` handler answers for a request. */
const described = (
  route: string,
  req: {
    method?: string;
    path: string;
    search?: string;
    contentType?: string;
    custom?: string;
    body?: string;
  },
) => ({
  status: 200,
  headers: { "content-type": "application/json", "x-route": route },
  body: {
    method: req.method ?? "GET",
    path: req.path,
    search: req.search ?? "",
    contentType: req.contentType ?? null,
    custom: req.custom ?? null,
    body: req.body ?? "",
  },
});
const JSON_RESPONSE = { headers: ["content-type", "x-route"], body: "json" as const };
const ROUTE = { headers: ["x-route"], body: "json" as const };
const routed = (route: string, path: string) => {
  const { status, headers, body } = described(route, { path });
  return { status, headers: { "x-route": headers["x-route"] }, body };
};

const RAW = bytes(0, 255, 128, 10, 13, 123, 0, 34);
const hex = (data: ArrayBuffer | string) =>
  createHash("sha256")
    .update(typeof data === "string" ? data : new Uint8Array(data))
    .digest("hex");
const WEBHOOK = '{"id":"evt_1",  "amount":1999,"note":"caf\u00e9"}\n';
const RAW_HEADERS = ["content-type", "x-length", "x-sha256", "x-signature-echo"];

export const httpActionScenarios: Scenario[] = [
  {
    area: "http actions",
    name: "an exact-path route answers every method; method, path, query, headers and body reach it",
    steps: [
      http("/echo?x=1&y=two%20words", { headers: { "x-custom": "hello" } }, JSON_RESPONSE, {
        value: described("exact", { path: "/echo", search: "?x=1&y=two%20words", custom: "hello" }),
      }),
      http(
        "/echo",
        { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":[1,2]}' },
        JSON_RESPONSE,
        {
          value: described("exact", {
            method: "POST",
            path: "/echo",
            contentType: "application/json",
            body: '{"a":[1,2]}',
          }),
        },
      ),
      http(
        "/echo",
        { method: "PUT", headers: { "content-type": "text/plain" }, body: "put body" },
        JSON_RESPONSE,
        {
          value: described("exact", {
            method: "PUT",
            path: "/echo",
            contentType: "text/plain",
            body: "put body",
          }),
        },
      ),
      http(
        "/echo",
        { method: "PATCH", headers: { "content-type": "text/plain" }, body: "patch body" },
        JSON_RESPONSE,
        {
          value: described("exact", {
            method: "PATCH",
            path: "/echo",
            contentType: "text/plain",
            body: "patch body",
          }),
        },
      ),
      http("/echo", { method: "DELETE" }, JSON_RESPONSE, {
        value: described("exact", { method: "DELETE", path: "/echo" }),
      }),
    ],
  },
  {
    area: "http actions",
    name: "pathPrefix routes: the longest prefix wins, an exact route beats every prefix",
    steps: [
      http("/prefix/a/b.txt", {}, ROUTE, { value: routed("prefix", "/prefix/a/b.txt") }),
      http("/prefix/deeper/x", {}, ROUTE, { value: routed("deeper", "/prefix/deeper/x") }),
      http("/prefix/exact", {}, ROUTE, { value: routed("exact", "/prefix/exact") }),
      http("/prefix/exact/more", {}, ROUTE, { value: routed("prefix", "/prefix/exact/more") }),
      // The prefix "/prefix/" does not match "/prefix"; prefix routes are per method.
      http("/prefix", {}, {}, { value: { status: 404 } }),
      http("/prefix/a", { method: "POST", body: "x" }, {}, { value: { status: 404 } }),
    ],
  },
  {
    area: "http actions",
    name: "raw body bytes and headers reach the handler intact; status, headers and body come back",
    steps: [
      http(
        "/raw",
        {
          method: "POST",
          headers: { "content-type": "application/octet-stream", "x-signature": "t=1,v1=abc" },
          body: RAW,
        },
        { headers: RAW_HEADERS, body: "bytes" },
        {
          value: {
            status: 201,
            headers: {
              "content-type": "application/octet-stream",
              "x-length": "8",
              "x-sha256": hex(RAW),
              "x-signature-echo": "t=1,v1=abc",
            },
            body: RAW,
          },
        },
      ),
      // A webhook's JSON, byte for byte (whitespace, trailing newline, UTF-8): signatures verify.
      http(
        "/raw",
        {
          method: "POST",
          headers: { "content-type": "application/json", "x-signature": "sig" },
          body: WEBHOOK,
        },
        { headers: RAW_HEADERS, body: "text" },
        {
          value: {
            status: 201,
            headers: {
              "content-type": "application/json",
              "x-length": String(Buffer.byteLength(WEBHOOK)),
              "x-sha256": hex(WEBHOOK),
              "x-signature-echo": "sig",
            },
            body: WEBHOOK,
          },
        },
      ),
      http(
        "/status",
        {},
        { headers: ["content-type", "cache-control", "x-a"], body: "text" },
        {
          value: {
            status: 202,
            headers: { "content-type": "text/plain", "cache-control": "no-store", "x-a": "1" },
            body: "accepted, later",
          },
        },
      ),
    ],
  },
  {
    area: "http actions",
    name: "an HTTP action runs ctx.runMutation and ctx.runQuery",
    steps: [
      http(
        "/items",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ name: "from-http", n: 7 }),
        },
        { body: "json" },
        {
          value: {
            status: 201,
            body: {
              id: "id#1",
              doc: { _id: "id#1", _creationTime: "ct#1", name: "from-http", n: 7 },
              count: 1,
            },
          },
        },
      ),
      query(
        "crud:listItems",
        {},
        { value: [{ _id: "id#1", _creationTime: "ct#1", name: "from-http", n: 7 }] },
      ),
    ],
  },
  {
    area: "http actions",
    name: "unknown routes and methods answer 404",
    steps: [
      http("/nope", {}, {}, { value: { status: 404 } }),
      http("/nope", { method: "POST", body: "x" }, {}, { value: { status: 404 } }),
      // /raw only routes POST.
      http("/raw", {}, {}, { value: { status: 404 } }),
      http(
        "/nope",
        {},
        { body: "text" },
        {
          deviation: {
            note:
              "convex-test's t.fetch answers 'No HttpAction routed for /nope' (the npm router's " +
              "runRequest); Convex routes in the backend and answers 'No matching routes found' " +
              "(crates/isolate/src/environment/action/mod.rs)",
            convex: { value: { status: 404, body: "No matching routes found" } },
          },
        },
      ),
    ],
  },
  {
    area: "http actions",
    name: "an HTTP action that throws yields a 500 and the server stays up",
    steps: [
      http(
        "/throws",
        {},
        {},
        {
          deviation: {
            note:
              "convex-test's t.fetch rejects with the handler's error; Convex answers the " +
              "request with a 500",
            convex: { value: { status: 500 } },
          },
        },
      ),
      http("/echo", {}, JSON_RESPONSE, { value: described("exact", { path: "/echo" }) }),
    ],
  },
  {
    area: "http actions",
    name: "an HTTP action's uncaught error is answered as JSON",
    steps: [
      http(
        "/throws",
        {},
        { headers: ["content-type"] },
        {
          deviation: {
            note:
              "convex-test's t.fetch rejects with the handler's error; Convex answers 500 with " +
              'a JSON body { code: "[Request ID: …] Server Error: …", trace } ' +
              "(RedactedJsError::to_http_response_parts → HttpActionResponsePart::from_json)",
            convex: { value: { status: 500, headers: { "content-type": "application/json" } } },
          },
        },
      ),
    ],
  },
];
