import { matchPath, usePathname } from "../lib/router";
import { ErrorBoundary } from "./components/ErrorBoundary";
import { Footer } from "./components/Footer";
import { Header } from "./components/Header";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ProductPage } from "./pages/ProductPage";

export function App() {
  const pathname = usePathname();
  const product = matchPath("p/:slug", pathname);
  let page: JSX.Element;
  if (pathname === "/" || pathname === "/index.html") page = <HomePage />;
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
