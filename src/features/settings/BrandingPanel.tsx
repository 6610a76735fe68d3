import { type ChangeEvent, useState } from "react";
import type { Id } from "../../../lib/api";
import { useCurrentStore } from "../../app/currentStore";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Field, Input } from "../../components/Field";
import { Panel } from "../../components/Panel";
import { useToast } from "../../components/Toast";
import { useAction } from "convex/react";
import { api } from "../../../lib/api";
import { SaveRow } from "./SaveRow";
import {
  type StoreSettings,
  useGenerateUploadUrl,
  useSectionForm,
  useUpdateBranding,
} from "./useStoreSettings";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Logo, favicon and the storefront's two colours, with a live preview of the colours. */
export function BrandingPanel({
  settings,
  editable,
}: {
  settings: StoreSettings;
  editable: boolean;
}) {
  const update = useUpdateBranding();
  const form = useSectionForm(
    {
      logoUrl: settings.logoUrl ?? "",
      faviconUrl: settings.faviconUrl ?? "",
      primaryColor: settings.theme.primaryColor,
      accentColor: settings.theme.accentColor,
    },
    (draft) => update(draft),
    "Branding saved — the storefront follows at once",
  );
  const { draft, set } = form;
  return (
    <Panel title="Branding">
      <form
        onSubmit={form.submit}
        className="grid grid-cols-1 gap-4 sm:grid-cols-2"
        data-testid="branding-form"
      >
        <fieldset disabled={!editable} className="contents">
          <ColorField
            label="Primary colour"
            value={draft.primaryColor}
            onChange={set("primaryColor")}
          />
          <ColorField
            label="Accent colour"
            value={draft.accentColor}
            onChange={set("accentColor")}
          />
          <Preview primary={draft.primaryColor} accent={draft.accentColor} />
          <ImageField
            label="Logo"
            kind="logo"
            value={draft.logoUrl}
            onChange={set("logoUrl")}
            editable={editable}
          />
          <ImageField
            label="Favicon"
            kind="favicon"
            value={draft.faviconUrl}
            onChange={set("faviconUrl")}
            editable={editable}
          />
          {editable && <SaveRow label="Save branding" {...form} />}
        </fieldset>
      </form>
    </Panel>
  );
}

function ColorField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
}) {
  return (
    <Field label={label}>
      <div className="mt-1 flex items-center gap-2">
        <input
          type="color"
          aria-label={`${label} picker`}
          value={HEX.test(value) ? value.toLowerCase() : "#000000"}
          onChange={onChange}
          className="h-9 w-12 shrink-0 cursor-pointer rounded border border-gray-300 bg-white p-0.5"
        />
        <input
          value={value}
          onChange={onChange}
          maxLength={7}
          aria-label={`${label} hex`}
          className="block w-full rounded-md border border-gray-300 px-3 py-2 font-mono text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
        />
      </div>
    </Field>
  );
}

/** How a storefront header and button look in these colours, before saving. */
function Preview({ primary, accent }: { primary: string; accent: string }) {
  const ok = HEX.test(primary) && HEX.test(accent);
  return (
    <div className="sm:col-span-2" data-testid="theme-preview">
      <p className="text-sm font-medium text-gray-700">Preview</p>
      {ok ? (
        <div className="mt-1 overflow-hidden rounded-lg border border-gray-200">
          <div className="px-4 py-3 font-semibold text-white" style={{ backgroundColor: primary }}>
            Your store
          </div>
          <div className="flex items-center gap-3 bg-white px-4 py-3 text-sm">
            <span
              className="rounded-md px-3 py-1.5 font-medium text-white"
              style={{ backgroundColor: accent }}
              data-testid="preview-accent"
            >
              Add to cart
            </span>
            <span style={{ color: primary }}>Free shipping over $50</span>
          </div>
        </div>
      ) : (
        <p className="mt-1 text-sm text-rose-700">Colours are written like #1F3A5F.</p>
      )}
    </div>
  );
}

/** An image by address, or uploaded to file storage (checked by the server). */
function ImageField({
  label,
  kind,
  value,
  onChange,
  editable,
}: {
  label: string;
  kind: "logo" | "favicon";
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  editable: boolean;
}) {
  const { store } = useCurrentStore();
  const uploadUrl = useGenerateUploadUrl();
  const setUploaded = useAction(api.stores.setUploadedImage);
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The address that failed to load, so the preview says so instead of a broken-image icon.
  const [brokenUrl, setBrokenUrl] = useState<string>();

  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(await uploadUrl({}), {
        method: "POST",
        headers: { "Content-Type": file.type || "application/octet-stream" },
        body: file,
      });
      if (!response.ok) throw new Error(`The upload failed (${response.status}). Try again.`);
      const { storageId } = (await response.json()) as { storageId: Id<"_storage"> };
      const url = await setUploaded({ storeId: store.storeId, kind, storageId });
      onChange({ target: { value: url } });
      toast(`${label} uploaded and saved.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <Field label={`${label} address`}>
        <Input value={value} onChange={onChange} placeholder="https://… or upload" />
      </Field>
      <div className="flex items-center gap-3">
        {value && brokenUrl !== value ? (
          <img
            src={value}
            alt={`${label} preview`}
            onError={() => setBrokenUrl(value)}
            className="h-10 w-10 rounded border border-gray-200 object-contain"
          />
        ) : (
          <span className="flex h-10 w-16 items-center justify-center rounded border border-dashed border-gray-300 text-center text-xs text-gray-400">
            {value ? "not found" : "none"}
          </span>
        )}
        {editable && (
          <label className="cursor-pointer text-sm font-medium text-indigo-700 hover:underline">
            {busy ? "Uploading…" : `Upload ${kind}`}
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml,image/x-icon"
              className="sr-only"
              onChange={upload}
              disabled={busy}
            />
          </label>
        )}
      </div>
      {error !== null && <ErrorPanel error={error} />}
    </div>
  );
}
