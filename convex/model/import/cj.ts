// CJ Dropshipping product pages. The page is rendered by Next.js and carries the product in
// <script id="__NEXT_DATA__">, with the field names of CJ's documented product API
// (productNameEn, productImage, sellPrice, productKeyEn, variants[] with vid, variantKey,
// variantSellPrice, variantImage, variantSku). JSON-LD Product, then Open Graph, are the
// fallbacks. Pure: tested on fixture pages in tests/fixtures/supplier-pages/.
import { openGraph } from "./aliexpress";
import {
  absoluteUrl,
  asString,
  completeProduct,
  currencyOfJsonLd,
  htmlToText,
  isObject,
  jsonAfter,
  jsonLdProduct,
  type ParsedProduct,
  type ParsedVariant,
  scriptJsonById,
  toCents,
  unique,
  variantsFromJsonLd,
} from "./page";

type Json = Record<string, unknown>;
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The product object inside the page data: the first node with variants and an English name. */
function findProduct(root: Json | undefined): Json | undefined {
  const queue: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (queue.length > 0) {
    const { node, depth } = queue.shift()!;
    if (depth > 8) continue;
    if (Array.isArray(node)) {
      for (const child of node) queue.push({ node: child, depth: depth + 1 });
      continue;
    }
    if (!isObject(node)) continue;
    if (Array.isArray(node.variants) && (node.productNameEn ?? node.nameEn) !== undefined) {
      return node;
    }
    for (const child of Object.values(node)) queue.push({ node: child, depth: depth + 1 });
  }
  return undefined;
}

/** CJ sends image lists as an array or as a JSON string of one. */
function imageList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== "string") return [];
  const text = value.trim();
  if (text.startsWith("[")) {
    try {
      return arr(JSON.parse(text));
    } catch {
      return [];
    }
  }
  return text.split(",");
}

function cjVariants(product: Json, base: string): ParsedVariant[] {
  const optionNames = (asString(product.productKeyEn) ?? "").split("-").filter(Boolean);
  return arr(product.variants)
    .filter(isObject)
    .flatMap((variant, i): ParsedVariant[] => {
      const cents = toCents(variant.variantSellPrice ?? variant.sellPrice);
      if (cents === undefined) return [];
      const key = asString(variant.variantKey) ?? "";
      const parts = key.split("-").filter(Boolean);
      const options: Record<string, string> = {};
      if (parts.length > 0 && parts.length === optionNames.length) {
        for (const [j, name] of optionNames.entries()) options[name] = parts[j];
      } else if (key !== "") {
        options[optionNames.join(" / ") || "Option"] = key;
      }
      const stock = variant.inventory ?? variant.variantStock;
      return [
        {
          supplierSku: asString(variant.variantSku) ?? asString(variant.vid) ?? String(i + 1),
          name: Object.values(options).join(" / ") || asString(variant.variantNameEn) || "Default",
          options,
          costCents: cents,
          stock: typeof stock === "number" ? stock : undefined,
          imageUrl: absoluteUrl(variant.variantImage, base),
        },
      ];
    });
}

export function parseCjPage(html: string, pageUrl: string): ParsedProduct {
  const data = scriptJsonById(html, "__NEXT_DATA__") ?? jsonAfter(html, /window\.__NUXT__\s*=\s*/);
  const product = findProduct(data);
  if (product !== undefined) {
    const variants = cjVariants(product, pageUrl);
    const title = asString(product.productNameEn) ?? asString(product.nameEn) ?? "";
    if (title !== "" && variants.length > 0) {
      return completeProduct(
        {
          title,
          description: htmlToText(asString(product.description) ?? ""),
          category: asString(product.categoryName),
          images: unique(
            [...imageList(product.productImage), ...imageList(product.productImageSet)].map((src) =>
              absoluteUrl(src, pageUrl),
            ),
          ),
          currency: "USD",
          variants,
          readFrom: "__NEXT_DATA__",
        },
        "CJ",
      );
    }
  }
  const ld = jsonLdProduct(html);
  if (ld !== undefined) {
    const images = typeof ld.image === "string" ? [ld.image] : arr(ld.image);
    return completeProduct(
      {
        title: asString(ld.name) ?? "",
        description: htmlToText(asString(ld.description) ?? ""),
        category: asString(ld.category),
        images: unique(images.map((src) => absoluteUrl(src, pageUrl))),
        currency: currencyOfJsonLd(ld) ?? "USD",
        variants: variantsFromJsonLd(ld, pageUrl),
        readFrom: "JSON-LD",
      },
      "CJ",
    );
  }
  return completeProduct(openGraph(html, pageUrl), "CJ");
}
