/**
 * The embedded backend in a child process of its own (local-backend/cli.ts), so its resident
 * memory and CPU are not mixed with the bench's clients.
 *
 * It runs as `node --import tsx local-backend/cli.ts …`: the same thing `npx tsx` ends up running,
 * but as one process whose pid is the backend's (npx and the tsx CLI would each add a wrapper
 * process in between).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface BackendProcess {
  pid: number;
  url: string;
  adminKey: string;
  child: ChildProcess;
  stop(): Promise<void>;
  /** The last lines the process printed, for error messages. */
  output(): string;
}

export async function spawnBackend(functionsDir: string, dataDir: string): Promise<BackendProcess> {
  // BENCH_CPU_PROF=<dir>: profile the backend process (node --cpu-prof), written when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(
    process.execPath,
    [
      ...profile,
      "--import",
      "tsx",
      "local-backend/cli.ts",
      "--functions",
      functionsDir,
      "--data",
      dataDir,
      "--port",
      "0",
      "--site-port",
      "0",
      "--reset",
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env } },
  );
  // Never leave the backend behind, even when the bench dies of an uncaught error.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  const lines: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(line);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on("data", remember);
  child.stderr!.on("data", remember);
  const output = () => lines.slice(-20).join("\n");

  const ready = await new Promise<{ url: string; adminKey: string }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`backend did not start:\n${output()}`)),
      60_000,
    );
    const check = () => {
      const url = lines.map((l) => /Convex deployment URL: (\S+)/.exec(l)?.[1]).find(Boolean);
      const adminKey = lines.map((l) => /Admin key: (\S+)/.exec(l)?.[1]).find(Boolean);
      if (url && adminKey && lines.some((l) => l.includes("Ready."))) {
        clearTimeout(timer);
        child.stdout!.off("data", check);
        resolve({ url, adminKey });
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`backend exited with code ${code} before it was ready:\n${output()}`));
    });
  });

  return {
    pid: child.pid!,
    ...ready,
    child,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Memory {
  /** Current resident set of the process (VmRSS), MB. */
  rssMb: number;
  /** Peak resident set since the process started (VmHWM), MB. */
  peakRssMb: number;
  /** Resident set of its child processes (the esbuild service), MB. */
  childrenRssMb: number;
}

function statusKb(pid: number, field: string): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]);
}

function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const children = fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (children) out.push(...children.split(/\s+/).map(Number));
    } catch {
      // a thread may exit while we read
    }
  }
  return out;
}

export function readMemory(pid: number): Memory {
  const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;
  let childrenKb = 0;
  for (const c of childPids(pid)) {
    try {
      childrenKb += statusKb(c, "VmRSS");
    } catch {
      // exited meanwhile
    }
  }
  return {
    rssMb: mb(statusKb(pid, "VmRSS")),
    peakRssMb: mb(statusKb(pid, "VmHWM")),
    childrenRssMb: mb(childrenKb),
  };
}
