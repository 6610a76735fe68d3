import { Link, useDocumentMeta } from "../../lib/router";
import { storePath } from "../data";

export function NotFoundPage({ what = "page" }: { what?: "page" | "product" | "store" }) {
  useDocumentMeta("Not found", `This ${what} does not exist.`);
  return (
    <section className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-medium uppercase tracking-widest text-stone-500">404</p>
      <h1 className="mt-2 font-display text-3xl font-semibold text-stone-900">
        {what === "product"
          ? "This product is not available"
          : what === "store"
            ? "This store does not exist"
            : "Page not found"}
      </h1>
      <p className="mt-3 text-stone-600">
        {what === "product"
          ? "It may have sold out for good or moved. Have a look at everything else we sell."
          : "The link may be old or mistyped."}
      </p>
      {what !== "store" && (
        <Link
          href={storePath("/")}
          className="mt-8 inline-block rounded-full bg-stone-900 px-6 py-3 text-sm font-semibold text-white hover:bg-stone-700"
        >
          Back to the shop
        </Link>
      )}
    </section>
  );
}
