import { Icon } from "../components/Icon";
import { PageHeader } from "../components/PageHeader";
import { Link } from "../../lib/router";
import { modulePath } from "./module";
import { MODULES } from "./registry";

/** An address no module serves: say so, and offer the way back to every module. */
export function NotFoundPage({ pathname }: { pathname: string }) {
  return (
    <div>
      <PageHeader
        title="Page not found"
        summary={`Nothing in the workspace lives at ${pathname}.`}
      />
      <p className="text-sm text-gray-600">
        The link may be old or mistyped. Pick where to go, or search with Ctrl K.
      </p>
      <ul className="mt-4 flex flex-wrap gap-2">
        {MODULES.map((m) => (
          <li key={m.id}>
            <Link
              href={modulePath(m)}
              className="flex items-center gap-2 rounded-md border border-gray-200 bg-white px-3 py-2 text-sm font-medium text-indigo-600 shadow-sm hover:bg-indigo-50"
            >
              <Icon name={m.icon} className="h-4 w-4" />
              {m.id === "overview" ? "Back to the overview" : m.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
