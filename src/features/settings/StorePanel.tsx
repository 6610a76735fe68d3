import { type FormEvent, useState } from "react";
import { timeZones } from "../../app/CreateStoreForm";
import { useCurrentStore } from "../../app/currentStore";
import { Button } from "../../components/Button";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Field, Input, Select } from "../../components/Field";
import { Panel } from "../../components/Panel";
import { Skeleton } from "../../components/Skeleton";
import { useToast } from "../../components/Toast";
import { useStoreProfile, useUpdateStore } from "./useStoreProfile";

// The contact email is edited with the other contact details (ContactPanel).
type Profile = { name: string; tagline?: string; timezone: string };

/** The store's details: editable by admins and owners, read-only for staff. */
export function StorePanel() {
  const { store, can } = useCurrentStore();
  const profile = useStoreProfile();
  return (
    <Panel title="Store">
      <dl
        className="mb-4 grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-3"
        data-testid="store-details"
      >
        <Detail label="Storefront address" value={`/s/${store.slug}/`} />
        <Detail label="Currency" value={`${store.currency} (fixed once a store exists)`} />
        <Detail
          label="Your role"
          value={store.role.charAt(0).toUpperCase() + store.role.slice(1)}
        />
      </dl>
      {profile.status === "pending" && <Skeleton className="h-40" />}
      {profile.status === "error" && <ErrorPanel error={profile.error} />}
      {profile.status === "success" &&
        (can("settings.edit") ? (
          <ProfileForm
            key={JSON.stringify(profile.data)}
            profile={{
              name: profile.data.name,
              tagline: profile.data.tagline,
              timezone: profile.data.timezone,
            }}
          />
        ) : (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <Detail label="Name" value={profile.data.name} />
            <Detail label="Tagline" value={profile.data.tagline || "—"} />
            <Detail label="Time zone" value={profile.data.timezone} />
          </dl>
        ))}
    </Panel>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-gray-500">{label}</dt>
      <dd className="break-words font-medium text-gray-900">{value}</dd>
    </div>
  );
}

/** Re-mounted (by key) when the saved profile changes, so a teammate's save shows at once. */
function ProfileForm({ profile }: { profile: Profile }) {
  const update = useUpdateStore();
  const toast = useToast();
  const [draft, setDraft] = useState(profile);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const changed =
    draft.name !== profile.name ||
    (draft.tagline ?? "") !== (profile.tagline ?? "") ||
    draft.timezone !== profile.timezone;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy || !changed) return;
    setBusy(true);
    setError(null);
    try {
      await update({
        name: draft.name,
        tagline: draft.tagline ?? "",
        timezone: draft.timezone,
      });
      toast("Store details saved");
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const set = (field: keyof Profile) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: e.target.value });
  return (
    <form
      onSubmit={save}
      className="grid grid-cols-1 gap-4 sm:grid-cols-2"
      data-testid="store-profile"
    >
      <Field label="Store name">
        <Input required maxLength={80} value={draft.name} onChange={set("name")} />
      </Field>
      <Field label="Tagline">
        <Input maxLength={160} value={draft.tagline ?? ""} onChange={set("tagline")} />
      </Field>
      <Field label="Time zone">
        <Select value={draft.timezone} onChange={set("timezone")}>
          {timeZones().map((zone) => (
            <option key={zone}>{zone}</option>
          ))}
        </Select>
      </Field>
      {error !== null && (
        <div className="sm:col-span-2">
          <ErrorPanel error={error} />
        </div>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" variant="primary" disabled={busy || !changed}>
          {busy ? "Saving…" : "Save store details"}
        </Button>
      </div>
    </form>
  );
}
