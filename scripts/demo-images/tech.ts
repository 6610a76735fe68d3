// Tech accessories drawings.
import { type Kinds, grid, shadow } from "./drawing.js";

const SCREEN = `<linearGradient id="screen" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#6aa6e8"/><stop offset="1" stop-color="#b48be8"/></linearGradient>`;

export const TECH: Kinds = {
  "phone-stand": {
    colour: "#c7ccd1",
    focus: [200, 260],
    draw: (p) =>
      `<defs>${SCREEN}</defs>` +
      shadow(90, 200, 326) +
      `<ellipse cx="200" cy="320" rx="80" ry="15" fill="${p.dark}"/><ellipse cx="200" cy="314" rx="80" ry="15" fill="${p.base}"/>` +
      `<path d="M200 312 222 200" stroke="${p.dark}" stroke-width="18" stroke-linecap="round"/><circle cx="222" cy="200" r="14" fill="${p.base}"/>` +
      `<rect x="140" y="64" width="120" height="214" rx="20" fill="#1f2328"/><rect x="147" y="71" width="106" height="200" rx="15" fill="url(#screen)"/>` +
      `<rect x="184" y="78" width="32" height="9" rx="4.5" fill="#1f2328"/>` +
      grid(4, 2, 160, 170, 22, 24)
        .map(
          ([x, y]) =>
            `<rect x="${x}" y="${y}" width="14" height="14" rx="4" fill="#fff" opacity=".7"/>`,
        )
        .join("") +
      `<rect x="164" y="110" width="72" height="26" rx="6" fill="#fff" opacity=".35"/>`,
  },
  "cable-box": {
    colour: "#f1f0ec",
    focus: [300, 240],
    draw: (p) =>
      shadow(150, 200, 318) +
      `<path d="M86 246C40 254 50 300 20 320M314 246C360 254 352 300 382 312" fill="none" stroke="#33373c" stroke-width="8" stroke-linecap="round"/>` +
      `<rect x="80" y="180" width="240" height="130" rx="18" fill="${p.base}" stroke="${p.dark}" stroke-width="3"/>` +
      `<rect x="74" y="164" width="252" height="28" rx="10" fill="#c8a06e"/><path d="M84 170H316" stroke="#dcbb8c" stroke-width="3"/>` +
      `<rect x="72" y="230" width="18" height="34" rx="9" fill="#3b3f44"/><rect x="310" y="230" width="18" height="34" rx="9" fill="#3b3f44"/>` +
      grid(6, 1, 170, 272, 12, 0)
        .map(([x, y]) => `<rect x="${x}" y="${y}" width="6" height="18" rx="3" fill="${p.dark}"/>`)
        .join("") +
      `<path d="M184 164Q186 130 200 122 214 130 216 164Z" fill="#6e9b5a"/><path d="M200 164Q170 128 172 112 196 126 200 164ZM200 164Q230 128 230 114 206 126 200 164Z" fill="#87b46f"/>`,
  },
  tracker: {
    colour: "#f7f7f5",
    focus: [200, 190],
    draw: (p) =>
      shadow(100, 210, 322) +
      `<path d="M120 150 96 262" stroke="#d3ad52" stroke-width="14" stroke-linecap="round"/><circle cx="124" cy="142" r="18" fill="none" stroke="#d3ad52" stroke-width="12"/>` +
      `<path d="M92 238h-14M88 254h-12" stroke="#d3ad52" stroke-width="8"/>` +
      `<circle cx="150" cy="118" r="34" fill="none" stroke="#b7bec5" stroke-width="6"/>` +
      `<rect x="150" y="130" width="150" height="150" rx="38" fill="${p.dark}" transform="translate(4 6)"/>` +
      `<rect x="150" y="130" width="150" height="150" rx="38" fill="${p.base}"/>` +
      `<circle cx="180" cy="158" r="12" fill="${p.dark}"/><circle cx="180" cy="158" r="7" fill="#eef0f2"/>` +
      `<circle cx="228" cy="210" r="26" fill="none" stroke="#b6bcc3" stroke-width="5"/><circle cx="228" cy="210" r="8" fill="#b6bcc3"/>` +
      `<path d="M290 102a40 40 0 0 1 30 30M296 76a68 68 0 0 1 50 50M302 50a96 96 0 0 1 70 70" fill="none" stroke="#4a90e2" stroke-width="6" stroke-linecap="round"/>`,
  },
  "laptop-riser": {
    colour: "#c2c7cc",
    focus: [200, 250],
    draw: (p) =>
      `<defs>${SCREEN}</defs>` +
      shadow(150, 200, 326) +
      `<rect x="112" y="312" width="176" height="12" rx="6" fill="${p.dark}"/>` +
      `<path d="M126 222 150 314M274 222 250 314M140 270H260" stroke="${p.base}" stroke-width="12" stroke-linecap="round"/>` +
      `<path d="M112 78H288L290 196H110Z" fill="#2f3438"/><rect x="120" y="86" width="160" height="102" rx="3" fill="url(#screen)"/>` +
      `<path d="M100 196H300L322 222H78Z" fill="#c9ced3"/><path d="M78 222H322V228Q200 234 78 228Z" fill="#9aa1a8"/>` +
      `<path d="M118 204H282M112 212H288" stroke="#9aa1a8" stroke-width="3" stroke-dasharray="8 3"/>`,
  },
  "charging-pad": {
    colour: "#2d3135",
    focus: [200, 240],
    draw: (p) =>
      shadow(150, 200, 300) +
      `<path d="M330 248C364 240 372 200 396 188" fill="none" stroke="#33373c" stroke-width="9" stroke-linecap="round"/>` +
      `<ellipse cx="200" cy="262" rx="156" ry="50" fill="#8fd8ff" opacity=".25"/>` +
      `<ellipse cx="200" cy="262" rx="140" ry="44" fill="${p.dark}"/><ellipse cx="200" cy="252" rx="140" ry="44" fill="${p.base}"/>` +
      `<ellipse cx="200" cy="262" rx="143" ry="46" fill="none" stroke="#8fd8ff" stroke-width="5"/>` +
      `<ellipse cx="200" cy="250" rx="100" ry="30" fill="none" stroke="${p.light}" stroke-width="3" opacity=".4"/>` +
      `<path d="M206 232 184 254H202L194 272 218 246H200Z" fill="#8fd8ff"/>` +
      `<path d="M166 196Q200 176 234 196M150 176Q200 146 250 176M134 156Q200 116 266 156" fill="none" stroke="#5aa9d6" stroke-width="6" stroke-linecap="round" opacity=".8"/>`,
  },
  "projection-lamp": {
    colour: "#2f3438",
    focus: [200, 160],
    sky: ["#3b3557", "#6a4a6e"],
    draw: (p) =>
      `<defs><radialGradient id="sun" cx=".5" cy=".5" r=".5"><stop offset="0" stop-color="#ffe08a"/><stop offset=".45" stop-color="#ff9a4a"/><stop offset=".8" stop-color="#e8506a" stop-opacity=".7"/><stop offset="1" stop-color="#e8506a" stop-opacity="0"/></radialGradient></defs>` +
      `<rect x="0" y="322" width="400" height="78" fill="#2a2540"/>` +
      `<path d="M142 238 170 60 340 120Z" fill="#ffb060" opacity=".16"/>` +
      `<circle cx="246" cy="134" r="118" fill="url(#sun)"/>` +
      `<ellipse cx="130" cy="322" rx="42" ry="10" fill="${p.base}"/><rect x="126" y="244" width="8" height="78" fill="${p.base}"/>` +
      `<g transform="rotate(-38 132 226)"><rect x="100" y="206" width="64" height="42" rx="12" fill="${p.light}"/><ellipse cx="164" cy="227" rx="8" ry="18" fill="#ffcf70"/></g>`,
  },
};
