import type { Scenario } from "../harness/scenario";
import { mutation, query, ref } from "./dsl";

const admin = { caller: "admin" as const };

export const snapshotScenarios: Scenario[] = [
  {
    area: "nested",
    name: "runQuery with useStaleSnapshot reads the mutation's start snapshot; plain runQuery sees pending writes",
    steps: [
      mutation("snapshot:insertNamed", { name: "a" }, admin),
      mutation(
        "snapshot:compare",
        {},
        {
          value: {
            snapshot: ["a"],
            plain: ["a-patched", "pending", "pending-child"],
            after: ["a-patched", "pending", "pending-child"],
          },
        },
      ),
      // The snapshot query's peek changed nothing: the mutation committed all its writes.
      query("snapshot:names", {}, { ...admin, value: ["a-patched", "pending", "pending-child"] }),
    ],
  },
  {
    area: "nested",
    name: "a nested runQuery / runMutation enforces its own transactionLimits",
    steps: [
      mutation("snapshot:writeN", { count: 5 }, { ...admin, value: 5 }),
      mutation(
        "snapshot:nestedLimits",
        { readLimit: 3, read: 2, writeLimit: 2, write: 2 },
        { value: { read: { ok: 2 }, write: { ok: 2 } } },
      ),
      mutation(
        "snapshot:nestedLimits",
        { readLimit: 3, read: 4, writeLimit: 2, write: 3 },
        { value: { read: { error: "read" }, write: { error: "write" } } },
      ),
      // The over-limit nested mutation was rolled back: 5 + 2 documents remain.
      query("snapshot:readN", { count: 100 }, { ...admin, value: 7 }),
    ],
  },
  {
    area: "nested",
    name: "writes of a nested mutation that threw do not count against the caller's limits",
    steps: [
      mutation(
        "snapshot:rolledBackWritesDoNotCount",
        {},
        { value: { failed: "failed", wrapped: 3, documentsWritten: 3 } },
      ),
      query("snapshot:readN", { count: 100 }, { ...admin, value: 3 }),
    ],
  },
  {
    area: "nested",
    name: "a mutation's getSnapshotTs is below the commit timestamp it writes with",
    steps: [
      mutation("snapshot:snapshotBeforeCommit", {}, { as: "doc", ids: true }),
      query(
        "snapshot:checkStamp",
        { id: ref("doc") },
        {
          ...admin,
          value: { snapshotBelowCommit: true, commitVisibleLater: true, commitIsInt64: true },
        },
      ),
    ],
  },
];
