import type { ModuleInfo } from "../../app/modules";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";

/** An honest placeholder: what the module will do, and no made-up numbers. */
export function ComingLater({ module: mod }: { module: ModuleInfo }) {
  return (
    <div>
      <PageHeader title={mod.label} summary={mod.summary} />
      <section
        aria-labelledby="later-title"
        className="rounded-xl border border-dashed border-gray-300 bg-white p-6 sm:p-8"
      >
        <div className="flex items-center gap-3">
          <span className="flex h-10 w-10 items-center justify-center rounded-lg bg-indigo-50 text-indigo-600">
            <Icon name={mod.icon} className="h-6 w-6" />
          </span>
          <div>
            <h2 id="later-title" className="text-base font-semibold text-gray-900">
              Coming in a later release
            </h2>
            <p className="text-sm text-gray-500">
              Nothing here yet — this page will show real data from your store once it ships.
            </p>
          </div>
        </div>
        <h3 className="mt-6 text-sm font-medium text-gray-700">What it will do</h3>
        <ul className="mt-2 space-y-2">
          {mod.planned?.map((line) => (
            <li key={line} className="flex gap-2 text-sm text-gray-600">
              <Icon name="sparkle" className="mt-0.5 h-4 w-4 shrink-0 text-indigo-400" />
              {line}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
