import { type FormEvent, useState } from "react";
import { ASSIGNABLE } from "../../../convex/model/team";
import type { Role } from "../../../convex/model/validators";
import { useCurrentStore } from "../../app/currentStore";
import { Button } from "../../components/Button";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Field, Input, Select } from "../../components/Field";
import { useInvite } from "./useTeam";

/**
 * Invite by email with a role the caller may hand out (the server's own table). The link comes
 * back once: it is shown in full with a Copy button, since only its hash is kept.
 */
export function InviteForm() {
  const { store } = useCurrentStore();
  const roles = ASSIGNABLE[store.role];
  const invite = useInvite();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("staff") ? "staff" : roles[0]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ email: string; link: string } | null>(null);
  const [copied, setCopied] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const { path } = await invite(email, role);
      setSent({ email: email.trim().toLowerCase(), link: `${window.location.origin}${path}` });
      setEmail("");
    } catch (err) {
      setError(err);
      setSent(null);
    } finally {
      setBusy(false);
    }
  }

  async function copy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (insecure origin, denied): the link is selectable text; say so.
      setCopied(false);
      setError(new Error("Copying is not allowed here: select the link and copy it by hand."));
    }
  }

  if (roles.length === 0) return null;
  return (
    <div className="mt-6 border-t border-gray-100 pt-5">
      <h3 className="text-sm font-semibold text-gray-900">Invite someone</h3>
      <form
        onSubmit={submit}
        className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end"
        data-testid="invite-form"
      >
        <Field label="Email" className="flex-1">
          <Input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="name@example.com"
            autoComplete="off"
            required
          />
        </Field>
        <Field label="Role" className="sm:w-36">
          <Select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r === "admin" ? "Admin" : "Staff"}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Inviting…" : "Send invite"}
        </Button>
      </form>
      {error !== null && (
        <div className="mt-3">
          <ErrorPanel error={error} />
        </div>
      )}
      {sent && (
        <div
          className="mt-4 rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200"
          data-testid="invite-link"
        >
          <p>
            Invite sent to <strong>{sent.email}</strong>. Share this link with them too; it is shown
            only now. It works once, for 7 days, and only for someone signed in with that email
            address, verified.
          </p>
          <div className="mt-3 flex flex-col gap-2 sm:flex-row">
            <Input
              readOnly
              value={sent.link}
              aria-label="Invite link"
              onFocus={(e) => e.target.select()}
            />
            <Button onClick={() => void copy(sent.link)} className="shrink-0 sm:mt-1">
              {copied ? "Copied" : "Copy link"}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
