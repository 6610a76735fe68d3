/** The checkout a shopper left for Stripe with, so the return page can follow it. */
const key = (slug: string) => `sf_checkout:${slug}`;

export const pendingCheckout = {
  save(slug: string, checkoutId: string) {
    localStorage.setItem(key(slug), checkoutId);
  },
  read(slug: string): string | null {
    return localStorage.getItem(key(slug));
  },
  clear(slug: string) {
    localStorage.removeItem(key(slug));
  },
};
