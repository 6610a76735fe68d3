/**
 * Product pictures for the seeded demo store. convex/model/seed gives every demo product the
 * URLs /demo/products/<slug>.svg and /demo/products/<slug>-detail.svg; rather than ship 80
 * files, the app server draws a calm, deterministic still life for any slug.
 */
const SHAPES = [
  // bottle
  (c: string) =>
    `<rect x="170" y="90" width="60" height="50" rx="10" fill="${c}" opacity=".85"/><rect x="130" y="130" width="140" height="190" rx="36" fill="${c}"/><rect x="150" y="190" width="100" height="70" rx="10" fill="#fff" opacity=".55"/>`,
  // box
  (c: string) =>
    `<path d="M110 160 200 120 290 160 290 280 200 320 110 280Z" fill="${c}"/><path d="M110 160 200 200 290 160" fill="none" stroke="#fff" stroke-opacity=".6" stroke-width="6"/><path d="M200 200v120" stroke="#fff" stroke-opacity=".45" stroke-width="6"/>`,
  // bowl
  (c: string) =>
    `<path d="M100 190h200a100 100 0 0 1-200 0Z" fill="${c}"/><ellipse cx="200" cy="190" rx="100" ry="18" fill="#fff" opacity=".5"/><rect x="160" y="282" width="80" height="16" rx="8" fill="${c}" opacity=".8"/>`,
  // jar
  (c: string) =>
    `<rect x="140" y="110" width="120" height="36" rx="10" fill="${c}" opacity=".8"/><rect x="120" y="140" width="160" height="170" rx="28" fill="${c}"/><circle cx="200" cy="225" r="38" fill="#fff" opacity=".5"/>`,
  // bag
  (c: string) =>
    `<path d="M160 150v-20a40 40 0 0 1 80 0v20" fill="none" stroke="${c}" stroke-width="12"/><path d="M120 150h160l16 160H104Z" fill="${c}"/><rect x="160" y="200" width="80" height="50" rx="8" fill="#fff" opacity=".5"/>`,
  // lamp
  (c: string) =>
    `<path d="M150 110h100l30 90H120Z" fill="${c}"/><rect x="192" y="200" width="16" height="90" fill="${c}" opacity=".8"/><rect x="150" y="286" width="100" height="20" rx="10" fill="${c}"/><ellipse cx="200" cy="205" rx="60" ry="10" fill="#fff" opacity=".45"/>`,
];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function demoProductSvg(slug: string, detail: boolean): string {
  const h = hash(slug);
  const hue = h % 360;
  const shape = SHAPES[(h >>> 9) % SHAPES.length];
  const bg1 = `hsl(${hue} 38% 94%)`;
  const bg2 = `hsl(${(hue + 30) % 360} 32% 84%)`;
  const ink = `hsl(${(hue + 180) % 360} 28% 42%)`;
  const transform = detail ? "translate(-140 -150) scale(1.7)" : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="800" height="800"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient></defs><rect width="400" height="400" fill="url(#g)"/><g transform="${transform}"><ellipse cx="200" cy="330" rx="120" ry="14" fill="#000" opacity=".08"/>${shape(ink)}</g></svg>`;
}

/** `/demo/products/<slug>.svg` or `<slug>-detail.svg` → the SVG, else null. */
export function demoImageFor(path: string): string | null {
  const m = path.match(/^\/demo\/products\/([a-z0-9-]{1,120})\.svg$/);
  if (!m) return null;
  const detail = m[1].endsWith("-detail");
  return demoProductSvg(detail ? m[1].slice(0, -7) : m[1], detail);
}
