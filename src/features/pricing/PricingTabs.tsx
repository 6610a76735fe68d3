import { Link, usePathname } from "../../../lib/router";
import { pricingHref } from "./module";

const TABS = [
  { href: pricingHref(), label: "Suggested prices" },
  { href: pricingHref("coupons"), label: "Coupons" },
  { href: pricingHref("tests"), label: "Price tests" },
];

/** The three pricing pages as a row of links (each has its own address). */
export function PricingTabs() {
  const path = usePathname();
  const current = (href: string) =>
    href === pricingHref() ? path === href : path === href || path.startsWith(`${href}/`);
  return (
    <nav
      aria-label="Pricing"
      className="mb-5 flex max-w-full flex-wrap gap-1 rounded-lg bg-gray-100 p-1 sm:inline-flex"
    >
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={current(tab.href) ? "page" : undefined}
          className={`rounded-md px-3 py-1 text-sm font-medium ${
            current(tab.href)
              ? "bg-white text-gray-900 shadow-sm"
              : "text-gray-600 hover:text-gray-900"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
