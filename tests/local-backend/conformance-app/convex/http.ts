import { httpRouter } from "convex/server";
import { api } from "./_generated/api";
import { httpAction } from "./_generated/server";

const http = httpRouter();

/** Describes the request it got, as JSON; `x-route` says which route matched. */
const describe = (route: string) =>
  httpAction(async (_ctx, request) => {
    const url = new URL(request.url);
    return Response.json(
      {
        method: request.method,
        path: url.pathname,
        search: url.search,
        contentType: request.headers.get("content-type"),
        custom: request.headers.get("x-custom"),
        body: await request.text(),
      },
      { headers: { "x-route": route } },
    );
  });

// Exact path, every routable method.
for (const method of ["GET", "POST", "PUT", "DELETE", "PATCH"] as const) {
  http.route({ path: "/echo", method, handler: describe("exact") });
}

// Prefix routes: the longest matching prefix wins; an exact route beats every prefix.
http.route({ pathPrefix: "/prefix/", method: "GET", handler: describe("prefix") });
http.route({ pathPrefix: "/prefix/deeper/", method: "GET", handler: describe("deeper") });
http.route({ path: "/prefix/exact", method: "GET", handler: describe("exact") });

/** Answers 201 with the request body's exact bytes, its length and sha-256, and a header. */
http.route({
  path: "/raw",
  method: "POST",
  handler: httpAction(async (_ctx, request) => {
    const bytes = await request.arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    return new Response(bytes, {
      status: 201,
      headers: {
        "content-type": request.headers.get("content-type") ?? "application/octet-stream",
        "x-length": String(bytes.byteLength),
        "x-sha256": [...digest].map((b) => b.toString(16).padStart(2, "0")).join(""),
        "x-signature-echo": request.headers.get("x-signature") ?? "",
      },
    });
  }),
});

/** A non-200 status with headers and a text body. */
http.route({
  path: "/status",
  method: "GET",
  handler: httpAction(
    async () =>
      new Response("accepted, later", {
        status: 202,
        headers: { "content-type": "text/plain", "cache-control": "no-store", "x-a": "1" },
      }),
  ),
});

/** ctx.runMutation + ctx.runQuery from an HTTP action. */
http.route({
  path: "/items",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const { name, n } = (await request.json()) as { name: string; n: number };
    const id = await ctx.runMutation(api.crud.insertItem, { name, n });
    const doc = await ctx.runQuery(api.crud.getItem, { id });
    const count = await ctx.runQuery(api.crud.count, {});
    return Response.json({ id, doc, count }, { status: 201 });
  }),
});

/** The caller's identity (from the Authorization header). */
http.route({
  path: "/whoami",
  method: "GET",
  handler: httpAction(async (ctx) => Response.json(await ctx.auth.getUserIdentity())),
});

http.route({
  path: "/throws",
  method: "GET",
  handler: httpAction(async () => {
    throw new Error("http action failure 2291");
  }),
});

// Function metadata inside an HTTP action: named by Convex's rule, not by the route.
http.route({
  path: "/meta",
  method: "GET",
  handler: httpAction(async (ctx) => Response.json(await ctx.meta.getFunctionMetadata())),
});

http.route({
  path: "/request-meta",
  method: "GET",
  handler: httpAction(async (ctx) => {
    const { ip, userAgent } = await ctx.meta.getRequestMetadata();
    return Response.json({ ip, userAgent });
  }),
});

export default http;
