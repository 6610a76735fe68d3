/**
 * How busy the machine was apart from the bench: CPU time used by other processes during a
 * phase, from /proc/stat (whole machine) minus our own processes' time (/proc/<pid>/stat).
 * On a shared machine this says how far the figures — tail latencies above all — were disturbed.
 */
import fs from "node:fs";
import os from "node:os";
import { round } from "./stats";

function machineTicks(): { busy: number; total: number } {
  const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = cpu.map(Number);
  const busy = user + nice + system + irq + softirq + (steal ?? 0);
  return { busy, total: busy + idle + iowait };
}

/** utime + stime (+ reaped children's cutime + cstime with `withReaped`), in clock ticks. */
function processTicks(pid: number | "self", withReaped: boolean): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
    return utime + stime + (withReaped ? cutime + cstime : 0);
  } catch {
    return 0; // exited
  }
}

export interface Contention {
  /** Average number of CPUs other processes kept busy during the phase. */
  otherCpus: number;
  /** Share of the machine's CPU capacity used by other processes, %. */
  otherPercent: number;
  loadAvg1: number;
}

/** Starts measuring; `stop` takes the pids of live child processes that belong to the bench. */
export function startContention(livePids: number[] = []) {
  const m0 = machineTicks();
  const own0 =
    processTicks("self", true) + livePids.reduce((a, p) => a + processTicks(p, false), 0);
  return (livePidsAtEnd: number[] = livePids): Contention => {
    const m1 = machineTicks();
    const own1 =
      processTicks("self", true) + livePidsAtEnd.reduce((a, p) => a + processTicks(p, false), 0);
    const total = m1.total - m0.total;
    const others = Math.max(0, m1.busy - m0.busy - (own1 - own0));
    const cpus = os.cpus().length;
    return {
      otherCpus: total > 0 ? round((others / total) * cpus, 2) : 0,
      otherPercent: total > 0 ? round((100 * others) / total, 1) : 0,
      loadAvg1: round(os.loadavg()[0], 2),
    };
  };
}

/**
 * CPU time (user + system) a process has used so far, ms: `process.cpuUsage()` for this process,
 * /proc/<pid>/stat for another one (clock ticks of 10 ms, the USER_HZ of Linux).
 */
export function cpuMs(pid: number | "self"): number {
  if (pid === "self") {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  return processTicks(pid, false) * 10;
}

/** Measures how busy two processes were (in CPUs, 1 = one core fully used) over a window. */
export function startCpuWindow(serverPid: number) {
  const t0 = performance.now();
  const s0 = cpuMs(serverPid);
  const c0 = cpuMs("self");
  return () => {
    const wall = performance.now() - t0;
    return {
      /** Backend process: CPUs used over the window. */
      serverCpus: round((cpuMs(serverPid) - s0) / wall, 2),
      /** Bench (client) process: CPUs used over the window. */
      clientCpus: round((cpuMs("self") - c0) / wall, 2),
    };
  };
}

/**
 * How often this virtual machine's host takes the CPU away: a busy loop on this thread, for
 * `durationMs`, counts the gaps of 1 ms or more between two readings of the clock. On a
 * dedicated core there are none; every one of them lands on whatever request was in flight,
 * so they set the floor under any p99 measured in the same window.
 */
export function measureHostPauses(durationMs: number) {
  const start = performance.now();
  const end = start + durationMs;
  let last = start;
  const gaps: number[] = [];
  for (let now = start; now < end; now = performance.now()) {
    if (now - last >= 1) gaps.push(now - last);
    last = now;
  }
  const seconds = durationMs / 1000;
  return {
    perSecond: round(gaps.length / seconds, 1),
    maxMs: round(Math.max(0, ...gaps), 2),
    pausedPercent: round((100 * gaps.reduce((a, b) => a + b, 0)) / durationMs, 2),
  };
}
