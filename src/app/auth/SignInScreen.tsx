import { type FormEvent, type ReactNode, useState } from "react";
import { Button } from "../../components/Button";
import { Field, Input } from "../../components/Field";
import { SignInError } from "./offlineToken";

type Mode = "sign-in" | "sign-up" | "forgot";

/** Offline accounts: sign in, create an account, or ask for a reset link. */
export function SignInScreen({
  onSignIn,
  onSignUp,
  onForgot,
  notice,
}: {
  onSignIn: (email: string, password: string) => Promise<void>;
  onSignUp: (email: string, password: string, name: string) => Promise<void>;
  onForgot: (email: string) => Promise<string>;
  notice?: string;
}) {
  const [mode, setMode] = useState<Mode>("sign-in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setSent(undefined);
    try {
      if (mode === "sign-in") await onSignIn(email.trim(), password);
      else if (mode === "sign-up") await onSignUp(email.trim(), password, name.trim());
      else setSent(await onForgot(email.trim()));
    } catch (err) {
      setError(err instanceof SignInError ? err.message : "That did not work. Try again.");
    } finally {
      setBusy(false);
    }
  }

  const title = {
    "sign-in": "Sign in",
    "sign-up": "Create an account",
    forgot: "Reset your password",
  }[mode];
  const switchTo = (next: Mode) => () => {
    setMode(next);
    setError(undefined);
    setSent(undefined);
  };

  return (
    <AuthFrame title={title}>
      <form onSubmit={submit} aria-labelledby="auth-title" noValidate>
        <p className="mt-2 text-sm text-gray-600">
          Offline accounts, checked by this server — <strong>not Clerk</strong>. Email
          (confirmations and reset links) goes to the outbox and the server's log.
        </p>
        {notice && (
          <p role="status" className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-800">
            {notice}
          </p>
        )}
        <Field label="Email" className="mt-5">
          <Input
            type="email"
            required
            maxLength={254}
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        {mode === "sign-up" && (
          <Field label="Name" className="mt-4">
            <Input
              autoComplete="name"
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
        )}
        {mode !== "forgot" && (
          <Field label="Password" className="mt-4">
            <Input
              type="password"
              required
              minLength={mode === "sign-up" ? 10 : undefined}
              maxLength={200}
              autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
        )}
        {error && (
          <p role="alert" className="mt-4 rounded-md bg-rose-50 p-3 text-sm text-rose-700">
            {error}
          </p>
        )}
        {sent && (
          <p role="status" className="mt-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800">
            {sent}
          </p>
        )}
        <Button type="submit" variant="primary" disabled={busy} className="mt-6 w-full">
          {busy
            ? "One moment…"
            : { "sign-in": "Sign in", "sign-up": "Create account", forgot: "Send reset link" }[
                mode
              ]}
        </Button>
        <div className="mt-4 flex flex-wrap justify-between gap-2 text-sm">
          {mode !== "sign-in" && (
            <button
              type="button"
              className="text-indigo-600 hover:underline"
              onClick={switchTo("sign-in")}
            >
              I have an account
            </button>
          )}
          {mode !== "sign-up" && (
            <button
              type="button"
              className="text-indigo-600 hover:underline"
              onClick={switchTo("sign-up")}
            >
              Create an account
            </button>
          )}
          {mode === "sign-in" && (
            <button
              type="button"
              className="text-indigo-600 hover:underline"
              onClick={switchTo("forgot")}
            >
              Forgot password?
            </button>
          )}
        </div>
        <p className="mt-4 text-xs text-gray-500">
          Demo store: <code>owner@demo.store</code> with password <code>northwind-demo</code>.
        </p>
      </form>
    </AuthFrame>
  );
}

/** The card every account screen sits in. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-indigo-50 via-white to-emerald-50 p-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <img src="/favicon.svg" alt="" className="h-8 w-8" />
          <span className="text-lg font-semibold text-gray-900">Command Center</span>
        </div>
        <div className="rounded-xl border border-gray-200 bg-white p-6 shadow-sm">
          <h1 id="auth-title" className="text-xl font-semibold text-gray-900">
            {title}
          </h1>
          {children}
        </div>
      </div>
    </main>
  );
}
