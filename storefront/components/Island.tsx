import type { ComponentType } from "react";

/**
 * A piece of the page that comes alive in the browser. The server renders it with its props
 * and writes them beside it; storefront/main.tsx renders the same component over that markup.
 * Everything outside an island is plain HTML and ships no JavaScript.
 */
export function Island<P extends object>({
  name,
  component: Component,
  props,
  className,
}: {
  name: IslandName;
  component: ComponentType<P>;
  props: P;
  className?: string;
}) {
  return (
    <div data-island={name} data-props={JSON.stringify(props)} className={className}>
      <Component {...props} />
    </div>
  );
}

export type IslandName =
  | "cart-button"
  | "product"
  | "cart"
  | "checkout"
  | "order"
  | "checkout-return"
  | "return-request";
