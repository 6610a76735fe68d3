import { useState } from "react";
import { type ProductStatus, PRODUCT_STATUSES } from "../../../convex/model/validators";
import { navigate } from "../../../lib/router";
import { useCurrentStore } from "../../app/currentStore";
import type { PageProps } from "../../app/module";
import { Button } from "../../components/Button";
import { ListPage } from "../../components/ListPage";
import { statusTabs } from "../../components/StatusTabs";
import { BulkActions } from "./BulkActions";
import { CatalogToolbar } from "./CatalogToolbar";
import { categoriesOf, type SortKey, type StockFilter, type ViewMode, viewOf } from "./catalogView";
import { FeaturedShelf } from "./FeaturedShelf";
import { newProductHref } from "./module";
import { ProductGrid } from "./ProductGrid";
import { productColumns } from "./productColumns";
import { PRODUCT_STATUS } from "./productStatus";
import { QuickEditFor } from "./QuickEditFor";
import { useCatalogList } from "./useProducts";

const TABS = statusTabs(PRODUCT_STATUSES, PRODUCT_STATUS);
const VIEW_KEY = "catalog.view";

function savedView(): ViewMode {
  try {
    return localStorage.getItem(VIEW_KEY) === "grid" ? "grid" : "table";
  } catch {
    return "table";
  }
}

/** /dashboard/products: the catalog as a table or a grid, with the featured shelf above it. */
export default function ProductsPage({ module: mod }: PageProps) {
  const { currency, can } = useCurrentStore();
  const canEdit = can("catalog.edit");
  const [filter, setFilter] = useState<ProductStatus | "all">("all");
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState("");
  const [stock, setStock] = useState<StockFilter>("all");
  const [sort, setSort] = useState<SortKey>("position");
  const [view, setView] = useState<ViewMode>(savedView);
  const [quickEdit, setQuickEdit] = useState<string | null>(null);
  const list = useCatalogList(filter, search);

  const searching = search.trim() !== "";
  // While searching, "grid order" keeps the search's best-match order.
  const rows =
    searching && sort === "position"
      ? viewOf(list.results, { category, stock, sort: "position" }).sort(
          (a, b) => list.results.indexOf(a) - list.results.indexOf(b),
        )
      : viewOf(list.results, { category, stock, sort });
  const shown = { ...list, results: rows };
  const note = searching
    ? "Best 20 title matches; category, stock and sort apply to these."
    : `Category, stock and sort apply to the ${list.results.length} products loaded${
        list.status === "CanLoadMore" ? " — load more to include the rest" : ""
      }.`;

  function changeView(mode: ViewMode) {
    setView(mode);
    try {
      localStorage.setItem(VIEW_KEY, mode);
    } catch {
      // Private mode: the choice lasts for this visit.
    }
  }

  const columns = productColumns({ currency, canEdit, onQuickEdit: setQuickEdit });

  return (
    <ListPage
      module={mod}
      actions={
        canEdit && (
          <Button variant="primary" onClick={() => navigate(newProductHref())}>
            Add product
          </Button>
        )
      }
      tabs={{ options: TABS, value: filter, onChange: setFilter }}
      toolbar={
        <>
          <FeaturedShelf currency={currency} canEdit={canEdit} />
          <CatalogToolbar
            search={search}
            onSearch={setSearch}
            category={category}
            categories={categoriesOf(list.results)}
            onCategory={setCategory}
            stock={stock}
            onStock={setStock}
            sort={sort}
            onSort={setSort}
            view={view}
            onView={changeView}
            note={note}
          />
        </>
      }
      list={shown}
      noun={{ one: "product", other: "products" }}
      columns={columns}
      rowKey={(p) => p._id}
      rowLabel={(p) => p.title}
      rowProps={(p) => ({ "data-testid": "product-row", "data-product-id": p._id })}
      selectable={canEdit}
      bulkActions={(keys) => <BulkActions keys={keys} currency={currency} onDone={() => {}} />}
      renderRows={
        view === "grid"
          ? (rowsShown, selection) => (
              <ProductGrid rows={rowsShown} currency={currency} selection={selection} />
            )
          : undefined
      }
      testId="products-table"
    >
      {quickEdit && (
        <QuickEditFor
          productId={quickEdit}
          listed={list.results.find((p) => p._id === quickEdit)}
          onClose={() => setQuickEdit(null)}
        />
      )}
    </ListPage>
  );
}
