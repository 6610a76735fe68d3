// Versioned prompt templates. A template says what to ask Claude, how to read the answer back
// (the structured output, validated with zod), and how the offline generator writes the same
// answer from the record's own data, so both engines go through one parser.
//
// Output format (documented in docs/AI.md): plain labelled sections rather than JSON, so the text
// reads naturally while it streams into the draft:
//   Title: <one line>
//   Description:
//   <the description, several lines>
import { z } from "zod";
import type { AiDraftKind } from "../validators";

export type ProposedField = { field: string; value: string };

export type Template = {
  /** "productCopy@1": stored on every draft and its audit rows. */
  version: string;
  kind: AiDraftKind;
  /** Inputs a request must carry (others are optional). */
  required: readonly string[];
  system: string;
  render(input: Record<string, string>): string;
  /** The model's complete text → the fields to propose, or a clear error. */
  parse(text: string): { ok: true; fields: ProposedField[] } | { ok: false; error: string };
  /** Validates a member's edit of the proposal; throws a zod error message on bad input. */
  check(
    fields: ProposedField[],
  ): { ok: true; fields: ProposedField[] } | { ok: false; error: string };
  /** The deterministic offline answer, in the same format the model is asked for. */
  offline(input: Record<string, string>): string;
  maxTokens: number;
};

export const TITLE_MAX = 70;

const productCopySchema = z.object({
  title: z
    .string()
    .trim()
    .min(2, "The title is too short (at least 2 characters).")
    .max(TITLE_MAX, `The title is longer than ${TITLE_MAX} characters.`),
  description: z
    .string()
    .trim()
    .min(20, "The description is too short (at least 20 characters).")
    .max(5_000, "The description is longer than 5,000 characters."),
});

function zodFields(
  value: unknown,
): { ok: true; fields: ProposedField[] } | { ok: false; error: string } {
  const result = productCopySchema.safeParse(value);
  if (!result.success) {
    return { ok: false, error: result.error.issues.map((i) => i.message).join(" ") };
  }
  return {
    ok: true,
    fields: [
      { field: "title", value: result.data.title },
      { field: "description", value: result.data.description },
    ],
  };
}

/** Reads "Title: …\nDescription:\n…" (tolerating a leading preamble and bold labels). */
export function parseLabelled(text: string): { title?: string; description?: string } {
  const clean = text.replace(/\*\*(Title|Description):\*\*/gi, "$1:");
  const title = /^\s*Title:\s*(.+)$/im.exec(clean)?.[1]?.trim();
  const at = clean.search(/^\s*Description:/im);
  const description =
    at === -1
      ? undefined
      : clean
          .slice(at)
          .replace(/^\s*Description:[ \t]*\n?/i, "")
          .trim();
  return { title, description };
}

// ── Offline generator: deterministic, from the record's own data ──────────────────────────────

// Marketplace noise that says nothing about the product.
const NOISE =
  /\b(hot\s+sale|new\s+arrival|free\s+shipping|dropshipping|drop\s+shipping|wholesale|best\s+seller|top\s+quality|high\s+quality|original|genuine|official|brand\s+new|\d{4}\s+new|new\s+\d{4}|in\s+stock|fast\s+delivery)\b/gi;
const SMALL = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "for",
  "in",
  "of",
  "on",
  "or",
  "the",
  "to",
  "with",
]);

/**
 * "2024 NEW Hot Sale ACME® wireless earbuds [EU plug]" → "Wireless Earbuds". Brands are the
 * words marked ® or ™, and `brand` when the caller knows it.
 */
export function cleanTitle(raw: string, brand?: string): string {
  let text = raw
    .replace(/<[^>]*>/g, " ")
    .replace(/[[({][^\])}]*[\])}]/g, " ")
    .replace(/[\p{L}\p{N}&'.-]+\s*[®™]/gu, " ")
    .replace(/[©®™]/g, " ")
    .replace(NOISE, " ");
  if (brand && brand.trim() !== "") {
    text = text.replace(new RegExp(`\\b${escapeRegExp(brand.trim())}\\b`, "gi"), " ");
  }
  const seen = new Set<string>();
  const words = text
    .split(/[\s,|/]+/)
    .map((w) => w.replace(/^[-–—:;.!]+|[-–—:;.!]+$/g, ""))
    .filter((w) => w !== "")
    // A word repeated (keyword stuffing) appears once.
    .filter((w) => {
      const key = w.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((w, i) => titleCase(w, i === 0));
  let title = "";
  for (const word of words) {
    const next = title === "" ? word : `${title} ${word}`;
    if (next.length > TITLE_MAX) break;
    title = next;
  }
  return title === "" ? "Untitled Product" : title;
}

function titleCase(word: string, first: boolean): string {
  const lower = word.toLowerCase();
  if (!first && SMALL.has(lower)) return lower;
  // Keep codes and units as written ("USB", "4K", "2mm"); longer capitals are shouting.
  if (/\d/.test(word) || (word.length <= 3 && word === word.toUpperCase() && /[A-Z]/.test(word))) {
    return word;
  }
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function sentences(text: string): string[] {
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .split(/(?<=[.!?])\s+|\s*[•;\n]\s*/)
    .map((s) => s.trim().replace(/^[-*]\s*/, ""))
    .filter((s) => s.length >= 3);
}

function offlineProductCopy(input: Record<string, string>): string {
  const source = input.title?.trim() || input.supplierTitle?.trim() || "";
  const title = cleanTitle(source, input.brand);
  const facts = sentences(input.description ?? "");
  const lead = facts[0] ?? `${title}, chosen for everyday use.`;
  const bullets = facts.slice(1, 5);
  if (input.category?.trim()) bullets.push(`Category: ${input.category.trim()}`);
  if (input.notes?.trim()) bullets.push(input.notes.trim());
  if (bullets.length === 0) bullets.push("Ships from our supplier with tracking");
  const description = [lead, "", ...bullets.map((b) => `- ${b.replace(/[.]$/, "")}`)].join("\n");
  return `Title: ${title}\nDescription:\n${description}\n`;
}

// ── The templates ─────────────────────────────────────────────────────────────────────────────

const productCopy: Template = {
  version: "productCopy@1",
  kind: "product_description",
  required: ["title"],
  maxTokens: 1_024,
  system:
    "You write product copy for an online store. Be concrete and honest: use only facts given " +
    "to you, never invent specifications, certifications or brand names. Plain English, no emoji.",
  render(input) {
    const lines = [
      "Rewrite this product's title and description for our store.",
      "",
      `Current title: ${input.title ?? ""}`,
      input.supplierTitle ? `Supplier's title: ${input.supplierTitle}` : "",
      `Category: ${input.category ?? ""}`,
      "Current description:",
      input.description ?? "",
      input.notes ? `Notes from the team: ${input.notes}` : "",
      "",
      `The title: brand-free, Title Case, at most ${TITLE_MAX} characters.`,
      "The description: one short paragraph, then 3–5 bullet points starting with '- '.",
      "Reply in exactly this format and nothing else:",
      "Title: <the title>",
      "Description:",
      "<the description>",
    ];
    return lines.filter((line, i) => line !== "" || lines[i - 1] !== "").join("\n");
  },
  parse(text) {
    const { title, description } = parseLabelled(text);
    if (title === undefined || description === undefined) {
      return {
        ok: false,
        error:
          'The answer was not in the expected format ("Title: …" then "Description:"), so nothing was proposed. Try again.',
      };
    }
    return zodFields({ title, description });
  },
  check(fields) {
    const value = Object.fromEntries(fields.map((f) => [f.field, f.value]));
    return zodFields(value);
  },
  offline: offlineProductCopy,
};

export const TEMPLATES = { productCopy } as const satisfies Record<string, Template>;
export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as [TemplateKey, ...TemplateKey[]];

export function templateFor(key: string): Template | undefined {
  return (TEMPLATES as Record<string, Template>)[key];
}
