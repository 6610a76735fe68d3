import { Link } from "../../../../lib/router";
import { formatMoney } from "../../../../lib/money";
import { Badge, type BadgeTone } from "../../../components/Badge";
import { productHref } from "../../products/module";
import type { ImportJob } from "./useImports";

type Step = ImportJob["steps"][number];

const MARK: Record<Step["status"], { sign: string; className: string; label: string }> = {
  pending: { sign: "", className: "border-gray-300 bg-white text-gray-400", label: "waiting" },
  running: {
    sign: "",
    className: "border-indigo-500 bg-indigo-50 text-indigo-600 animate-pulse",
    label: "working",
  },
  done: { sign: "✓", className: "border-emerald-600 bg-emerald-600 text-white", label: "done" },
  failed: { sign: "!", className: "border-rose-600 bg-rose-600 text-white", label: "failed" },
  skipped: { sign: "–", className: "border-gray-300 bg-gray-100 text-gray-400", label: "skipped" },
};

const JOB_TONE: Record<ImportJob["status"], BadgeTone> = {
  running: "indigo",
  done: "emerald",
  failed: "rose",
};
const JOB_LABEL: Record<ImportJob["status"], string> = {
  running: "Importing",
  done: "Imported",
  failed: "Failed",
};

function StepRow({ step, last }: { step: Step; last: boolean }) {
  const mark = MARK[step.status];
  return (
    <li
      data-testid="import-step"
      data-step={step.key}
      data-status={step.status}
      className="flex gap-3"
    >
      <div className="flex flex-col items-center">
        <span
          className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full border-2 text-xs font-bold ${mark.className}`}
          aria-hidden="true"
        >
          {mark.sign}
        </span>
        {!last && <span className="w-px flex-1 bg-gray-200" />}
      </div>
      <div className="min-w-0 flex-1 pb-4">
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span
            className={step.status === "pending" ? "text-gray-500" : "font-medium text-gray-900"}
          >
            {step.label}
          </span>
          <span className="sr-only">({mark.label})</span>
          {step.ms !== undefined && step.status !== "skipped" && (
            <span className="text-xs tabular-nums text-gray-400">
              {step.ms.toLocaleString("en")} ms
            </span>
          )}
        </p>
        {step.detail && <p className="break-words text-sm text-gray-600">{step.detail}</p>}
        {step.error && (
          <p className="break-words text-sm text-rose-700" role="alert">
            {step.error}
          </p>
        )}
      </div>
    </li>
  );
}

/** One import: its address, the steps as they land, and the draft product when it exists. */
export function ImportStepper({ job, currency }: { job: ImportJob; currency: string }) {
  return (
    <article
      data-testid="import-job"
      data-status={job.status}
      className="rounded-xl border border-gray-200 bg-white p-4 shadow-sm sm:p-5"
    >
      <header className="mb-4 flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-gray-900">{job.title ?? "Supplier product"}</p>
          <p className="truncate text-xs text-gray-500" title={job.url}>
            {job.supplier === "aliexpress" ? "AliExpress" : "CJ Dropshipping"} · {job.url}
          </p>
        </div>
        <Badge tone={JOB_TONE[job.status]}>{JOB_LABEL[job.status]}</Badge>
      </header>
      <ol>
        {job.steps.map((step, i) => (
          <StepRow key={step.key} step={step} last={i === job.steps.length - 1} />
        ))}
      </ol>
      {job.pricing && (
        <details className="mt-1 rounded-md bg-gray-50 p-3 text-sm">
          <summary className="cursor-pointer font-medium text-gray-700">
            Why {formatMoney(job.pricing.suggestedCents, currency)}?
          </summary>
          <dl className="mt-2 space-y-1">
            {job.pricing.steps.map((step) => (
              <div key={step.label} className="flex justify-between gap-4">
                <dt className="text-gray-600">
                  {step.label}
                  <span className="block text-xs text-gray-400">{step.detail}</span>
                </dt>
                <dd className="shrink-0 tabular-nums text-gray-900">
                  {formatMoney(step.cents, currency)}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {job.productId && (
        <p className="mt-3">
          <Link
            href={productHref(job.productId)}
            data-testid="import-open-product"
            className="text-sm font-medium text-indigo-600 hover:underline"
          >
            Open the draft product →
          </Link>
        </p>
      )}
    </article>
  );
}
