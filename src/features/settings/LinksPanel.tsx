import { Field, Input } from "../../components/Field";
import { Panel } from "../../components/Panel";
import { SaveRow } from "./SaveRow";
import {
  type StoreSettings,
  useSectionForm,
  useUpdateContact,
  useUpdateSocial,
} from "./useStoreSettings";

const NETWORKS = [
  ["instagram", "Instagram", "https://instagram.com/yourstore"],
  ["tiktok", "TikTok", "https://tiktok.com/@yourstore"],
  ["facebook", "Facebook", "https://facebook.com/yourstore"],
  ["x", "X", "https://x.com/yourstore"],
  ["youtube", "YouTube", "https://youtube.com/@yourstore"],
] as const;

/** Social profile links (each checked against its network by the server). */
export function SocialPanel({
  settings,
  editable,
}: {
  settings: StoreSettings;
  editable: boolean;
}) {
  const update = useUpdateSocial();
  const form = useSectionForm(
    {
      instagram: settings.social.instagram ?? "",
      tiktok: settings.social.tiktok ?? "",
      facebook: settings.social.facebook ?? "",
      x: settings.social.x ?? "",
      youtube: settings.social.youtube ?? "",
    },
    (draft) => update(draft),
    "Social links saved",
  );
  return (
    <Panel title="Social links">
      <form
        onSubmit={form.submit}
        className="grid grid-cols-1 gap-4 sm:grid-cols-2"
        data-testid="social-form"
      >
        <fieldset disabled={!editable} className="contents">
          {NETWORKS.map(([key, label, placeholder]) => (
            <Field key={key} label={label}>
              <Input
                type="url"
                value={form.draft[key]}
                onChange={form.set(key)}
                placeholder={placeholder}
              />
            </Field>
          ))}
          {editable && <SaveRow label="Save links" {...form} />}
        </fieldset>
      </form>
    </Panel>
  );
}

/** How shoppers reach the store. */
export function ContactPanel({
  settings,
  editable,
}: {
  settings: StoreSettings;
  editable: boolean;
}) {
  const update = useUpdateContact();
  const form = useSectionForm(
    {
      email: settings.contact.email,
      phone: settings.contact.phone ?? "",
      address: settings.contact.address ?? "",
    },
    (draft) => update(draft),
    "Contact details saved",
  );
  return (
    <Panel title="Contact">
      <form
        onSubmit={form.submit}
        className="grid grid-cols-1 gap-4 sm:grid-cols-2"
        data-testid="contact-form"
      >
        <fieldset disabled={!editable} className="contents">
          <Field label="Contact email">
            <Input
              type="email"
              maxLength={254}
              value={form.draft.email}
              onChange={form.set("email")}
            />
          </Field>
          <Field label="Phone">
            <Input
              type="tel"
              maxLength={30}
              value={form.draft.phone}
              onChange={form.set("phone")}
            />
          </Field>
          <Field label="Address" className="sm:col-span-2">
            <Input maxLength={300} value={form.draft.address} onChange={form.set("address")} />
          </Field>
          {editable && <SaveRow label="Save contact details" {...form} />}
        </fieldset>
      </form>
    </Panel>
  );
}
