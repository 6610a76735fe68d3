import { useState } from "react";
import { IMAGE_TYPES_LABEL, MAX_IMAGE_BYTES } from "../../../../convex/model/productImages";
import type { ProductImage } from "../../../../convex/model/validators";
import { api } from "../../../../lib/api";
import { useStoreAction, useStoreMutation } from "../../../app/storeHooks";
import { ErrorPanel } from "../../../components/ErrorPanel";
import { Input } from "../../../components/Field";
import { SortableList } from "../SortableList";

/**
 * The product's pictures: uploaded to file storage (upload URL → POST → checked by the server
 * from the file's bytes) and ordered by drag; the first is the one listings show.
 */
export function ImagesField({
  images,
  title,
  onChange,
}: {
  images: ProductImage[];
  title: string;
  onChange: (images: ProductImage[]) => void;
}) {
  const uploadUrl = useStoreMutation(api.catalog.generateUploadUrl);
  const check = useStoreAction(api.catalog.checkImageUpload);
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function upload(files: FileList | null) {
    setProblem(undefined);
    setError(null);
    const added: ProductImage[] = [];
    setBusy(true);
    try {
      for (const file of Array.from(files ?? [])) {
        // A quick refusal before sending anything; the server checks the bytes again.
        if (!file.type.startsWith("image/")) {
          setProblem(`“${file.name}” is not an image. Upload ${IMAGE_TYPES_LABEL}.`);
          continue;
        }
        if (file.size > MAX_IMAGE_BYTES) {
          setProblem(
            `“${file.name}” is over ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Resize it first.`,
          );
          continue;
        }
        const response = await fetch(await uploadUrl({}), {
          method: "POST",
          headers: { "Content-Type": file.type },
          body: file,
        });
        if (!response.ok) throw new Error(`The upload failed (${response.status}).`);
        const { storageId } = (await response.json()) as { storageId: string };
        const result = await check({ storageId: storageId as never });
        if (!result.ok) {
          setProblem(`“${file.name}”: ${result.message}`);
          continue;
        }
        added.push({
          url: result.url,
          alt: title.trim() || file.name,
          storageId: result.storageId,
        });
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      if (added.length > 0) onChange([...images, ...added]);
    }
  }

  function move(url: string, to: number) {
    const from = images.findIndex((i) => i.url === url);
    const next = [...images];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    onChange(next);
  }

  return (
    <div data-testid="images-field">
      {images.length > 0 && (
        <SortableList
          items={images}
          idOf={(i) => i.url}
          labelOf={(i) => i.alt || "image"}
          onMove={move}
          testId="image-list"
          render={(image, index) => (
            <div className="flex min-w-0 items-center gap-3">
              <img
                src={image.url}
                alt=""
                className="h-14 w-14 shrink-0 rounded-md bg-gray-100 object-cover"
                data-testid="image-preview"
              />
              <div className="min-w-0 flex-1">
                <Input
                  aria-label={`Description of image ${index + 1}`}
                  value={image.alt}
                  placeholder="What it shows"
                  onChange={(e) =>
                    onChange(
                      images.map((i) => (i.url === image.url ? { ...i, alt: e.target.value } : i)),
                    )
                  }
                />
              </div>
              {index === 0 && <span className="hidden text-xs text-gray-500 sm:inline">Main</span>}
              <button
                type="button"
                className="text-xs font-medium text-rose-700 hover:underline"
                onClick={() => onChange(images.filter((i) => i.url !== image.url))}
              >
                Remove
              </button>
            </div>
          )}
        />
      )}
      <label className="mt-3 inline-flex cursor-pointer items-center gap-2 rounded-md border border-dashed border-gray-300 px-4 py-3 text-sm text-gray-700 hover:bg-gray-50">
        <span>{busy ? "Uploading…" : "Upload images"}</span>
        <input
          type="file"
          accept="image/*"
          multiple
          className="sr-only"
          data-testid="image-upload"
          disabled={busy}
          onChange={(e) => {
            void upload(e.target.files);
            e.target.value = "";
          }}
        />
      </label>
      <p className="mt-1 text-xs text-gray-500">
        {IMAGE_TYPES_LABEL}, up to {MAX_IMAGE_BYTES / 1024 / 1024} MB each. Drag to reorder; the
        first is the main picture.
      </p>
      {problem && (
        <p role="alert" className="mt-2 text-sm text-rose-700" data-testid="image-problem">
          {problem}
        </p>
      )}
      {error !== null && <ErrorPanel error={error} />}
    </div>
  );
}
