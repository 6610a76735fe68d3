// Outdoor drawings.
import { type Kinds, shadow } from "./drawing.js";

export const OUTDOOR: Kinds = {
  lantern: {
    colour: "#3f6b4f",
    focus: [200, 200],
    draw: (p) =>
      `<defs><radialGradient id="glow" cx=".5" cy=".5" r=".5"><stop offset="0" stop-color="#ffd36b" stop-opacity=".7"/><stop offset="1" stop-color="#ffd36b" stop-opacity="0"/></radialGradient></defs>` +
      shadow(90, 200, 320) +
      `<circle cx="200" cy="206" r="130" fill="url(#glow)"/>` +
      `<path d="M160 108Q200 56 240 108" fill="none" stroke="#2b2f33" stroke-width="8" stroke-linecap="round"/>` +
      `<path d="M140 132H260L244 102H156Z" fill="${p.base}"/><rect x="134" y="126" width="132" height="18" rx="7" fill="${p.dark}"/>` +
      `<rect x="150" y="144" width="100" height="128" rx="10" fill="#fff3c4"/><ellipse cx="200" cy="208" rx="34" ry="50" fill="#ffd36b"/><ellipse cx="200" cy="208" rx="16" ry="26" fill="#fff8dc"/>` +
      `<path d="M174 144V272M226 144V272" stroke="${p.base}" stroke-width="7"/>` +
      `<rect x="134" y="270" width="132" height="48" rx="10" fill="${p.base}"/><rect x="134" y="270" width="132" height="10" rx="5" fill="${p.dark}"/>` +
      `<circle cx="200" cy="298" r="9" fill="${p.light}"/><rect x="236" y="294" width="16" height="7" rx="2" fill="${p.deep}"/>`,
  },
  poncho: {
    colour: "#f2c230",
    focus: [200, 140],
    draw: (p) =>
      shadow(130, 200, 324) +
      `<path d="M168 134H232L322 298Q200 332 78 298Z" fill="${p.base}"/>` +
      `<path d="M168 134 110 290Q96 298 78 298ZM232 134 290 290Q304 298 322 298Z" fill="${p.dark}" opacity=".45"/>` +
      `<path d="M158 148Q154 80 200 74 246 80 242 148Z" fill="${p.base}"/><path d="M158 148Q180 160 200 160T242 148" fill="none" stroke="${p.dark}" stroke-width="5"/>` +
      `<ellipse cx="200" cy="118" rx="26" ry="32" fill="${p.deep}"/>` +
      `<path d="M200 160V316" stroke="${p.dark}" stroke-width="4" stroke-dasharray="10 6"/>` +
      [190, 232, 274].map((y) => `<circle cx="200" cy="${y}" r="6" fill="${p.deep}"/>`).join("") +
      `<path d="M186 152l-6 24M214 152l6 24" stroke="#fff" stroke-width="3" stroke-linecap="round"/>`,
  },
  "water-bottle": {
    colour: "#9caf88",
    focus: [200, 110],
    draw: (p) =>
      shadow(70) +
      `<path d="M184 68Q200 34 216 68" fill="none" stroke="#3a3f44" stroke-width="9"/>` +
      `<rect x="166" y="62" width="68" height="34" rx="9" fill="#3a3f44"/><path d="M172 70V90M182 70V90M192 70V90M202 70V90M212 70V90M222 70V90" stroke="#50565c" stroke-width="3"/>` +
      `<rect x="172" y="94" width="56" height="16" fill="#c4c9ce"/>` +
      `<path d="M172 108H228Q246 116 246 142V304Q246 328 222 328H178Q154 328 154 304V142Q154 116 172 108Z" fill="${p.base}"/>` +
      `<rect x="166" y="136" width="11" height="172" rx="5.5" fill="#fff" opacity=".3"/><path d="M154 312Q200 322 246 312" stroke="${p.dark}" stroke-width="4" fill="none"/>`,
  },
  "tree-straps": {
    colour: "#2f6fb0",
    focus: [110, 170],
    draw: (p) =>
      shadow(120, 200, 330) +
      `<rect x="34" y="20" width="50" height="318" fill="#8a5a3b"/><rect x="316" y="20" width="50" height="318" fill="#8a5a3b"/>` +
      `<path d="M46 40V320M72 60V300M328 50V310M352 30V320" stroke="#6f452b" stroke-width="4" opacity=".7"/>` +
      `<rect x="30" y="146" width="58" height="18" rx="4" fill="${p.base}"/><rect x="312" y="146" width="58" height="18" rx="4" fill="${p.base}"/>` +
      `<path d="M86 156 142 196M314 156 258 196" stroke="${p.base}" stroke-width="9" stroke-linecap="round"/>` +
      [0.25, 0.5, 0.75]
        .map((t) => {
          const x = 86 + 56 * t;
          const y = 156 + 40 * t;
          return `<circle cx="${x}" cy="${y + 8}" r="6" fill="none" stroke="${p.dark}" stroke-width="3"/><circle cx="${400 - x}" cy="${y + 8}" r="6" fill="none" stroke="${p.dark}" stroke-width="3"/>`;
        })
        .join("") +
      `<path d="M142 196Q200 310 258 196Q200 262 142 196Z" fill="#e9823a"/><path d="M148 206Q200 286 252 206" fill="none" stroke="#c8652a" stroke-width="3"/>` +
      `<rect x="134" y="186" width="14" height="20" rx="6" fill="none" stroke="#9aa3ab" stroke-width="4"/><rect x="252" y="186" width="14" height="20" rx="6" fill="none" stroke="#9aa3ab" stroke-width="4"/>`,
  },
  "pocket-blanket": {
    colour: "#d2483e",
    focus: [140, 200],
    draw: (p) => {
      // A blanket spread in perspective: corners a b c d; plaid lines join points along the edges.
      const [a, b, c, d] = [
        [70, 240],
        [240, 176],
        [350, 250],
        [176, 322],
      ];
      const at = (u: number[], v: number[], t: number) =>
        `${u[0] + (v[0] - u[0]) * t} ${u[1] + (v[1] - u[1]) * t}`;
      const cloth = `M${a.join(" ")}L${b.join(" ")}L${c.join(" ")}L${d.join(" ")}Z`;
      const ts = [0.125, 0.375, 0.625, 0.875];
      const across = ts.map((t) => `M${at(a, b, t)}L${at(d, c, t)}`).join("");
      const along = ts.map((t) => `M${at(a, d, t)}L${at(b, c, t)}`).join("");
      return (
        shadow(150, 210, 300) +
        `<path d="${cloth}" fill="${p.base}"/>` +
        // Gingham: broad light bands both ways, brighter where they cross.
        `<clipPath id="cloth"><path d="${cloth}"/></clipPath><g clip-path="url(#cloth)"><path d="${across}" stroke="#fff" stroke-width="22" opacity=".4"/><path d="${along}" stroke="#fff" stroke-width="22" opacity=".4"/></g>` +
        `<path d="M${a.join(" ")}L${d.join(" ")}L${c.join(" ")}" fill="none" stroke="${p.dark}" stroke-width="5"/>` +
        `<rect x="84" y="128" width="70" height="44" rx="12" fill="${p.dark}"/><path d="M92 140H146" stroke="${p.light}" stroke-width="3"/><rect x="140" y="134" width="8" height="12" rx="2" fill="#c7ccd1"/>`
      );
    },
  },
  "string-lights": {
    colour: "#ffd46b",
    focus: [200, 150],
    sky: ["#24304f", "#4b4470"],
    draw: (p) => {
      // Bulbs hang at even steps along two drooping spans (quadratic curves).
      const spans: number[][] = [
        [30, 100, 115, 190, 200, 120],
        [200, 120, 285, 190, 370, 100],
      ];
      const bulbs = spans
        .flatMap(([x0, y0, cx, cy, x1, y1]) =>
          [0.15, 0.38, 0.62, 0.85].map((t) => {
            const x = Math.round((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1);
            const y = Math.round((1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1);
            return `<circle cx="${x}" cy="${y + 20}" r="26" fill="url(#halo)"/><rect x="${x - 4}" y="${y}" width="8" height="10" fill="#2b2f33"/><circle cx="${x}" cy="${y + 20}" r="10" fill="${p.base}"/><circle cx="${x - 3}" cy="${y + 17}" r="3" fill="#fff" opacity=".8"/>`;
          }),
        )
        .join("");
      return (
        `<defs><radialGradient id="halo"><stop offset="0" stop-color="${p.base}" stop-opacity=".6"/><stop offset="1" stop-color="${p.base}" stop-opacity="0"/></radialGradient></defs>` +
        `<rect x="0" y="300" width="400" height="100" fill="#2d3b3a"/>` +
        `<path d="M0 96L30 100Q115 190 200 120Q285 190 370 100L400 96" fill="none" stroke="#1b1e22" stroke-width="3"/>` +
        bulbs +
        `<path d="M300 330V262" stroke="#5b6168" stroke-width="6"/>` +
        `<path d="M258 236 336 224 346 262 268 274Z" fill="#1f3a5f" stroke="#8aa4c4" stroke-width="2"/><path d="M284 234 294 271M310 230 320 267M263 255 341 243" stroke="#5b7fae" stroke-width="2"/>`
      );
    },
  },
};
