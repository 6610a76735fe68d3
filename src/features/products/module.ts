import { lazy } from "react";
import { defineModule, modulePath } from "../../app/module";

const ProductsPage = lazy(() => import("./ProductsPage"));
const ProductEditorPage = lazy(() => import("./editor/ProductEditorPage"));

export const productsModule = defineModule({
  id: "products",
  label: "Products",
  icon: "tag",
  summary: "Your catalog and what shoppers see.",
  keywords: ["catalog", "catalogue", "inventory", "stock"],
  path: "products",
  routes: [
    { pattern: "", page: ProductsPage },
    { pattern: "new", page: ProductEditorPage, title: "Add product" },
    { pattern: ":id", page: ProductEditorPage, title: "Edit product" },
  ],
});

/** A product's editor. */
export function productHref(productId: string): string {
  return modulePath(productsModule, productId);
}

export function newProductHref(): string {
  return modulePath(productsModule, "new");
}
