import type { PageProps } from "../../app/module";
import { PageHeader } from "../../components/PageHeader";
import { AiSettingsPanel } from "../ai/AiSettingsPanel";
import { DangerZone } from "./DangerZone";
import { StorePanel } from "./StorePanel";
import { StoreSettingsPanels } from "./StoreSettingsPanels";
import { TeamPanel } from "./TeamPanel";

/** /dashboard/settings — the store's details, branding, contact, shipping and policies, its team, and what only the owner may do. */
export default function SettingsPage({ module: mod }: PageProps) {
  return (
    <div className="mx-auto max-w-3xl space-y-6" data-testid="settings-page">
      <PageHeader title={mod.label} summary={mod.summary} />
      <StorePanel />
      <StoreSettingsPanels />
      <TeamPanel />
      <AiSettingsPanel />
      <DangerZone />
    </div>
  );
}
