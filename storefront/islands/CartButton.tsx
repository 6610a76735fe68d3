import { cartCount, useCart } from "../cart";
import { useMounted } from "../mounted";

/** The header's cart link with a live count (from localStorage, across tabs). */
export function CartButton({ slug, href }: { slug: string; href: string }) {
  const cart = useCart(slug);
  // The first render matches the server's (which cannot know the cart), then the real count.
  const count = useMounted() ? cartCount(cart) : 0;
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
