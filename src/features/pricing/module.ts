import { lazy } from "react";
import { defineModule, modulePath } from "../../app/module";

export const pricingModule = defineModule({
  id: "pricing",
  label: "Pricing",
  icon: "chart",
  summary: "Suggested prices above break-even, coupons and A/B price tests.",
  keywords: ["price", "margin", "coupon", "discount", "code", "a/b", "experiment", "floor"],
  path: "pricing",
  routes: [
    { pattern: "", page: lazy(() => import("./SuggestionsPage")) },
    { pattern: "coupons", page: lazy(() => import("./CouponsPage")), title: "Coupons" },
    { pattern: "tests", page: lazy(() => import("./PriceTestsPage")), title: "Price tests" },
    { pattern: "tests/:id", page: lazy(() => import("./PriceTestPage")), title: "Price test" },
  ],
});

export const pricingHref = (...below: string[]) => modulePath(pricingModule, ...below);
