import { useStore } from "../useStore";

export function Footer() {
  const store = useStore();
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-8 text-sm text-stone-500 sm:px-6">
        <p>
          © {new Date().getFullYear()} {store?.name ?? ""}
        </p>
        <a href="/dashboard" className="hover:text-stone-800">
          Team sign-in
        </a>
      </div>
    </footer>
  );
}
