import { type FormEvent, useEffect, useRef, useState } from "react";
import { navigate } from "../../../lib/router";
import { Button } from "../../components/Button";
import { Field, Input } from "../../components/Field";
import { offlineAccounts, SignInError } from "./offlineToken";
import { AuthFrame } from "./SignInScreen";

const message = (err: unknown) =>
  err instanceof SignInError ? err.message : "That did not work. Ask for a new link.";

/** /dashboard/verify?token=…: confirms the address once, then offers to sign in. */
export function VerifyEmailScreen({
  token,
  onVerified,
}: {
  token: string;
  onVerified?: () => Promise<unknown>;
}) {
  const [state, setState] = useState<{ done?: boolean; error?: string }>({});
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return; // StrictMode runs effects twice; the link works once
    started.current = true;
    offlineAccounts.verifyEmail(token).then(
      async () => {
        // A session open in this tab still carries "unverified" in its token: renew it, so an
        // invite opened next is accepted without signing in again.
        await onVerified?.();
        setState({ done: true });
      },
      (err: unknown) => setState({ error: message(err) }),
    );
  }, [token, onVerified]);
  return (
    <AuthFrame title="Confirm your email">
      <p role={state.error ? "alert" : "status"} className="mt-3 text-sm text-gray-700">
        {state.error ??
          (state.done ? "Your email is confirmed. Invites to it now work." : "Confirming…")}
      </p>
      {/* A full load, so the workspace starts with the renewed session's token. */}
      <Button
        variant="primary"
        className="mt-6 w-full"
        onClick={() => window.location.assign("/dashboard")}
      >
        Continue
      </Button>
    </AuthFrame>
  );
}

/** /dashboard/reset?token=…: choose a new password; every other session ends. */
export function ResetPasswordScreen({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await offlineAccounts.resetPassword(token, password);
      setDone(true);
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title="Choose a new password">
      {done ? (
        <>
          <p role="status" className="mt-3 text-sm text-gray-700">
            Your password is changed, and every browser that was signed in is signed out.
          </p>
          <Button variant="primary" className="mt-6 w-full" onClick={() => navigate("/dashboard")}>
            Sign in
          </Button>
        </>
      ) : (
        <form onSubmit={submit}>
          <Field label="New password" className="mt-5">
            <Input
              type="password"
              required
              minLength={10}
              maxLength={200}
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          {error && (
            <p role="alert" className="mt-4 rounded-md bg-rose-50 p-3 text-sm text-rose-700">
              {error}
            </p>
          )}
          <Button type="submit" variant="primary" disabled={busy} className="mt-6 w-full">
            {busy ? "Saving…" : "Save password"}
          </Button>
        </form>
      )}
    </AuthFrame>
  );
}
