import { lazy } from "react";
import { defineModule, modulePath } from "../../app/module";

// One component for both addresses, so opening a product keeps the list mounted under it.
const ProductsPage = lazy(() => import("./ProductsPage"));

export const productsModule = defineModule({
  id: "products",
  label: "Products",
  icon: "tag",
  summary: "Your catalog and what shoppers see.",
  keywords: ["catalog", "catalogue", "inventory", "stock"],
  path: "products",
  routes: [
    { pattern: "", page: ProductsPage },
    { pattern: ":id", page: ProductsPage, title: "Edit product" },
  ],
});

/** A product's quick edit, over the product list. */
export function productHref(productId: string): string {
  return modulePath(productsModule, productId);
}
