import { useId, useState } from "react";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Button } from "../../components/Button";
import { explainError } from "../../lib/errors";
import type { AiDraftView } from "./useAiDrafts";

const STATUS: Record<AiDraftView["status"], { label: string; tone: BadgeTone }> = {
  pending: { label: "Waiting", tone: "gray" },
  writing: { label: "Writing…", tone: "sky" },
  ready: { label: "Ready", tone: "indigo" },
  accepted: { label: "Accepted", tone: "emerald" },
  discarded: { label: "Rejected", tone: "gray" },
  failed: { label: "Failed", tone: "rose" },
  undone: { label: "Undone", tone: "slate" },
};

const FIELD_LABEL: Record<string, string> = { title: "Title", description: "Description" };

const CONTROL =
  "mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200";

type Actions = {
  accept(): Promise<unknown>;
  reject(): Promise<unknown>;
  undo(): Promise<unknown>;
  edit(proposal: { field: string; value: string }[]): Promise<unknown>;
};

/** One draft: who wrote it (Claude or the offline generator), its text live, and its actions. */
export function AiDraftCard({
  draft,
  canEdit,
  actions,
}: {
  draft: AiDraftView;
  canEdit: boolean;
  actions: Actions;
}) {
  const [editing, setEditing] = useState<{ field: string; value: string }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const status = STATUS[draft.status];

  async function run(action: () => Promise<unknown>, after?: () => void) {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
      after?.();
    } catch (error) {
      setProblem(explainError(error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      data-testid="ai-draft"
      data-status={draft.status}
      className="rounded-lg border border-gray-200 bg-gray-50/60 p-3 text-sm"
    >
      <header className="flex flex-wrap items-center gap-2">
        <span
          data-testid="ai-draft-label"
          className={`rounded px-1.5 py-0.5 text-xs font-semibold ${
            draft.provider === "claude"
              ? "bg-violet-100 text-violet-800"
              : "bg-amber-100 text-amber-900"
          }`}
        >
          {draft.provider === "claude" ? "Claude" : "Offline draft"}
        </span>
        <Badge tone={status.tone}>{status.label}</Badge>
        <span className="ml-auto text-xs text-gray-500" title={draft.promptVersion}>
          {draft.provider === "claude"
            ? `${draft.model} · ${usd(draft.costMicroUsd)}`
            : "no model, no cost"}
        </span>
      </header>

      {draft.status === "writing" && (
        <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap font-sans text-gray-700">
          {draft.text}
          <span className="ml-0.5 inline-block h-4 w-1.5 animate-pulse bg-gray-400 align-middle" />
        </pre>
      )}

      {draft.status === "failed" && (
        <p role="alert" className="mt-2 text-rose-800">
          {draft.error ?? "The draft could not be written."}
        </p>
      )}

      {editing !== null ? (
        <div className="mt-2 space-y-2">
          {editing.map((field, i) => (
            <EditField
              key={field.field}
              field={field}
              onChange={(value) => setEditing(replace(editing, i, value))}
            />
          ))}
          <div className="flex gap-2">
            <Button
              size="sm"
              variant="primary"
              disabled={busy}
              onClick={() =>
                void run(
                  () => actions.edit(editing),
                  () => setEditing(null),
                )
              }
            >
              Update draft
            </Button>
            <Button size="sm" disabled={busy} onClick={() => setEditing(null)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        draft.status !== "writing" &&
        draft.proposal && (
          <dl className="mt-2 space-y-2">
            {draft.proposal.map((field) => (
              <div key={field.field}>
                <dt className="text-xs font-medium text-gray-500">
                  {FIELD_LABEL[field.field] ?? field.field}
                </dt>
                <dd
                  className={`whitespace-pre-wrap text-gray-900 ${
                    draft.status === "discarded" || draft.status === "undone"
                      ? "text-gray-500 line-through"
                      : ""
                  }`}
                >
                  {field.value}
                </dd>
              </div>
            ))}
          </dl>
        )
      )}

      {problem && (
        <p role="alert" className="mt-2 rounded bg-rose-50 px-2 py-1 text-rose-800">
          {problem}
        </p>
      )}

      {canEdit && editing === null && (
        <div className="mt-3 flex flex-wrap gap-2">
          {draft.status === "ready" && (
            <>
              <Button
                size="sm"
                variant="primary"
                disabled={busy}
                onClick={() => void run(actions.accept)}
              >
                Accept
              </Button>
              <Button size="sm" disabled={busy} onClick={() => setEditing(draft.proposal ?? [])}>
                Edit
              </Button>
            </>
          )}
          {["ready", "writing", "failed"].includes(draft.status) && (
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={() => void run(actions.reject)}
            >
              Reject
            </Button>
          )}
          {draft.status === "accepted" && (
            <Button size="sm" disabled={busy} onClick={() => void run(actions.undo)}>
              Undo
            </Button>
          )}
        </div>
      )}
    </article>
  );
}

function replace(fields: { field: string; value: string }[], i: number, value: string) {
  return fields.map((f, j) => (j === i ? { ...f, value } : f));
}

function usd(microUsd: number): string {
  return microUsd < 10_000
    ? `$${(microUsd / 1_000_000).toFixed(4)}`
    : `$${(microUsd / 1_000_000).toFixed(2)}`;
}

function EditField({
  field,
  onChange,
}: {
  field: { field: string; value: string };
  onChange(value: string): void;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-gray-600">
        {FIELD_LABEL[field.field] ?? field.field}
      </label>
      {field.field === "description" ? (
        <textarea
          id={id}
          rows={7}
          className={CONTROL}
          value={field.value}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id}
          className={CONTROL}
          value={field.value}
          // Enter must not submit the page's form (the product editor around this card).
          onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}
