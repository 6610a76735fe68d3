// Pet supplies drawings.
import { around, type Kinds, grid, shadow } from "./drawing.js";

const GINGER = "#ee9a4a";
const PUP = "#e0b07a";

function bone(x: number, y: number, r: number): string {
  return `<g transform="rotate(${r} ${x} ${y})" fill="#c98a4b"><rect x="${x - 14}" y="${y - 4}" width="28" height="8" rx="3"/><circle cx="${x - 14}" cy="${y - 4}" r="5"/><circle cx="${x - 14}" cy="${y + 4}" r="5"/><circle cx="${x + 14}" cy="${y - 4}" r="5"/><circle cx="${x + 14}" cy="${y + 4}" r="5"/></g>`;
}

export const PETS: Kinds = {
  "lick-mat": {
    colour: "#5fb6b0",
    focus: [200, 210],
    draw: (p) =>
      shadow(140, 200, 322) +
      `<g transform="rotate(-6 200 210)">` +
      `<rect x="90" y="108" width="220" height="220" rx="24" fill="${p.dark}"/><rect x="90" y="98" width="220" height="220" rx="24" fill="${p.base}"/>` +
      grid(5, 5, 112, 120, 18, 18)
        .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="5" fill="${p.dark}"/>`)
        .join("") +
      [0, 1, 2, 3, 4]
        .map(
          (i) =>
            `<path d="M212 ${122 + i * 18}q10-8 20 0t20 0t20 0t20 0" fill="none" stroke="${p.dark}" stroke-width="5" stroke-linecap="round"/>`,
        )
        .join("") +
      `<ellipse cx="148" cy="272" rx="22" ry="18" fill="${p.dark}"/>` +
      [
        [124, 244],
        [140, 232],
        [158, 232],
        [174, 244],
      ]
        .map(([x, y]) => `<ellipse cx="${x}" cy="${y}" rx="8" ry="10" fill="${p.dark}"/>`)
        .join("") +
      [12, 26, 40]
        .map(
          (r) =>
            `<circle cx="254" cy="260" r="${r}" fill="none" stroke="${p.dark}" stroke-width="5"/>`,
        )
        .join("") +
      `<path d="M226 150Q250 130 282 150T288 196Q262 214 238 196T226 150Z" fill="#c98a4b" opacity=".9"/></g>`,
  },
  "cat-hammock": {
    colour: "#c9a27e",
    focus: [170, 200],
    draw: (p) =>
      `<rect x="52" y="46" width="296" height="274" rx="6" fill="#cfe6f3" stroke="#fbfbf8" stroke-width="14"/>` +
      `<path d="M60 260Q140 220 220 250T340 236V312H60Z" fill="#b9d9a8" opacity=".7"/><path d="M200 53V313" stroke="#fbfbf8" stroke-width="6" opacity=".8"/>` +
      `<path d="M104 104 108 196M296 104 292 196" stroke="#8a9096" stroke-width="3"/>` +
      [104, 296]
        .map(
          (x) =>
            `<circle cx="${x}" cy="100" r="16" fill="#eef4f7" opacity=".9" stroke="#b8c6cf" stroke-width="3"/>`,
        )
        .join("") +
      `<path d="M262 216Q300 240 290 290" fill="none" stroke="${GINGER}" stroke-width="13" stroke-linecap="round"/>` +
      `<ellipse cx="206" cy="198" rx="72" ry="32" fill="${GINGER}"/>` +
      `<path d="M128 172 124 136 148 156ZM170 156 172 122 150 148Z" fill="${GINGER}"/>` +
      `<circle cx="148" cy="178" r="30" fill="${GINGER}"/><path d="M134 176q6 5 12 0M154 176q6 5 12 0" fill="none" stroke="#5a3a20" stroke-width="3" stroke-linecap="round"/>` +
      `<path d="M196 172q10-8 20 0M226 176q10-8 20 0" fill="none" stroke="#d07d33" stroke-width="4" stroke-linecap="round"/>` +
      `<path d="M96 194H304Q300 262 200 270Q100 262 96 194Z" fill="${p.base}"/><path d="M96 194H304" stroke="${p.dark}" stroke-width="8" stroke-linecap="round"/>` +
      `<path d="M124 214Q200 236 276 214" fill="none" stroke="${p.light}" stroke-width="3" opacity=".7"/>`,
  },
  "slicker-brush": {
    colour: "#4aa3a2",
    focus: [200, 150],
    draw: (p) =>
      shadow(100) +
      `<g transform="rotate(-18 200 210)">` +
      `<rect x="182" y="196" width="36" height="134" rx="18" fill="${p.base}"/><rect x="186" y="262" width="28" height="62" rx="14" fill="${p.dark}"/>` +
      `<circle cx="200" cy="232" r="11" fill="${p.light}"/>` +
      `<rect x="110" y="86" width="180" height="124" rx="30" fill="${p.base}"/><rect x="124" y="100" width="152" height="96" rx="22" fill="#ececea"/>` +
      grid(14, 8, 134, 110, 10.5, 11)
        .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="2.6" fill="#8f979e"/>`)
        .join("") +
      `</g>`,
  },
  "travel-bowl": {
    colour: "#f08a5d",
    focus: [300, 180],
    draw: (p) =>
      shadow(120, 200, 320) +
      `<path d="M112 268Q200 298 288 268L276 302Q200 330 124 302Z" fill="${p.base}"/>` +
      `<path d="M96 222Q200 258 304 222L288 268Q200 298 112 268Z" fill="${p.dark}"/>` +
      `<path d="M80 172Q200 216 320 172L304 222Q200 258 96 222Z" fill="${p.base}"/>` +
      `<ellipse cx="200" cy="172" rx="122" ry="32" fill="${p.light}"/><ellipse cx="200" cy="176" rx="102" ry="24" fill="${p.dark}"/>` +
      `<path d="M110 190Q200 216 290 190" fill="none" stroke="${p.deep}" stroke-width="3" opacity=".4"/>` +
      `<path d="M318 160Q344 130 360 160T344 214Q326 222 320 200" fill="none" stroke="#9aa3ab" stroke-width="8" stroke-linecap="round"/>` +
      `<path d="M322 168 340 186" stroke="#c7ccd1" stroke-width="5"/>`,
  },
  "treat-ball": {
    colour: "#f2a03d",
    focus: [200, 190],
    draw: (p) =>
      `<defs><radialGradient id="ball" cx=".35" cy=".32" r=".8"><stop offset="0" stop-color="${p.light}"/><stop offset=".55" stop-color="${p.base}"/><stop offset="1" stop-color="${p.dark}"/></radialGradient></defs>` +
      shadow(96, 200, 318) +
      `<circle cx="200" cy="206" r="104" fill="url(#ball)"/>` +
      `<path d="M96 206Q200 250 304 206" fill="none" stroke="${p.deep}" stroke-width="5"/>` +
      `<ellipse cx="164" cy="150" rx="18" ry="13" fill="${p.deep}"/><ellipse cx="244" cy="166" rx="14" ry="11" fill="${p.deep}"/><ellipse cx="214" cy="272" rx="16" ry="10" fill="${p.deep}"/><ellipse cx="128" cy="250" rx="10" ry="12" fill="${p.deep}"/>` +
      bone(318, 312, -10) +
      bone(86, 316, 14) +
      `<circle cx="290" cy="320" r="6" fill="#a86b32"/>`,
  },
  "fur-roller": {
    colour: "#d8453b",
    focus: [200, 270],
    draw: (p) =>
      shadow(120, 200, 326) +
      `<path d="M202 186 252 82" stroke="${p.base}" stroke-width="32" stroke-linecap="round"/><path d="M236 116 252 82" stroke="${p.deep}" stroke-width="34" stroke-linecap="round"/>` +
      `<rect x="118" y="268" width="164" height="52" rx="26" fill="#4b4f55"/>` +
      grid(14, 1, 128, 272, 11, 0)
        .map(([x, y]) => `<path d="M${x} ${y + 2}l8 44" stroke="#6b7077" stroke-width="4"/>`)
        .join("") +
      `<path d="M106 232Q106 184 156 184H244Q294 184 294 232V286H276Q270 262 200 262T124 286H106Z" fill="${p.base}"/>` +
      `<rect x="128" y="204" width="60" height="10" rx="5" fill="${p.light}" opacity=".6"/>` +
      `<path d="M60 318q8-14 4-26M74 320q10-16 6-30M330 320q-6-12 2-24M344 322q-4-16 6-26" fill="none" stroke="#b58a5a" stroke-width="3" stroke-linecap="round"/>`,
  },
  "donut-bed": {
    colour: "#cdbca8",
    focus: [200, 230],
    draw: (p) =>
      shadow(165, 200, 314) +
      `<ellipse cx="200" cy="250" rx="156" ry="66" fill="${p.dark}"/>` +
      around(44, 200, 232, 150)
        .map(
          ([x, y]) =>
            `<circle cx="${x}" cy="${Math.round(232 + (y - 232) * 0.44)}" r="17" fill="${p.base}"/>`,
        )
        .join("") +
      `<ellipse cx="200" cy="232" rx="150" ry="64" fill="${p.base}"/>` +
      `<ellipse cx="200" cy="228" rx="100" ry="38" fill="${p.dark}"/><ellipse cx="200" cy="236" rx="90" ry="30" fill="${p.deep}" opacity=".35"/>` +
      // A pup curled up asleep, its lower half tucked behind the bed's front rim.
      `<ellipse cx="212" cy="222" rx="58" ry="28" fill="${PUP}"/><path d="M262 226Q270 252 222 246" fill="none" stroke="${PUP}" stroke-width="11" stroke-linecap="round"/>` +
      `<circle cx="160" cy="214" r="24" fill="${PUP}"/><ellipse cx="168" cy="204" rx="9" ry="16" fill="#b98552" transform="rotate(28 168 204)"/>` +
      `<path d="M145 214q6 5 12 0" fill="none" stroke="#5a3a20" stroke-width="3" stroke-linecap="round"/><circle cx="138" cy="222" r="4" fill="#3a2a1c"/>` +
      `<path d="M50 232A150 64 0 0 0 350 232H300A100 38 0 0 1 100 232Z" fill="${p.base}"/>` +
      around(18, 200, 232, 126)
        .map(
          ([x, y]) =>
            `<path d="M${x - 6} ${Math.round(232 + (y - 232) * 0.44)}q6-6 12 0" fill="none" stroke="${p.light}" stroke-width="3" stroke-linecap="round"/>`,
        )
        .join(""),
  },
};
