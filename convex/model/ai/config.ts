// Which engine writes drafts, from the deployment's environment: Claude when ANTHROPIC_API_KEY
// is set, else the clearly labelled offline generator. Read at request time, so setting the key
// takes effect without a redeploy.
import type { AiProvider } from "../validators";

export const DEFAULT_MODEL = "claude-sonnet-4-5";

export type AiConfig =
  | { provider: "claude"; model: string; apiKey: string; baseURL?: string }
  | { provider: "offline"; model: "offline" };

export function aiConfigFromEnv(): AiConfig {
  const apiKey = process.env.ANTHROPIC_API_KEY?.trim();
  if (!apiKey) return { provider: "offline", model: "offline" };
  return {
    provider: "claude",
    apiKey,
    model: process.env.ANTHROPIC_MODEL?.trim() || DEFAULT_MODEL,
    baseURL: process.env.ANTHROPIC_BASE_URL?.trim() || undefined,
  };
}

/** "Claude (claude-sonnet-4-5)" or "Offline draft": how a draft or the settings name the engine. */
export function providerLabel(provider: AiProvider, model?: string): string {
  return provider === "claude" ? `Claude (${model ?? DEFAULT_MODEL})` : "Offline draft";
}
