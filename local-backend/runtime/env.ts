/** Environment variables for functions: the process, then .env.local / .env beside the app. */
import fs from "node:fs";
import path from "node:path";

export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2];
    if (
      (value.startsWith('"') && value.endsWith('"')) ||
      (value.startsWith("'") && value.endsWith("'"))
    ) {
      value = value.slice(1, -1);
      if (raw.includes('"')) value = value.replace(/\\n/g, "\n");
    } else {
      value = value.replace(/\s+#.*$/, "");
    }
    out[m[1]] = value;
  }
  return out;
}

export function loadEnv(
  functionsDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const root = path.dirname(path.resolve(functionsDir));
  const fromFiles: Record<string, string> = {};
  for (const name of [".env", ".env.local"]) {
    const file = path.join(root, name);
    if (fs.existsSync(file)) Object.assign(fromFiles, parseDotenv(fs.readFileSync(file, "utf8")));
  }
  // The process environment wins over files; explicit options win over both.
  const env: Record<string, string> = { ...fromFiles };
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && k in fromFiles) env[k] = v;
  return { ...env, ...extra };
}
