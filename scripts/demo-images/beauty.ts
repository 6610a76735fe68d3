// Beauty drawings.
import { around, type Kinds, shadow } from "./drawing.js";

const GOLD = "#c9a94f";

function scrunchie(cx: number, cy: number, colour: string, dark: string): string {
  const bumps = around(14, cx, cy, 38)
    .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="11" fill="${colour}"/>`)
    .join("");
  return (
    bumps +
    `<circle cx="${cx}" cy="${cy}" r="31" fill="none" stroke="${colour}" stroke-width="22"/>` +
    `<circle cx="${cx}" cy="${cy}" r="33" fill="none" stroke="${dark}" stroke-width="2" stroke-dasharray="4 7" opacity=".5"/>` +
    `<circle cx="${cx}" cy="${cy}" r="20" fill="none" stroke="${dark}" stroke-width="3" opacity=".35"/>`
  );
}

export const BEAUTY: Kinds = {
  "face-roller": {
    colour: "#6fae8a",
    focus: [200, 150],
    draw: (p) =>
      shadow(110) +
      `<g transform="rotate(-24 200 210)">` +
      `<path d="M144 120V146H256V120" fill="none" stroke="${GOLD}" stroke-width="6"/><path d="M200 146V170" stroke="${GOLD}" stroke-width="6"/>` +
      `<rect x="150" y="98" width="100" height="44" rx="20" fill="${p.base}"/><rect x="160" y="106" width="80" height="9" rx="4" fill="${p.light}" opacity=".8"/>` +
      `<rect x="186" y="166" width="28" height="104" rx="10" fill="${p.base}"/><rect x="192" y="174" width="7" height="86" rx="3" fill="${p.light}" opacity=".7"/>` +
      `<rect x="184" y="160" width="32" height="10" rx="3" fill="${GOLD}"/><rect x="184" y="266" width="32" height="10" rx="3" fill="${GOLD}"/>` +
      `<path d="M200 276V288M170 300V288H230V300" fill="none" stroke="${GOLD}" stroke-width="5"/>` +
      `<rect x="176" y="290" width="48" height="24" rx="11" fill="${p.base}"/><rect x="182" y="294" width="34" height="6" rx="3" fill="${p.light}" opacity=".8"/></g>`,
  },
  "curling-ribbon": {
    colour: "#e8aeb5",
    focus: [200, 170],
    draw: (p) =>
      shadow(140) +
      `<path d="M110 300C110 110 290 110 290 300" fill="none" stroke="${p.dark}" stroke-width="40" stroke-linecap="round"/>` +
      `<path d="M110 300C110 110 290 110 290 300" fill="none" stroke="${p.base}" stroke-width="32" stroke-linecap="round"/>` +
      `<path d="M104 286C104 130 200 128 200 140" fill="none" stroke="${p.light}" stroke-width="7" stroke-linecap="round" opacity=".8"/>` +
      `<rect x="184" y="130" width="32" height="54" rx="10" fill="${GOLD}"/><path d="M192 140V176M208 140V176" stroke="#a88a3a" stroke-width="3"/>` +
      `<g transform="translate(44 122) scale(.6)">${scrunchie(110, 304, p.dark, p.deep)}</g>` +
      `<g transform="translate(116 122) scale(.6)">${scrunchie(290, 304, p.dark, p.deep)}</g>`,
  },
  scrunchies: {
    colour: "#e8aeb5",
    focus: [200, 170],
    draw: () =>
      shadow(150) +
      [
        [110, 268, "#b7c7dc", "#7f93b0"],
        [200, 272, "#f3d9a4", "#c7a863"],
        [290, 268, "#9fd3c7", "#5f9e90"],
        [112, 172, "#e8aeb5", "#b9737c"],
        [200, 168, "#cdb8e8", "#8e75b5"],
        [288, 172, "#f2a28b", "#c46b52"],
      ]
        .map(([x, y, c, d]) => scrunchie(x as number, y as number, c as string, d as string))
        .join(""),
  },
  "makeup-mirror": {
    colour: "#eeeeee",
    focus: [200, 170],
    draw: (p) =>
      `<defs><linearGradient id="glass" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#eef5f8"/><stop offset="1" stop-color="#b9ccd8"/></linearGradient></defs>` +
      shadow(90) +
      `<ellipse cx="200" cy="318" rx="74" ry="16" fill="${p.dark}"/><ellipse cx="200" cy="312" rx="74" ry="16" fill="${p.base}"/>` +
      `<rect x="192" y="262" width="16" height="50" fill="${p.dark}"/>` +
      `<circle cx="200" cy="166" r="106" fill="${p.base}" stroke="${p.dark}" stroke-width="4"/>` +
      around(28, 200, 166, 97)
        .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="4.5" fill="#fff3c2"/>`)
        .join("") +
      `<circle cx="200" cy="166" r="88" fill="url(#glass)"/>` +
      `<path d="M140 120 190 80M140 160 232 84" stroke="#fff" stroke-width="12" stroke-linecap="round" opacity=".55"/>` +
      `<circle cx="200" cy="286" r="6" fill="#9aa3ab"/>`,
  },
  "scalp-massager": {
    colour: "#f0a6b8",
    focus: [200, 260],
    draw: (p) =>
      shadow(110, 200, 322) +
      Array.from({ length: 11 }, (_, i) => {
        const x = 125 + i * 15;
        const len = 48 - Math.abs(i - 5) * 3;
        return `<rect x="${x}" y="252" width="9" height="${len}" rx="4.5" fill="${p.base}"/><circle cx="${x + 4.5}" cy="${252 + len - 3}" r="5" fill="${p.dark}"/>`;
      }).join("") +
      `<path d="M118 252Q118 140 200 140Q282 140 282 252Z" fill="${p.base}"/>` +
      `<rect x="112" y="242" width="176" height="18" rx="9" fill="${p.dark}"/>` +
      `<path d="M150 200Q200 170 250 200M144 222Q200 192 256 222" fill="none" stroke="${p.dark}" stroke-width="5" stroke-linecap="round"/>` +
      `<ellipse cx="176" cy="168" rx="26" ry="12" fill="${p.light}" opacity=".7"/>`,
  },
  "gua-sha": {
    colour: "#f3b9c5",
    focus: [200, 190],
    draw: (p) => {
      const heart =
        "M120 150C120 96 190 96 200 140 210 96 280 96 280 150 280 220 232 258 200 304 168 258 120 220 120 150Z";
      return (
        shadow(110) +
        `<path d="${heart}" fill="${p.dark}" transform="translate(5 9)"/>` +
        `<path d="${heart}" fill="${p.base}"/>` +
        `<path d="M146 140Q176 180 168 230M230 130Q220 190 250 214M192 190Q212 230 196 270" fill="none" stroke="#fff" stroke-width="3" opacity=".55"/>` +
        `<path d="M138 140Q142 116 166 114" fill="none" stroke="#fff" stroke-width="7" stroke-linecap="round" opacity=".7"/>`
      );
    },
  },
  pillowcase: {
    colour: "#e6cfa4",
    focus: [220, 200],
    draw: (p) => {
      const pillow = "M84 144Q200 124 316 144Q336 220 316 300Q200 320 84 300Q64 220 84 144Z";
      return (
        `<defs><linearGradient id="satin" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.base}"/><stop offset=".45" stop-color="${p.light}"/><stop offset=".6" stop-color="${p.base}"/><stop offset="1" stop-color="${p.dark}"/></linearGradient><clipPath id="case"><path d="${pillow}"/></clipPath></defs>` +
        shadow(150, 200, 318) +
        `<path d="${pillow}" fill="url(#satin)"/>` +
        // Satin's soft highlights and the case's open end, kept inside the pillow.
        `<g clip-path="url(#case)"><path d="M70 190Q170 150 250 206T340 214" fill="none" stroke="#fff" stroke-width="16" opacity=".3"/><path d="M70 262Q170 236 250 270T340 262" fill="none" stroke="#fff" stroke-width="8" opacity=".25"/>` +
        `<rect x="290" y="120" width="60" height="200" fill="${p.dark}" opacity=".25"/></g>` +
        `<path d="M84 144Q100 160 98 180M316 144Q300 160 302 180M84 300Q100 284 98 264M316 300Q300 284 302 264" fill="none" stroke="${p.dark}" stroke-width="4" stroke-linecap="round"/>` +
        `<path d="M290 138Q298 220 290 306" fill="none" stroke="${p.dark}" stroke-width="3"/>`
      );
    },
  },
};
