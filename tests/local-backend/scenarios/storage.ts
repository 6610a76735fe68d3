import { createHash } from "node:crypto";
import type { Scenario } from "../harness/scenario";
import { action, bytes, download, mutation, query, ref, upload } from "./dsl";

const utf8 = (s: string) => {
  const b = new TextEncoder().encode(s);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const sha256 = (data: ArrayBuffer, encoding: "base64" | "hex") =>
  createHash("sha256").update(new Uint8Array(data)).digest(encoding);

const TEXT = "hello, storage";
const BINARY = bytes(0, 1, 2, 127, 128, 250, 255, 0);
// The first bytes of a PNG file (with its non-UTF-8 signature), as a browser would upload one.
const PNG = bytes(137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82);

/** storage:info for a stored file: `db.system.get("_storage", id)`, listed, with a URL. */
const stored = (id: string, data: ArrayBuffer) => ({
  doc: { _id: id, sha256: sha256(data, "base64"), size: data.byteLength },
  hasUrl: true,
  listed: true,
});
const gone = { doc: null, hasUrl: false, listed: false };

const CONTENT_TYPE_NOTE =
  "convex-test's storage.store does not record the blob's type in _storage; Convex stores the " +
  "blob's type (or the upload's Content-Type) as contentType (the _storage system schema in " +
  "convex/src/server/schema.ts; run_storage_store in crates/isolate)";
const systemDoc = (id: string, data: ArrayBuffer, contentType: string) => ({
  _id: id,
  _creationTime: "ct#1",
  sha256: sha256(data, "base64"),
  size: data.byteLength,
  contentType,
});

export const storageScenarios: Scenario[] = [
  {
    area: "storage",
    name: "storage.store in an action: the _storage document, storage.get, and a URL serving the bytes",
    steps: [
      action(
        "storage:store",
        { text: TEXT, contentType: "text/plain" },
        { as: "f", ids: true, value: "id#1" },
      ),
      query("storage:info", { id: ref("f") }, { value: stored("id#1", utf8(TEXT)) }),
      query(
        "storage:systemDoc",
        { id: ref("f") },
        {
          deviation: {
            note: CONTENT_TYPE_NOTE,
            convex: { value: systemDoc("id#1", utf8(TEXT), "text/plain") },
          },
        },
      ),
      action(
        "storage:getInAction",
        { id: ref("f") },
        { value: { size: 14, type: "text/plain", bytes: utf8(TEXT) } },
      ),
      download(
        "storage:getUrl",
        { id: ref("f") },
        { value: { status: 200, contentType: "text/plain", body: utf8(TEXT) } },
      ),
      // Bytes that are not UTF-8 come back unchanged.
      action(
        "storage:store",
        { bytes: BINARY, contentType: "application/octet-stream" },
        { as: "g", ids: true, value: "id#2" },
      ),
      action(
        "storage:getInAction",
        { id: ref("g") },
        { value: { size: 8, type: "application/octet-stream", bytes: BINARY } },
      ),
      download(
        "storage:getUrl",
        { id: ref("g") },
        { value: { status: 200, contentType: "application/octet-stream", body: BINARY } },
      ),
    ],
  },
  {
    area: "storage",
    name: "storage.delete (mutation, action) removes the file and its _storage document",
    steps: [
      action(
        "storage:store",
        { text: "to delete", contentType: "text/plain" },
        { as: "f", ids: true },
      ),
      action(
        "storage:store",
        { text: "also gone", contentType: "text/plain" },
        { as: "g", ids: true },
      ),
      action("storage:store", { text: "kept", contentType: "text/plain" }, { as: "k", ids: true }),
      mutation("storage:remove", { id: ref("f") }, { value: null }),
      action("storage:removeFromAction", { id: ref("g") }, { value: null }),
      query("storage:info", { id: ref("f") }, { value: gone }),
      query("storage:info", { id: ref("g") }, { value: gone }),
      query("storage:getUrl", { id: ref("f") }, { value: null }),
      query("storage:systemDoc", { id: ref("f") }, { value: null }),
      action("storage:getInAction", { id: ref("f") }, { value: null }),
      download("storage:getUrl", { id: ref("g") }, { value: null }),
      query("storage:info", { id: ref("k") }, { value: stored("id#3", utf8("kept")) }),
    ],
  },
  {
    area: "storage",
    name: "storage.generateUploadUrl + a client's POST upload: metadata, URL and blob",
    steps: [
      mutation(
        "storage:uploadUrlShape",
        {},
        { value: { http: true, path: "/api/storage/upload", hasToken: true } },
      ),
      upload(
        "storage:generateUploadUrl",
        { body: PNG, contentType: "image/png" },
        { as: "u", value: "id#1" },
      ),
      query("storage:info", { id: ref("u") }, { value: stored("id#1", PNG) }),
      query(
        "storage:systemDoc",
        { id: ref("u") },
        {
          deviation: {
            note: CONTENT_TYPE_NOTE,
            convex: { value: systemDoc("id#1", PNG, "image/png") },
          },
        },
      ),
      download(
        "storage:getUrl",
        { id: ref("u") },
        { value: { status: 200, contentType: "image/png", body: PNG } },
      ),
      action(
        "storage:getInAction",
        { id: ref("u") },
        { value: { size: PNG.byteLength, type: "image/png", bytes: PNG } },
      ),
    ],
  },
  {
    area: "storage",
    name: "a file URL's response carries a Digest header (sha-256, base64)",
    steps: [
      action("storage:store", { text: TEXT, contentType: "text/plain" }, { as: "f", ids: true }),
      download(
        "storage:getUrl",
        { id: ref("f") },
        {
          response: { headers: ["digest"] },
          deviation: {
            note:
              "nothing serves convex-test's file URLs (the runner reads the blob; no response " +
              "headers); Convex's GET /api/storage/<id> sends `Digest: sha-256=<base64>` " +
              "(storage_get in crates/local_backend/src/storage.rs, and the doc comment of " +
              "StorageReader.getUrl in convex/src/server/storage.ts)",
            convex: {
              value: {
                status: 200,
                contentType: "text/plain",
                body: utf8(TEXT),
                headers: { digest: `sha-256=${sha256(utf8(TEXT), "base64")}` },
              },
            },
          },
        },
      ),
    ],
  },
  {
    area: "storage",
    name: "a file URL serves a byte range (206 Partial Content)",
    steps: [
      action(
        "storage:store",
        { text: "0123456789", contentType: "text/plain" },
        { as: "f", ids: true },
      ),
      download(
        "storage:getUrl",
        { id: ref("f") },
        {
          request: { headers: { range: "bytes=2-5" } },
          response: { headers: ["content-range"] },
          deviation: {
            note:
              "nothing serves convex-test's file URLs (the runner reads the whole blob); Convex " +
              "answers a single Range with 206 and Content-Range (storage_get in " +
              "crates/local_backend/src/storage.rs; get_file_range_stream in " +
              "crates/file_storage/src/core.rs)",
            convex: {
              value: {
                status: 206,
                contentType: "text/plain",
                body: utf8("2345"),
                headers: { "content-range": "bytes 2-5/10" },
              },
            },
          },
        },
      ),
    ],
  },
  {
    area: "storage",
    name: "storage.getMetadata (deprecated): hex sha256, size, contentType, legacy storageId",
    steps: [
      action("storage:store", { text: TEXT, contentType: "text/plain" }, { as: "f", ids: true }),
      query(
        "storage:getMetadata",
        { id: ref("f"), part: "content" },
        {
          deviation: {
            note:
              "convex-test does not implement the 1.0/storageGetMetadata syscall; Convex answers " +
              "{ storageId, sha256, size, contentType } with sha256 in hex (FileMetadata's doc " +
              "comment; storage_get_metadata uses sha256.as_hex() in crates/isolate), unlike the " +
              "base64 of the _storage document",
            convex: {
              value: { sha256: sha256(utf8(TEXT), "hex"), size: 14, contentType: "text/plain" },
            },
          },
        },
      ),
      query(
        "storage:getMetadata",
        { id: ref("f"), part: "storageId" },
        {
          deviation: {
            note:
              "convex-test does not implement getMetadata; Convex reports the file's legacy " +
              "storage id (FileStorageEntry.storage_id, a UUID: 'an older ID format'), not " +
              "the Id<'_storage'> it was given",
            convex: { value: { storageIdIsDocumentId: false } },
          },
        },
      ),
    ],
  },
];
