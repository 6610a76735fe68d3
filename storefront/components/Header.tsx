import { Link } from "../../lib/router";
import { storePath } from "../data";
import { useStore } from "../useStore";

export function Header() {
  const store = useStore();
  return (
    <header className="sticky top-0 z-10 border-b border-stone-200 bg-stone-50/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-4 sm:px-6">
        <Link
          href={storePath("/")}
          className="font-display text-xl font-semibold tracking-tight text-stone-900"
        >
          {store?.name ?? (
            <span className="inline-block h-5 w-32 animate-pulse rounded bg-stone-200" />
          )}
        </Link>
        <nav aria-label="Main" className="flex items-center gap-5 text-sm text-stone-600">
          <Link href={storePath("/")} className="hover:text-stone-900">
            Shop
          </Link>
          <span
            className="cursor-not-allowed rounded-full border border-stone-300 px-3 py-1 text-stone-400"
            title="Checkout comes in a later release"
          >
            Cart (0)
          </span>
        </nav>
      </div>
    </header>
  );
}
