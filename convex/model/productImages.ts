// Uploaded product images: only pictures a browser can show, of a size a storefront can serve.
// The file's own first bytes decide what it is, not the name or the Content-Type the browser
// sent (either can lie; an HTML "image" served from our origin would be a script injection).
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES_LABEL = "JPEG, PNG, WebP, GIF or AVIF";

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/** The image format of these leading bytes, or null when they are not one we serve. */
export function sniffImage(head: Uint8Array): string | null {
  if (head[0] === 0x89 && ascii(head, 1, 4) === "PNG") return "image/png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (ascii(head, 0, 4) === "GIF8") return "image/gif";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "image/webp";
  if (ascii(head, 4, 8) === "ftyp" && ["avif", "avis"].includes(ascii(head, 8, 12))) {
    return "image/avif";
  }
  return null;
}

/** Why a file cannot be a product image, or null when it can. */
export function imageProblem(head: Uint8Array, size: number, claimedType: string): string | null {
  if (size === 0) return "That file is empty.";
  if (sniffImage(head) === null) {
    const claim = claimedType ? ` (${claimedType})` : "";
    return `That file${claim} is not an image. Upload a ${IMAGE_TYPES_LABEL} picture.`;
  }
  if (size > MAX_IMAGE_BYTES) {
    return `That image is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMAGE_BYTES / 1024 / 1024} MB. Resize it and try again.`;
  }
  return null;
}
