import { useState } from "react";
import type { Id } from "../../../lib/api";
import { useCurrentStore } from "../../app/currentStore";
import { Button } from "../../components/Button";
import { explainError } from "../../lib/errors";
import { AiDraftCard } from "./AiDraftCard";
import { useAiDrafts } from "./useAiDrafts";

/**
 * The live AI drafts of one record: every member watches them stream in; those who may edit
 * the record can ask for one and accept, edit, reject or undo. `onAccepted` lets the page
 * holding the record's form adopt the accepted values.
 */
export function AiDraftsFor({
  table,
  id,
  onAccepted,
}: {
  table: "products";
  id: Id<"products">;
  onAccepted?: () => void;
}) {
  const { can } = useCurrentStore();
  const canEdit = can("catalog.edit");
  const { drafts, request, accept, edit, reject, undo } = useAiDrafts(table, id);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string>();
  const writing = drafts.data?.some((d) => d.status === "writing") ?? false;

  async function ask() {
    setAsking(true);
    setProblem(undefined);
    try {
      await request({ template: "productCopy", table, id });
    } catch (error) {
      setProblem(explainError(error).message);
    } finally {
      setAsking(false);
    }
  }

  return (
    <div data-testid="ai-drafts" className="space-y-3">
      {canEdit && (
        <div className="flex items-center gap-2">
          <Button size="sm" disabled={asking || writing} onClick={() => void ask()}>
            {writing ? "Writing…" : "Write title and description"}
          </Button>
        </div>
      )}
      {problem && (
        <p role="alert" className="rounded bg-rose-50 px-2 py-1 text-sm text-rose-800">
          {problem}
        </p>
      )}
      {drafts.status === "error" && (
        <p role="alert" className="text-sm text-rose-800">
          {explainError(drafts.error).message}
        </p>
      )}
      {drafts.status === "success" && drafts.data.length === 0 && (
        <p className="text-sm text-gray-500">No drafts yet.</p>
      )}
      {drafts.data?.map((draft) => (
        <AiDraftCard
          key={draft._id}
          draft={draft}
          canEdit={canEdit}
          actions={{
            accept: async () => {
              await accept({ draftId: draft._id });
              onAccepted?.();
            },
            reject: () => reject({ draftId: draft._id }),
            undo: async () => {
              await undo({ draftId: draft._id });
              onAccepted?.();
            },
            edit: (proposal) => edit({ draftId: draft._id, proposal }),
          }}
        />
      ))}
    </div>
  );
}
