import { useState } from "react";
import { type ProductStatus, PRODUCT_STATUSES } from "../../../convex/model/validators";
import { navigate } from "../../../lib/router";
import { useCurrentStore } from "../../app/currentStore";
import { modulePath, type PageProps } from "../../app/module";
import { ListPage } from "../../components/ListPage";
import { statusTabs } from "../../components/StatusTabs";
import { productsModule } from "./module";
import { PRODUCT_STATUS } from "./productStatus";
import { productColumns } from "./productColumns";
import { QuickEditFor } from "./QuickEditFor";
import { useProducts } from "./useProducts";

const TABS = statusTabs(PRODUCT_STATUSES, PRODUCT_STATUS);

/** /dashboard/products, and /dashboard/products/:id with that product's quick edit open. */
export default function ProductsPage({ module: mod, params }: PageProps) {
  const { currency, can } = useCurrentStore();
  const [filter, setFilter] = useState<ProductStatus | "all">("all");
  const products = useProducts(filter);

  const columns = productColumns({ currency, canEdit: can("catalog.edit") });

  return (
    <ListPage
      module={mod}
      tabs={{ options: TABS, value: filter, onChange: setFilter }}
      list={products}
      noun={{ one: "product", other: "products" }}
      columns={columns}
      rowKey={(p) => p._id}
      rowLabel={(p) => p.title}
      rowProps={(p) => ({ "data-testid": "product-row", "data-product-id": p._id })}
      selectable
      testId="products-table"
    >
      {params.id && can("catalog.edit") && (
        <QuickEditFor
          productId={params.id}
          listed={products.results.find((p) => p._id === params.id)}
          onClose={() => navigate(modulePath(productsModule), { keepScroll: true })}
        />
      )}
    </ListPage>
  );
}
