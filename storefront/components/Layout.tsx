import type { ReactNode } from "react";
import { CartButton } from "../islands/CartButton";
import { POLICY_KINDS, POLICY_TITLES, type PublicStore, pathIn, type StoreRef } from "../data";
import { Island } from "./Island";

const SOCIAL_LABELS: Record<string, string> = {
  instagram: "Instagram",
  tiktok: "TikTok",
  facebook: "Facebook",
  x: "X",
  youtube: "YouTube",
};

export function Layout({
  store,
  at,
  children,
}: {
  store: PublicStore;
  at: StoreRef;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-10 border-b border-stone-200 bg-stone-50/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <a
            href={pathIn(at, "/")}
            className="flex min-w-0 items-center gap-2 font-display text-xl font-semibold tracking-tight text-stone-900"
          >
            {store.logoUrl && <img src={store.logoUrl} alt="" className="h-8 w-8 rounded" />}
            <span className="truncate">{store.name}</span>
          </a>
          <nav
            aria-label="Main"
            className="flex shrink-0 items-center gap-5 text-sm text-stone-600"
          >
            <a href={`${pathIn(at, "/")}#products`} className="hover:text-stone-900">
              Shop
            </a>
            <Island
              name="cart-button"
              component={CartButton}
              props={{ slug: at.slug, href: pathIn(at, "/cart") }}
            />
          </nav>
        </div>
      </header>
      <main className="flex-1">{children}</main>
      <footer className="mt-16 border-t border-stone-200 bg-white">
        <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm text-stone-600 sm:grid-cols-3 sm:px-6">
          <div>
            <p className="font-display text-base font-semibold text-stone-900">{store.name}</p>
            {store.tagline && <p className="mt-2">{store.tagline}</p>}
            <p className="mt-2">
              <a href={`mailto:${store.contact.email}`} className="hover:text-stone-900">
                {store.contact.email}
              </a>
              {store.contact.phone && <span className="block">{store.contact.phone}</span>}
            </p>
          </div>
          <nav aria-label="Policies">
            <p className="font-medium text-stone-900">Policies</p>
            <ul className="mt-2 space-y-1">
              <li>
                <a href={pathIn(at, "/track")} className="hover:text-stone-900">
                  Track your order
                </a>
              </li>
              {POLICY_KINDS.filter((k) => store.policies[k].trim() !== "").map((k) => (
                <li key={k}>
                  <a href={pathIn(at, `/policies/${k}`)} className="hover:text-stone-900">
                    {POLICY_TITLES[k]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div>
            {Object.entries(store.social).some(([, url]) => url) && (
              <>
                <p className="font-medium text-stone-900">Follow us</p>
                <ul className="mt-2 flex flex-wrap gap-3">
                  {Object.entries(store.social)
                    .filter(([, url]) => typeof url === "string" && /^https?:\/\//.test(url))
                    .map(([key, url]) => (
                      <li key={key}>
                        <a href={url} rel="noopener" className="hover:text-stone-900">
                          {SOCIAL_LABELS[key] ?? key}
                        </a>
                      </li>
                    ))}
                </ul>
              </>
            )}
            <p className="mt-4">
              © {new Date().getFullYear()} {store.name} ·{" "}
              <a href="/dashboard" className="hover:text-stone-900">
                Team sign-in
              </a>
            </p>
          </div>
        </div>
      </footer>
    </div>
  );
}

/** A page's main heading block, shared by the simple pages. */
export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  return (
    <div className="mb-8">
      <h1 className="font-display text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">
        {children}
      </h1>
      {sub && <p className="mt-2 text-stone-600">{sub}</p>}
    </div>
  );
}
