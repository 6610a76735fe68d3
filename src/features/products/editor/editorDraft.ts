// The editor's form state (strings as typed) and its conversion to what the server takes.
// The server checks everything again; this catches typing slips (a "-5") with the field named.
import { MAX_PRICE_CENTS } from "../../../../convex/model/catalog";
import type { ProductInput } from "../../../../convex/model/productRules";
import type { ProductImage, ProductStatus } from "../../../../convex/model/validators";
import type { Doc } from "../../../../lib/api";
import { centsToInput, readMoneyInput } from "../../../../lib/money";

export interface VariantDraft {
  key: string;
  sku: string;
  values: Record<string, string>;
  price: string;
  was: string;
  stock: string;
  imageUrl: string;
}

export interface Draft {
  title: string;
  slug: string;
  description: string;
  status: ProductStatus;
  category: string;
  tags: string;
  images: ProductImage[];
  optionNames: string[];
  variants: VariantDraft[];
  supplierUrl: string;
  cost: string;
  seoTitle: string;
  seoDescription: string;
  saleEndsAt: string;
}

let counter = 0;
export const newKey = () => `v${++counter}`;

export function blankVariant(optionNames: string[], sku = ""): VariantDraft {
  return {
    key: newKey(),
    sku,
    values: Object.fromEntries(optionNames.map((n) => [n, ""])),
    price: "",
    was: "",
    stock: "0",
    imageUrl: "",
  };
}

/** A local datetime-local value for a timestamp ("2026-12-24T18:00"). */
function toLocalInput(ms: number | undefined): string {
  if (ms === undefined) return "";
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function draftOf(product: Doc<"products"> | null, currency: string): Draft {
  if (product === null) {
    return {
      title: "",
      slug: "",
      description: "",
      status: "draft",
      category: "",
      tags: "",
      images: [],
      optionNames: [],
      variants: [blankVariant([], "")],
      supplierUrl: "",
      cost: "",
      seoTitle: "",
      seoDescription: "",
      saleEndsAt: "",
    };
  }
  const optionNames = [...new Set(product.variants.flatMap((v) => Object.keys(v.options)))];
  return {
    title: product.title,
    slug: product.slug,
    description: product.description,
    status: product.status,
    category: product.category,
    tags: product.tags.join(", "),
    images: product.images,
    optionNames,
    variants: product.variants.map((v) => ({
      key: newKey(),
      sku: v.sku,
      values: Object.fromEntries(optionNames.map((n) => [n, v.options[n] ?? ""])),
      price: centsToInput(v.priceCents, currency),
      was: v.compareAtCents === undefined ? "" : centsToInput(v.compareAtCents, currency),
      stock: String(v.stock),
      imageUrl: v.imageUrl ?? "",
    })),
    supplierUrl: product.supplierUrl ?? "",
    cost:
      product.supplierCostCents === undefined
        ? ""
        : centsToInput(product.supplierCostCents, currency),
    seoTitle: product.seo?.title ?? "",
    seoDescription: product.seo?.description ?? "",
    saleEndsAt: toLocalInput(product.saleEndsAt),
  };
}

function money(text: string, label: string, currency: string): number {
  const read = readMoneyInput(text, currency, { maxCents: MAX_PRICE_CENTS });
  if ("problem" in read) throw new DraftProblem(`${label}: ${read.problem}`);
  return read.cents;
}

export class DraftProblem extends Error {}

/** The draft as the server's input, or a DraftProblem naming the field that is not right. */
export function inputOf(draft: Draft, currency: string): ProductInput {
  const variants = draft.variants.map((v, i) => {
    const name = draft.variants.length > 1 ? `Variant ${i + 1}` : "The variant";
    const options = Object.fromEntries(
      draft.optionNames.map((n) => [n, (v.values[n] ?? "").trim()]),
    );
    const stock = Number(v.stock.trim());
    if (v.stock.trim() === "" || !Number.isInteger(stock) || stock < 0) {
      throw new DraftProblem(
        `${name}'s stock must be a whole number, 0 or more (got “${v.stock}”).`,
      );
    }
    return {
      sku: v.sku.trim(),
      title: Object.values(options).filter(Boolean).join(" / ") || "Default",
      options,
      priceCents: money(v.price, `${name}'s price`, currency),
      ...(v.was.trim() ? { compareAtCents: money(v.was, `${name}'s 'was' price`, currency) } : {}),
      stock,
      ...(v.imageUrl ? { imageUrl: v.imageUrl } : {}),
    };
  });
  const saleEndsAt = draft.saleEndsAt ? new Date(draft.saleEndsAt).getTime() : undefined;
  if (saleEndsAt !== undefined && Number.isNaN(saleEndsAt)) {
    throw new DraftProblem("The sale end is not a date.");
  }
  return {
    title: draft.title,
    slug: draft.slug,
    description: draft.description,
    status: draft.status,
    category: draft.category,
    tags: draft.tags
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
    images: draft.images,
    variants,
    ...(draft.supplierUrl.trim() ? { supplierUrl: draft.supplierUrl.trim() } : {}),
    ...(draft.cost.trim()
      ? { supplierCostCents: money(draft.cost, "The supplier cost", currency) }
      : {}),
    ...(draft.seoTitle.trim() || draft.seoDescription.trim()
      ? { seo: { title: draft.seoTitle, description: draft.seoDescription } }
      : {}),
    ...(saleEndsAt !== undefined ? { saleEndsAt } : {}),
  };
}

const FIELD_LABELS: [keyof Doc<"products">, string][] = [
  ["title", "Title"],
  ["slug", "URL slug"],
  ["description", "Description"],
  ["status", "Status"],
  ["category", "Category"],
  ["tags", "Tags"],
  ["images", "Images"],
  ["variants", "Variants, prices or stock"],
  ["supplierUrl", "Supplier URL"],
  ["supplierCostCents", "Supplier cost"],
  ["seo", "SEO"],
  ["saleEndsAt", "Sale end"],
  ["featuredPosition", "Featured order"],
];

/** What another save changed between the version the editor loaded and the live one. */
export function changedFields(base: Doc<"products">, live: Doc<"products">): string[] {
  return FIELD_LABELS.filter(
    ([field]) => JSON.stringify(base[field]) !== JSON.stringify(live[field]),
  ).map(([, label]) => label);
}
