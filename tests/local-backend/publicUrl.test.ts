// `publicUrl`: file URLs are built on the address browsers reach the deployment at (a proxy on
// the app's origin), as Convex Cloud builds them on its public URL; without it, on its own.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { startBackend } from "../../local-backend/index.js";
import { CONFORMANCE_FUNCTIONS_DIR } from "./harness/backend";
import { tmpDataDir } from "./helpers";

describe("public URL", () => {
  it.each([
    ["the public URL when given", "http://shop.test:8080/"],
    ["its own URL by default", undefined],
  ])("upload and file URLs use %s", async (_label, publicUrl) => {
    const dataDir = tmpDataDir("publicurl");
    const backend = await startBackend({
      functionsDir: CONFORMANCE_FUNCTIONS_DIR,
      dataDir,
      port: 0,
      sitePort: 0,
      quiet: true,
      ...(publicUrl ? { publicUrl } : {}),
    });
    try {
      const base = publicUrl ? "http://shop.test:8080" : backend.url;
      const uploadUrl = (await backend.run("storage:generateUploadUrl", {})) as string;
      expect(uploadUrl.startsWith(`${base}/api/storage/upload?token=`)).toBe(true);
      // The upload itself still works on the backend's own port (the proxy forwards there).
      const res = await fetch(uploadUrl.replace(base, backend.url), {
        method: "POST",
        headers: { "Content-Type": "image/png" },
        body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
      });
      const { storageId } = (await res.json()) as { storageId: string };
      const url = (await backend.run("storage:getUrl", { id: storageId })) as string;
      expect(url).toBe(`${base}/api/storage/${storageId}`);
    } finally {
      await backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
