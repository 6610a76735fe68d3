/**
 * `npm run bench:board`: only the order board's reads at 100,000 orders (also part of
 * `npm run bench`). Prints each query's p50 / p99 against the 20 ms target.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BOARD_P99_MS, boardPhase } from "./lib/board";

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "bench-board-"));
try {
  const result = await boardPhase(
    dataRoot,
    { orders: Number(process.env.BOARD_ORDERS ?? 100_000), runs: 200, warmup: 20 },
    (msg) => process.stderr.write(`… ${msg}\n`),
  );
  let pass = true;
  console.log(
    `Order board at ${result.orders.toLocaleString("en-US")} orders (seeded in ${Math.round(result.seedMs)} ms)`,
  );
  for (const [transport, rows] of [
    ["HTTP", result.http],
    ["WebSocket", result.ws],
  ] as const) {
    for (const [name, s] of Object.entries(rows)) {
      const ok = s.p99 <= BOARD_P99_MS;
      pass &&= ok;
      console.log(
        `  ${transport.padEnd(9)} ${name.padEnd(18)} p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  ${ok ? "PASS" : "FAIL"} (≤ ${BOARD_P99_MS} ms)`,
      );
    }
  }
  process.exitCode = pass ? 0 : 1;
} finally {
  fs.rmSync(dataRoot, { recursive: true, force: true });
}
