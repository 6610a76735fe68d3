import { useCurrentStore } from "../../app/currentStore";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Skeleton } from "../../components/Skeleton";
import { BrandingPanel } from "./BrandingPanel";
import { ContactPanel, SocialPanel } from "./LinksPanel";
import { PoliciesPanel } from "./PoliciesPanel";
import { ShippingPanel } from "./ShippingPanel";
import { useStoreSettings } from "./useStoreSettings";

/**
 * The storefront's settings, one form per section. Each is re-mounted (by key) when its saved
 * values change, so a teammate's save shows at once; staff see them read-only.
 */
export function StoreSettingsPanels() {
  const { can } = useCurrentStore();
  const settings = useStoreSettings();
  if (settings.status === "pending") return <Skeleton className="h-64" />;
  if (settings.status === "error") return <ErrorPanel error={settings.error} />;
  const s = settings.data;
  const editable = can("settings.edit");
  const key = (value: unknown) => JSON.stringify(value);
  return (
    <>
      <BrandingPanel
        key={key([s.theme, s.logoUrl, s.faviconUrl])}
        settings={s}
        editable={editable}
      />
      <ContactPanel key={key(s.contact)} settings={s} editable={editable} />
      <SocialPanel key={key(s.social)} settings={s} editable={editable} />
      <ShippingPanel key={key(s.shipping)} settings={s} editable={editable} />
      <PoliciesPanel key={key(s.policies)} settings={s} editable={editable} />
    </>
  );
}
