// Fitness drawings.
import { type Kinds, grid, shadow } from "./drawing.js";

const BANDS = ["#2b2b2b", "#2f6fb0", "#3aa17e", "#e4572e", "#f2c230"];

export const FITNESS: Kinds = {
  "resistance-bands": {
    colour: "#3d4a5c",
    focus: [230, 200],
    draw: (p) =>
      shadow(130) +
      `<path d="M262 322 276 226Q300 214 324 226L338 322Z" fill="${p.base}"/><path d="M282 226Q300 244 318 226" fill="none" stroke="${p.light}" stroke-width="3"/><path d="M300 238V262" stroke="${p.light}" stroke-width="3"/><circle cx="300" cy="266" r="5" fill="${p.light}"/>` +
      BANDS.map(
        (c, i) =>
          `<rect x="${70 + i * 8}" y="${110 + i * 38}" width="200" height="66" rx="33" fill="none" stroke="${c}" stroke-width="13" transform="rotate(${-10 + i * 5} ${170 + i * 8} ${143 + i * 38})"/>`,
      ).join(""),
  },
  "jump-rope": {
    colour: "#e4572e",
    focus: [140, 270],
    draw: (p) =>
      shadow(130) +
      `<path d="M146 250C40 80 150 56 200 58 250 56 360 80 254 250" fill="none" stroke="#2d3a4a" stroke-width="6" stroke-linecap="round"/>` +
      [
        [146, 250, 24],
        [254, 250, -24],
      ]
        .map(
          ([x, y, r]) =>
            `<g transform="rotate(${r} ${x} ${y})"><rect x="${x - 8}" y="${y - 10}" width="16" height="18" rx="4" fill="#c0c4c8"/><rect x="${x - 15}" y="${y + 6}" width="30" height="84" rx="14" fill="${p.base}"/><rect x="${x - 15}" y="${y + 78}" width="30" height="12" rx="6" fill="${p.deep}"/><rect x="${x - 9}" y="${y + 16}" width="6" height="54" rx="3" fill="${p.light}" opacity=".6"/></g>`,
        )
        .join(""),
  },
  "foam-roller": {
    colour: "#2f80c9",
    focus: [190, 230],
    draw: (p) =>
      shadow(140, 200, 322) +
      `<path d="M98 170H290V290H98A26 60 0 0 1 98 170Z" fill="${p.base}"/>` +
      grid(4, 5, 98, 180, 14, 22)
        .map(([x, y]) => `<rect x="${x}" y="${y}" width="9" height="14" rx="4" fill="${p.dark}"/>`)
        .join("") +
      grid(5, 1, 162, 176, 12, 0)
        .map(([x, y]) => `<rect x="${x}" y="${y}" width="6" height="108" rx="3" fill="${p.dark}"/>`)
        .join("") +
      grid(2, 4, 230, 180, 26, 26)
        .map(([x, y]) => `<rect x="${x}" y="${y}" width="20" height="20" rx="5" fill="${p.dark}"/>`)
        .join("") +
      `<ellipse cx="290" cy="230" rx="26" ry="60" fill="${p.light}"/><ellipse cx="290" cy="230" rx="12" ry="28" fill="${p.deep}"/>`,
  },
  "mat-strap": {
    colour: "#7b5ea7",
    focus: [290, 240],
    draw: (p) =>
      shadow(150, 196, 318) +
      `<path d="M121 200C140 96 240 96 259 200" fill="none" stroke="#33363a" stroke-width="12"/>` +
      `<path d="M80 200H300V284H80A22 42 0 0 1 80 200Z" fill="${p.base}"/><path d="M86 214H296" stroke="${p.light}" stroke-width="4" opacity=".5"/>` +
      `<ellipse cx="300" cy="242" rx="22" ry="42" fill="${p.light}"/>` +
      [34, 26, 18, 10]
        .map(
          (r) =>
            `<ellipse cx="${300 - (34 - r) / 8}" cy="${242 + (34 - r) / 5}" rx="${r / 2}" ry="${r}" fill="none" stroke="${p.dark}" stroke-width="3"/>`,
        )
        .join("") +
      `<rect x="112" y="194" width="18" height="96" rx="4" fill="#33363a"/><rect x="250" y="194" width="18" height="96" rx="4" fill="#33363a"/>` +
      `<rect x="108" y="226" width="26" height="18" rx="3" fill="none" stroke="#b8bec5" stroke-width="4"/>`,
  },
  "grip-trainer": {
    colour: "#e86a33",
    focus: [200, 140],
    draw: (p) =>
      shadow(100) +
      `<path d="M188 140 150 300M212 140 250 300" stroke="${p.base}" stroke-width="38" stroke-linecap="round"/>` +
      // Ridges across each handle, following its slant.
      [0, 1, 2, 3, 4]
        .map((i) => {
          const y = 204 + i * 20;
          const dx = (y - 140) * 0.2375;
          return `<path d="M${176 - dx} ${y}h24M${200 + dx} ${y}h24" stroke="${p.dark}" stroke-width="5" stroke-linecap="round"/>`;
        })
        .join("") +
      `<path d="M196 120 186 168M204 120 214 168" stroke="#9aa3ab" stroke-width="8" stroke-linecap="round"/>` +
      `<circle cx="200" cy="108" r="22" fill="none" stroke="#b7bec5" stroke-width="9"/><circle cx="200" cy="108" r="9" fill="none" stroke="#b7bec5" stroke-width="6"/>` +
      `<circle cx="171" cy="178" r="12" fill="#2f3438"/><circle cx="171" cy="178" r="4" fill="#f2f2f2"/>`,
  },
  "ab-wheel": {
    colour: "#d9443a",
    focus: [200, 230],
    draw: (p) =>
      shadow(150, 200, 326) +
      `<rect x="70" y="296" width="260" height="28" rx="14" fill="#4a90c2"/><path d="M86 304H314" stroke="#7fb3da" stroke-width="3"/>` +
      // The wheel in three-quarter view: tread behind, face in front, handles through the hub.
      `<rect x="200" y="222" width="130" height="16" rx="8" fill="#b7bec5"/><rect x="262" y="210" width="78" height="40" rx="20" fill="#3a3f44"/>` +
      `<ellipse cx="214" cy="226" rx="64" ry="96" fill="#2b2f33"/><ellipse cx="196" cy="226" rx="64" ry="96" fill="#3a3f44"/>` +
      `<ellipse cx="196" cy="226" rx="50" ry="80" fill="${p.base}"/><ellipse cx="186" cy="200" rx="16" ry="40" fill="${p.light}" opacity=".45"/>` +
      `<rect x="70" y="222" width="130" height="16" rx="8" fill="#b7bec5"/><ellipse cx="196" cy="230" rx="12" ry="18" fill="#d7dbdf"/>` +
      `<rect x="60" y="210" width="78" height="40" rx="20" fill="#3a3f44"/>` +
      `<path d="M76 218V242M92 218V242M108 218V242M124 218V242M276 218V242M292 218V242M308 218V242M324 218V242" stroke="#50565c" stroke-width="4"/>`,
  },
  "shaker-bottle": {
    colour: "#9caf88",
    focus: [200, 130],
    draw: (p) =>
      shadow(90) +
      `<path d="M232 120C232 74 272 74 268 120" fill="none" stroke="#2f3438" stroke-width="10"/>` +
      `<rect x="148" y="96" width="56" height="26" rx="8" fill="#3d4348"/><rect x="164" y="88" width="24" height="12" rx="4" fill="#3d4348"/>` +
      `<rect x="136" y="116" width="128" height="42" rx="10" fill="#2f3438"/><path d="M140 146H260" stroke="#50565c" stroke-width="3"/>` +
      `<path d="M140 158H260L254 318Q254 328 244 328H156Q146 328 146 318Z" fill="${p.base}"/>` +
      `<rect x="220" y="180" width="22" height="124" rx="7" fill="${p.light}" opacity=".75"/>` +
      [0, 1, 2, 3, 4, 5]
        .map(
          (i) =>
            `<path d="M226 ${192 + i * 18}h${i % 2 ? 7 : 11}" stroke="${p.deep}" stroke-width="2.5"/>`,
        )
        .join("") +
      `<rect x="156" y="172" width="12" height="136" rx="6" fill="#fff" opacity=".3"/>`,
  },
};
