import { type FormEvent, useState } from "react";
import { SignInError } from "./offlineToken";

/** The OFFLINE DEMO sign-in form. It says plainly that it is not a real account check. */
export function SignInScreen({
  onSignIn,
  notice,
}: {
  onSignIn: (email: string, name: string) => Promise<void>;
  notice?: string;
}) {
  const [email, setEmail] = useState("owner@demo.store");
  const [name, setName] = useState("Demo Owner");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSignIn(email.trim(), name.trim());
    } catch (err) {
      setError(err instanceof SignInError ? err.message : "Sign-in failed. Try again.");
      setBusy(false);
    }
  }

  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-indigo-50 via-white to-emerald-50 p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <img src="/favicon.svg" alt="" className="h-8 w-8" />
          <span className="text-lg font-semibold text-gray-900">Command Center</span>
        </div>
        <form
          onSubmit={submit}
          className="rounded-xl border border-gray-200 bg-white p-6 shadow-sm"
          aria-labelledby="signin-title"
        >
          <h1 id="signin-title" className="text-xl font-semibold text-gray-900">
            Offline demo sign-in — no account needed
          </h1>
          <p className="mt-2 text-sm text-gray-600">
            This local server signs you in as whatever email you type. It is{" "}
            <strong>not Clerk</strong> and checks no password: use it for the demo store and
            development only.
          </p>
          {notice && (
            <p role="status" className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-800">
              {notice}
            </p>
          )}
          <label className="mt-5 block text-sm font-medium text-gray-700" htmlFor="email">
            Email
          </label>
          <input
            id="email"
            type="email"
            required
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
          />
          <label className="mt-4 block text-sm font-medium text-gray-700" htmlFor="name">
            Name
          </label>
          <input
            id="name"
            type="text"
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
          />
          {error && (
            <p role="alert" className="mt-4 rounded-md bg-rose-50 p-3 text-sm text-rose-700">
              {error}
            </p>
          )}
          <button
            type="submit"
            disabled={busy}
            className="mt-6 w-full rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 focus:outline-none focus:ring-2 focus:ring-indigo-300 disabled:opacity-60"
          >
            {busy ? "Signing in…" : "Sign in"}
          </button>
          <p className="mt-4 text-xs text-gray-500">
            The demo store belongs to <code>owner@demo.store</code>. Another email signs in as a new
            user with no store unless it was invited.
          </p>
        </form>
      </div>
    </main>
  );
}
