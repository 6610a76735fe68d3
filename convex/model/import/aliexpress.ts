// AliExpress product pages. The page carries its product as JSON in an inline script:
// `window.runParams = { data: {...} }` (older pages: titleModule / imageModule / skuModule;
// newer: productInfoComponent / imageComponent / skuComponent + priceComponent.skuJson) or
// `window._init_data_ = {...}` holding the same components. JSON-LD Product, then Open Graph
// tags are the fallbacks. Pure: tested on fixture pages in tests/fixtures/supplier-pages/.
import {
  absoluteUrl,
  asString,
  completeProduct,
  currencyOfJsonLd,
  htmlToText,
  isObject,
  jsonAfter,
  jsonLdProduct,
  metaContent,
  type ParsedProduct,
  type ParsedVariant,
  toCents,
  unique,
  variantsFromJsonLd,
} from "./page";

type Json = Record<string, unknown>;

/** The object holding the page's modules/components, wherever the page nested it. */
function findModules(root: Json | undefined): Json | undefined {
  const queue: { node: unknown; depth: number }[] = [{ node: root, depth: 0 }];
  while (queue.length > 0) {
    const { node, depth } = queue.shift()!;
    if (!isObject(node) || depth > 6) continue;
    if ("skuModule" in node || "skuComponent" in node || "titleModule" in node) return node;
    for (const child of Object.values(node)) queue.push({ node: child, depth: depth + 1 });
  }
  return undefined;
}

const obj = (value: unknown): Json => (isObject(value) ? value : {});
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

type OptionValue = { id: string; name: string; image?: string };
type OptionList = { name: string; values: OptionValue[] };

function optionLists(props: unknown[], base: string): OptionList[] {
  return props.filter(isObject).map((prop) => ({
    name: asString(prop.skuPropertyName) ?? "Option",
    values: arr(prop.skuPropertyValues)
      .filter(isObject)
      .map((value) => ({
        id: String(value.propertyValueIdLong ?? value.propertyValueId ?? ""),
        name:
          asString(value.propertyValueDisplayName) ??
          asString(value.propertyValueDefinitionName) ??
          asString(value.propertyValueName) ??
          "",
        image: absoluteUrl(value.skuPropertyImagePath, base),
      })),
  }));
}

function skuList(modules: Json): unknown[] {
  const old = obj(modules.skuModule).skuPriceList;
  if (Array.isArray(old)) return old;
  const json = obj(modules.priceComponent).skuJson;
  if (typeof json === "string") {
    try {
      return arr(JSON.parse(json));
    } catch {
      return [];
    }
  }
  return arr(json);
}

function skuVariants(
  modules: Json,
  base: string,
): { variants: ParsedVariant[]; currency?: string } {
  const props = arr(
    obj(modules.skuModule).productSKUPropertyList ??
      obj(modules.skuComponent).productSKUPropertyList,
  );
  const lists = optionLists(props, base);
  let currency: string | undefined;
  const variants: ParsedVariant[] = [];
  for (const sku of skuList(modules).filter(isObject)) {
    const val = obj(sku.skuVal);
    const sale = obj(val.skuActivityAmount);
    const regular = obj(val.skuAmount);
    const cents =
      toCents(sale.value) ??
      toCents(regular.value) ??
      toCents(val.actSkuCalPrice) ??
      toCents(val.skuCalPrice);
    if (cents === undefined) continue;
    currency ??= asString(sale.currency) ?? asString(regular.currency);
    const ids = String(sku.skuPropIds ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean);
    const options: Record<string, string> = {};
    let imageUrl: string | undefined;
    ids.forEach((id, i) => {
      const list = lists[i] ?? lists.find((l) => l.values.some((value) => value.id === id));
      const value = list?.values.find((candidate) => candidate.id === id);
      if (list === undefined || value === undefined || value.name === "") return;
      options[list.name] = value.name;
      imageUrl ??= value.image;
    });
    const name = Object.values(options).join(" / ") || "Default";
    const stock = typeof val.availQuantity === "number" ? val.availQuantity : undefined;
    variants.push({
      supplierSku: String(sku.skuIdStr ?? sku.skuId ?? variants.length + 1),
      name,
      options,
      costCents: cents,
      stock: sku.salable === false ? 0 : stock,
      imageUrl,
    });
  }
  return { variants, currency };
}

const stripSiteName = (title: string) => title.replace(/\s*[|-]\s*AliExpress\s*$/i, "").trim();

function fromModules(modules: Json, html: string, base: string) {
  const title =
    asString(obj(modules.productInfoComponent).subject) ??
    asString(obj(modules.titleModule).subject) ??
    asString(obj(modules.metaDataComponent).title) ??
    asString(obj(modules.pageModule).title);
  const images = unique(
    arr(obj(modules.imageComponent).imagePathList ?? obj(modules.imageModule).imagePathList).map(
      (src) => absoluteUrl(src, base),
    ),
  );
  const { variants, currency } = skuVariants(modules, base);
  const description =
    asString(obj(modules.metaDataComponent).description) ??
    asString(obj(modules.pageModule).description) ??
    metaContent(html, "og:description") ??
    metaContent(html, "description") ??
    "";
  const category =
    asString(obj(modules.productInfoComponent).categoryName) ??
    asString(obj(modules.breadcrumbComponent).categoryName);
  return {
    title: stripSiteName(title ?? ""),
    description: htmlToText(description)
      .replace(/^Smarter Shopping, Better Living!\s*/i, "")
      .replace(/\s*Aliexpress\.com\s*$/i, ""),
    category,
    images,
    currency: currency ?? "USD",
    variants,
  };
}

export function parseAliExpressPage(html: string, pageUrl: string): ParsedProduct {
  const runParams = jsonAfter(html, /window\.runParams\s*=\s*/);
  const initData = jsonAfter(html, /window\._init_data_\s*=\s*/);
  const modules = findModules(runParams) ?? findModules(initData);
  if (modules !== undefined) {
    const found = fromModules(modules, html, pageUrl);
    if (found.title !== "" && found.variants.length > 0) {
      return completeProduct(
        { ...found, readFrom: runParams !== undefined ? "runParams" : "_init_data_" },
        "AliExpress",
      );
    }
  }
  const product = jsonLdProduct(html);
  if (product !== undefined) {
    return completeProduct(
      {
        title: stripSiteName(asString(product.name) ?? ""),
        description: htmlToText(asString(product.description) ?? ""),
        category: asString(product.category),
        images: unique(
          (typeof product.image === "string" ? [product.image] : arr(product.image)).map((src) =>
            absoluteUrl(src, pageUrl),
          ),
        ),
        currency: currencyOfJsonLd(product) ?? "USD",
        variants: variantsFromJsonLd(product, pageUrl),
        readFrom: "JSON-LD",
      },
      "AliExpress",
    );
  }
  return completeProduct(openGraph(html, pageUrl), "AliExpress");
}

/** Open Graph tags: a title, an image and (when the page gives it) a price. */
export function openGraph(html: string, pageUrl: string) {
  const title = metaContent(html, "og:title");
  if (title === undefined) return undefined;
  const cents = toCents(
    metaContent(html, "product:price:amount") ?? metaContent(html, "og:price:amount"),
  );
  return {
    title: stripSiteName(title),
    description: htmlToText(metaContent(html, "og:description") ?? ""),
    images: unique([absoluteUrl(metaContent(html, "og:image"), pageUrl)]),
    currency:
      metaContent(html, "product:price:currency") ??
      metaContent(html, "og:price:currency") ??
      "USD",
    variants:
      cents === undefined
        ? []
        : [{ supplierSku: "1", name: "Default", options: {}, costCents: cents }],
    readFrom: "Open Graph",
  };
}
