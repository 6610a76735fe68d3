import { useState } from "react";

/** A product photo, or a calm tinted tile with the product's initial when there is none. */
export function ProductImage({
  src,
  alt,
  className = "",
  eager = false,
}: {
  src: string | null;
  alt: string;
  className?: string;
  eager?: boolean;
}) {
  const [failed, setFailed] = useState(false);
  if (src && !failed) {
    return (
      <img
        src={src}
        alt={alt}
        loading={eager ? "eager" : "lazy"}
        decoding={eager ? "sync" : "async"}
        {...(eager ? { fetchpriority: "high" } : {})}
        onError={() => setFailed(true)}
        className={`h-full w-full object-cover ${className}`}
      />
    );
  }
  const hue = [...alt].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return (
    <div
      role="img"
      aria-label={alt}
      className={`flex h-full w-full items-center justify-center ${className}`}
      style={{
        background: `linear-gradient(135deg, hsl(${hue} 40% 90%), hsl(${(hue + 40) % 360} 35% 80%))`,
      }}
    >
      <span className="font-display text-5xl text-stone-700/60">{alt.charAt(0).toUpperCase()}</span>
    </div>
  );
}
