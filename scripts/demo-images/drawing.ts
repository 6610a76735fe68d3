import type { DemoKind } from "../../convex/seed/catalogData.js";
import type { Paint } from "./paint.js";

/**
 * One product kind drawn in a 400×400 box on the ground line y≈330. `colour` is the default
 * body colour (a colour variant replaces it), `focus` the point the close-up zooms into,
 * `sky` an optional backdrop for products shown in their setting (lights at dusk).
 */
export type Drawing = {
  colour: string;
  draw: (p: Paint) => string;
  focus?: [number, number];
  sky?: [string, string];
};

/** Drawings by the kind they draw (a typo in a kind is a type error). */
export type Kinds = Partial<Record<DemoKind, Drawing>>;

/** The soft contact shadow under an object standing on the ground. */
export const shadow = (rx = 120, cx = 200, cy = 330) =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${Math.round(rx / 9)}" fill="#000" opacity=".1"/>`;

/** n points evenly around a circle, for rings of dots, bumps and LEDs. */
export function around(n: number, cx: number, cy: number, r: number): [number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const a = (i / n) * Math.PI * 2;
    return [
      Math.round((cx + r * Math.cos(a)) * 10) / 10,
      Math.round((cy + r * Math.sin(a)) * 10) / 10,
    ];
  });
}

/** Cells of a grid: cols × rows points from (x, y) stepping (dx, dy). */
export function grid(
  cols: number,
  rows: number,
  x: number,
  y: number,
  dx: number,
  dy: number,
): [number, number][] {
  const out: [number, number][] = [];
  for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) out.push([x + i * dx, y + j * dy]);
  return out;
}
