import { cartCount, useCart } from "../cart";

/** The header's cart link with a live count (from localStorage, across tabs). */
export function CartButton({ slug, href }: { slug: string; href: string }) {
  const count = cartCount(useCart(slug));
  return (
    <a
      href={href}
      data-testid="cart-link"
      className="rounded-full border border-stone-300 px-3 py-1 text-stone-700 hover:border-stone-500"
    >
      Cart (<span data-testid="cart-count">{count}</span>)
    </a>
  );
}
