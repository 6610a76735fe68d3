/** Product thumbnail, or a tinted initial when there is no image (or it fails to load). */
import { useState } from "react";

export function Thumb({
  src,
  title,
  size = "h-10 w-10",
}: {
  src: string | null;
  title: string;
  size?: string;
}) {
  const [failed, setFailed] = useState(false);
  if (src && !failed) {
    return (
      <img
        src={src}
        alt=""
        loading="lazy"
        onError={() => setFailed(true)}
        className={`${size} shrink-0 rounded-md bg-gray-100 object-cover`}
      />
    );
  }
  return (
    <span
      aria-hidden
      className={`${size} flex shrink-0 items-center justify-center rounded-md bg-gradient-to-br from-indigo-100 to-emerald-100 text-sm font-semibold text-indigo-700`}
    >
      {title.charAt(0).toUpperCase()}
    </span>
  );
}
