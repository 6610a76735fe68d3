import type { FunctionReturnType } from "convex/server";
import { api } from "../../../lib/api";
import { useCurrentStore } from "../../app/currentStore";
import { useStoreMutation, useStoreQuery } from "../../app/storeHooks";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Field, Input } from "../../components/Field";
import { Panel } from "../../components/Panel";
import { SaveRow } from "../settings/SaveRow";
import { useSectionForm } from "../settings/useStoreSettings";

type Usage = FunctionReturnType<typeof api.ai.usage>;

/** Settings → AI: which engine writes drafts, this month's Claude usage, and the budget. */
export function AiSettingsPanel() {
  const usage = useStoreQuery(api.ai.usage, {});
  return (
    <Panel title="AI">
      {usage.status === "error" && <ErrorPanel error={usage.error} />}
      {usage.status === "pending" && <p className="text-sm text-gray-500">Loading…</p>}
      {usage.data && <AiUsage usage={usage.data} />}
    </Panel>
  );
}

function AiUsage({ usage }: { usage: Usage }) {
  const { can } = useCurrentStore();
  const setBudget = useStoreMutation(api.ai.setMonthlyBudget);
  const form = useSectionForm(
    { budget: (usage.budgetMicroUsd / 1_000_000).toFixed(2) },
    async (draft) => {
      const dollars = Number(draft.budget.replace(/[$,\s]/g, ""));
      if (draft.budget.trim() === "" || !Number.isFinite(dollars)) {
        throw new Error(`Monthly budget: “${draft.budget}” is not an amount such as 20.00.`);
      }
      await setBudget({ monthlyCents: Math.round(dollars * 100) });
    },
    "AI budget saved",
  );
  const share = usage.budgetMicroUsd === 0 ? 1 : usage.costMicroUsd / usage.budgetMicroUsd;
  const month = new Date(`${usage.month}-01T00:00:00Z`).toLocaleString("en-US", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return (
    <div className="space-y-4 text-sm" data-testid="ai-settings">
      <p>
        <span className="text-gray-500">Drafts are written by </span>
        <span
          data-testid="ai-provider"
          className={`font-medium ${usage.provider === "claude" ? "text-violet-800" : "text-amber-900"}`}
        >
          {usage.providerLabel}
        </span>
      </p>
      <div>
        <div className="flex items-baseline justify-between">
          <span className="font-medium text-gray-700">Claude usage in {month}</span>
          <span className="tabular-nums text-gray-700" data-testid="ai-spend">
            {usd(usage.costMicroUsd)} of {usd(usage.budgetMicroUsd)}
          </span>
        </div>
        <div
          className="mt-2 h-2 overflow-hidden rounded-full bg-gray-100"
          role="progressbar"
          aria-label="Share of the monthly AI budget used"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(Math.min(1, share) * 100)}
        >
          <div
            className={`h-full rounded-full ${share >= 1 ? "bg-rose-500" : share >= 0.8 ? "bg-amber-500" : "bg-indigo-500"}`}
            style={{ width: `${Math.min(100, share * 100)}%` }}
          />
        </div>
        <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
          <Stat label="Calls" value={usage.calls.toLocaleString("en-US")} />
          <Stat label="Input tokens" value={usage.inputTokens.toLocaleString("en-US")} />
          <Stat label="Output tokens" value={usage.outputTokens.toLocaleString("en-US")} />
        </dl>
      </div>
      <form onSubmit={form.submit} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <fieldset disabled={!can("settings.edit")} className="contents">
          <Field label="Monthly budget (USD)">
            <Input inputMode="decimal" value={form.draft.budget} onChange={form.set("budget")} />
          </Field>
          <p className="self-end text-xs text-gray-500">
            When a month’s Claude spend reaches the budget, new drafts are refused until next month
            or until the budget is raised. Offline drafts cost nothing.
          </p>
          {can("settings.edit") && (
            <SaveRow
              label="Save budget"
              busy={form.busy}
              changed={form.changed}
              error={form.error}
            />
          )}
        </fieldset>
      </form>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md bg-gray-50 px-2 py-2">
      <dt className="text-xs text-gray-500">{label}</dt>
      <dd className="font-medium tabular-nums text-gray-900">{value}</dd>
    </div>
  );
}

/** Dollars; a spend under a cent keeps its digits ("$0.0016"), so one call is not "$0.00". */
function usd(microUsd: number): string {
  const digits = microUsd > 0 && microUsd < 10_000 ? 4 : 2;
  return `$${(microUsd / 1_000_000).toFixed(digits)}`;
}
