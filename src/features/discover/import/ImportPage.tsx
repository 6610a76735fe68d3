import type { PageProps } from "../../../app/module";
import { PageHeader } from "../../../components/PageHeader";
import { ImportBox } from "./ImportBox";

export default function ImportPage({ module }: PageProps) {
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Import a product" summary={module.summary} />
      <ImportBox />
    </div>
  );
}
