// Colours for the demo drawings: the catalogue's colour names as real colours, and the few
// tones of one colour a flat drawing needs (shadow side, deep shadow, highlight).

/** Colour option values used by the demo catalogue (and a few common ones) → hex. */
export const COLOUR_HEX: Record<string, string> = {
  sage: "#9caf88",
  sand: "#d6bf98",
  charcoal: "#3e4347",
  blush: "#e8aeb5",
  ivory: "#f3ecdc",
  black: "#1f2022",
  champagne: "#e6cfa4",
  navy: "#23355c",
  white: "#f5f5f2",
  grey: "#9a9fa5",
  gray: "#9a9fa5",
  red: "#d2443b",
  blue: "#3a78c2",
  green: "#4f9a5e",
  pink: "#f0a6b8",
  olive: "#7d8450",
  cream: "#f2e8d0",
  teal: "#3f9c9a",
};

export type Paint = { base: string; dark: string; deep: string; light: string };

function channels(hex: string): number[] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** hex mixed toward black (t < 0) or white (t > 0) by |t|. */
export function shade(hex: string, t: number): string {
  const target = t < 0 ? 0 : 255;
  const out = channels(hex).map((c) => Math.round(c + (target - c) * Math.abs(t)));
  return `#${out.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/** The tones of one colour; very dark colours get lighter highlights so their shape still reads. */
export function paint(hex: string): Paint {
  const [r, g, b] = channels(hex);
  const dark = 0.299 * r + 0.587 * g + 0.114 * b < 70;
  return {
    base: hex,
    dark: dark ? shade(hex, 0.16) : shade(hex, -0.22),
    deep: dark ? shade(hex, 0.3) : shade(hex, -0.42),
    light: shade(hex, dark ? 0.42 : 0.38),
  };
}
