import { matchPath, usePathname } from "../lib/router";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { storeAddress } from "./data";
import { Footer } from "./components/Footer";
import { Header } from "./components/Header";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ProductPage } from "./pages/ProductPage";

export function App() {
  const pathname = usePathname();
  const { page: inStore, slug } = storeAddress(pathname);
  const product = matchPath("p/:slug", inStore);
  let page: JSX.Element;
  if (inStore === "/" || inStore === "/index.html") page = <HomePage key={slug} />;
  else if (product) page = <ProductPage productSlug={product.slug} />;
  else page = <NotFoundPage />;
  return (
    <ErrorBoundary resetKey={pathname}>
      <div className="flex min-h-screen flex-col">
        <Header />
        <main className="flex-1">{page}</main>
        <Footer />
      </div>
    </ErrorBoundary>
  );
}
