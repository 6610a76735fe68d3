/**
 * Which Chromium the e2e suite drives: CHROME_PATH when set, else the first of the usual names
 * on PATH. Without one, the suite stops at once with the one command that installs it, rather
 * than failing every test with a launch error.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
export const INSTALL_HINT =
  "No Chromium for the e2e suite. Install it with `apt-get install -y chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chrome or Chromium binary.";

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChrome(
  env: Record<string, string | undefined> = process.env,
  executable: (path: string) => boolean = isExecutable,
): string {
  if (env.CHROME_PATH) {
    if (executable(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new Error(
      `CHROME_PATH is ${env.CHROME_PATH}, which is not an executable file. ${INSTALL_HINT}`,
    );
  }
  const dirs = (env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  throw new Error(INSTALL_HINT);
}
