import type { Scenario } from "../harness/scenario";
import { action, http, mutation, query } from "./dsl";

const fn = (name: string, type: string) => ({
  name,
  componentPath: "",
  type,
  visibility: "public",
});

export const metaScenarios: Scenario[] = [
  {
    area: "meta",
    name: "getFunctionMetadata: name, componentPath, type, visibility",
    steps: [
      query("meta:fnQuery", {}, { value: fn("meta:fnQuery", "query") }),
      mutation("meta:fnMutation", {}, { value: fn("meta:fnMutation", "mutation") }),
      action("meta:fnAction", {}, { value: fn("meta:fnAction", "action") }),
      query("meta", {}, { value: "meta" }),
      http("/meta", {}, { body: "json" }, { value: { status: 200, body: fn("http", "action") } }),
    ],
  },
  {
    area: "meta",
    name: "getDeploymentMetadata: name, region and a valid deployment class",
    steps: [
      query(
        "meta:deployment",
        {},
        {
          value: {
            keys: ["class", "name", "region"],
            name: "string",
            region: null,
            validClass: true,
          },
        },
      ),
    ],
  },
  {
    area: "meta",
    name: "log.audit from a mutation and an action is accepted and changes nothing else",
    steps: [
      mutation("meta:auditFromMutation", { what: "audited" }, { value: "recorded" }),
      action("meta:auditFromAction", {}, { value: "recorded" }),
      query("snapshot:names", {}, { caller: "admin", value: ["audited"] }),
    ],
  },
];
