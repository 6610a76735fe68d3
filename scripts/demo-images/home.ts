// Home & Kitchen drawings.
import { type Kinds, shadow } from "./drawing.js";

const SPICES = [
  "#c8452c",
  "#e3a91c",
  "#6f8f3a",
  "#8a5a35",
  "#d9722b",
  "#4f6a2b",
  "#b88a4a",
  "#7b3b2a",
];

function spiceJar(x: number, y: number, spice: string): string {
  return (
    `<rect x="${x}" y="${y + 14}" width="40" height="52" rx="7" fill="#fff" opacity=".75" stroke="#c9d1d8" stroke-width="2"/>` +
    `<rect x="${x + 3}" y="${y + 30}" width="34" height="33" rx="5" fill="${spice}"/>` +
    `<rect x="${x + 7}" y="${y + 38}" width="26" height="12" rx="2" fill="#fff" opacity=".92"/>` +
    `<rect x="${x - 1}" y="${y}" width="42" height="17" rx="5" fill="#2f3337"/>`
  );
}

export const HOME: Kinds = {
  "spice-rack": {
    colour: "#a7b0b8",
    focus: [170, 150],
    draw: (p) =>
      shadow(110) +
      `<rect x="84" y="92" width="232" height="232" rx="14" fill="#f1f3f5" stroke="${p.light}" stroke-width="4"/>` +
      [0, 1]
        .map((row) => {
          const y = 112 + row * 104;
          const jars = [100, 150, 200, 250]
            .map((x, i) => spiceJar(x, y, SPICES[row * 4 + i]))
            .join("");
          return `${jars}<rect x="92" y="${y + 66}" width="216" height="12" rx="4" fill="${p.base}"/><rect x="92" y="${y + 74}" width="216" height="4" rx="2" fill="${p.dark}"/>`;
        })
        .join(""),
  },
  kettle: {
    colour: "#9caf88",
    focus: [200, 200],
    draw: (p) =>
      shadow(110) +
      `<path d="M262 180C330 176 334 282 284 292" fill="none" stroke="#e9e8e3" stroke-width="16" stroke-linecap="round"/>` +
      `<path d="M146 180 102 160 108 178 146 200Z" fill="#eceae4"/>` +
      `<path d="M118 292 126 250H274L282 292Z" fill="${p.base}"/>` +
      `<path d="M128 250 138 214H262L272 250Z" fill="${p.base}"/>` +
      `<path d="M140 214 150 182H250L260 214Z" fill="${p.base}"/>` +
      `<rect x="124" y="244" width="152" height="9" rx="4" fill="${p.dark}"/><rect x="136" y="208" width="128" height="9" rx="4" fill="${p.dark}"/>` +
      `<path d="M150 190 142 286" stroke="${p.light}" stroke-width="8" stroke-linecap="round" opacity=".7"/>` +
      `<rect x="108" y="290" width="184" height="26" rx="9" fill="#eeede8"/><rect x="108" y="308" width="184" height="8" rx="4" fill="#d5d3cc"/>` +
      `<rect x="142" y="170" width="116" height="16" rx="6" fill="#f4f3ef"/>` +
      `<path d="M154 171Q200 138 246 171Z" fill="#fafaf7"/><rect x="188" y="144" width="24" height="11" rx="5" fill="${p.deep}"/>`,
  },
  "pour-over": {
    colour: "#efe8dc",
    focus: [180, 160],
    draw: (p) =>
      shadow(130) +
      `<g transform="translate(-28 0)">` +
      `<path d="M142 320Q138 242 170 228H230Q262 242 258 320Z" fill="#e4edf0" opacity=".85" stroke="#b9c7cc" stroke-width="3"/>` +
      `<path d="M147 316Q146 272 154 262H246Q254 272 253 316Z" fill="#5a3825"/>` +
      `<rect x="160" y="218" width="80" height="18" rx="5" fill="#b98655"/>` +
      `<path d="M128 132H272L236 206H164Z" fill="${p.base}" stroke="${p.dark}" stroke-width="3"/>` +
      `<path d="M170 140 184 200M200 140V200M230 140 216 200" stroke="${p.dark}" stroke-width="3" opacity=".7"/>` +
      `<path d="M272 150Q298 152 292 176 286 194 256 186" fill="none" stroke="${p.base}" stroke-width="10"/>` +
      `<rect x="120" y="122" width="160" height="14" rx="7" fill="${p.light}" stroke="${p.dark}" stroke-width="3"/>` +
      `<rect x="158" y="204" width="84" height="10" rx="4" fill="${p.dark}"/></g>` +
      `<rect x="262" y="272" width="62" height="56" rx="12" fill="${p.base}" stroke="${p.dark}" stroke-width="3"/>` +
      `<ellipse cx="293" cy="276" rx="27" ry="6" fill="#5a3825"/>` +
      `<path d="M324 286Q346 288 340 304 336 316 322 314" fill="none" stroke="${p.dark}" stroke-width="7"/>`,
  },
  "drawer-organizer": {
    colour: "#d9b47a",
    focus: [150, 200],
    draw: (p) =>
      shadow(140, 200, 322) +
      `<rect x="68" y="118" width="264" height="204" rx="14" fill="${p.dark}"/>` +
      `<rect x="68" y="108" width="264" height="204" rx="14" fill="${p.base}"/>` +
      [84, 128, 172]
        .map((x) => `<rect x="${x}" y="122" width="36" height="176" rx="6" fill="${p.dark}"/>`)
        .join("") +
      `<rect x="222" y="122" width="96" height="82" rx="6" fill="${p.dark}"/><rect x="222" y="216" width="96" height="82" rx="6" fill="${p.dark}"/>` +
      `<path d="M74 116H326M74 304H326" stroke="${p.light}" stroke-width="2" opacity=".6"/>` +
      // fork, spoon, knife
      `<rect x="98" y="190" width="8" height="96" rx="4" fill="#c3c9cf"/><path d="M91 134V170Q91 184 102 184Q113 184 113 170V134" fill="none" stroke="#c3c9cf" stroke-width="4"/><path d="M97 134V166M102 134V166M107 134V166" stroke="#c3c9cf" stroke-width="3"/>` +
      `<ellipse cx="146" cy="154" rx="12" ry="20" fill="#c3c9cf"/><rect x="142" y="170" width="8" height="116" rx="4" fill="#c3c9cf"/>` +
      `<path d="M186 134Q200 140 198 200H186Z" fill="#d2d7dc"/><rect x="185" y="198" width="12" height="88" rx="5" fill="#4a4f55"/>` +
      `<rect x="236" y="240" width="68" height="12" rx="6" fill="#4a4f55"/><rect x="236" y="262" width="56" height="12" rx="6" fill="#8aa66b"/>`,
  },
  "cabinet-light": {
    colour: "#b88a5a",
    focus: [200, 170],
    draw: (p) =>
      `<defs><linearGradient id="beam" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffe49a" stop-opacity=".9"/><stop offset="1" stop-color="#ffe49a" stop-opacity=".05"/></linearGradient></defs>` +
      `<rect x="20" y="322" width="360" height="60" fill="#dfe3e6"/><rect x="20" y="322" width="360" height="6" fill="#c7cdd2"/>` +
      `<path d="M122 176H278L356 322H44Z" fill="url(#beam)"/>` +
      `<rect x="40" y="60" width="320" height="96" fill="${p.base}"/><path d="M200 60V156" stroke="${p.dark}" stroke-width="3"/>` +
      `<rect x="176" y="118" width="8" height="26" rx="4" fill="${p.deep}"/><rect x="216" y="118" width="8" height="26" rx="4" fill="${p.deep}"/>` +
      `<rect x="40" y="150" width="320" height="12" fill="${p.dark}"/>` +
      `<rect x="108" y="162" width="184" height="16" rx="8" fill="#f4f4f2"/><rect x="120" y="172" width="160" height="6" rx="3" fill="#fff1b8"/>` +
      `<circle cx="278" cy="168" r="3" fill="#555"/>` +
      `<rect x="150" y="306" width="100" height="16" rx="4" fill="#c89a62"/><rect x="268" y="280" width="34" height="42" rx="6" fill="#f6f1e7" stroke="#d6cfc2" stroke-width="2"/>`,
  },
  "herb-planter": {
    colour: "#f2eee6",
    focus: [200, 260],
    draw: (p) => {
      const leaves: [number, number, number, number, string][] = [
        [150, 170, -40, 26, "#4f8f3a"],
        [250, 168, 40, 26, "#4f8f3a"],
        [176, 132, -20, 28, "#6aa84f"],
        [226, 130, 24, 28, "#6aa84f"],
        [200, 100, 0, 26, "#7cbc5a"],
        [164, 200, -60, 22, "#3f7a2e"],
        [238, 198, 60, 22, "#3f7a2e"],
        [200, 160, 0, 24, "#5a9a43"],
      ];
      return (
        shadow(100) +
        `<path d="M200 210V110M200 190 160 160M200 190 244 160M200 170 176 130M200 170 226 128" stroke="#4b7a33" stroke-width="5" fill="none"/>` +
        leaves
          .map(
            ([x, y, r, s, c]) =>
              `<ellipse cx="${x}" cy="${y}" rx="${s * 0.62}" ry="${s}" fill="${c}" transform="rotate(${r} ${x} ${y})"/>`,
          )
          .join("") +
        `<ellipse cx="200" cy="214" rx="82" ry="9" fill="#5b3a26"/>` +
        `<path d="M122 222H278L264 324H136Z" fill="${p.base}"/>` +
        `<rect x="112" y="208" width="176" height="22" rx="7" fill="${p.light}" stroke="${p.dark}" stroke-width="2"/>` +
        `<rect x="144" y="268" width="112" height="38" rx="7" fill="#dcedf5"/><rect x="144" y="286" width="112" height="20" rx="7" fill="#6fb6d9"/>` +
        `<path d="M144 286H256" stroke="#fff" stroke-width="2" opacity=".7"/><path d="M136 230 144 318" stroke="${p.dark}" stroke-width="4" opacity=".4"/>`
      );
    },
  },
  apron: {
    colour: "#9caf88",
    focus: [200, 250],
    draw: (p) =>
      `<path d="M170 108Q200 50 230 108" fill="none" stroke="${p.dark}" stroke-width="8"/>` +
      `<path d="M112 200Q80 210 72 250M288 200Q320 210 328 250" fill="none" stroke="${p.dark}" stroke-width="8" stroke-linecap="round"/>` +
      `<path d="M164 104H236L240 180Q280 186 288 200L300 320Q200 336 100 320L112 200Q120 186 160 180Z" fill="${p.base}"/>` +
      `<rect x="164" y="104" width="72" height="9" fill="${p.dark}"/><path d="M112 198H288" stroke="${p.dark}" stroke-width="8"/>` +
      `<rect x="146" y="236" width="108" height="58" rx="8" fill="${p.dark}"/><path d="M200 236V294" stroke="${p.base}" stroke-width="3"/>` +
      `<rect x="150" y="240" width="100" height="50" rx="6" fill="none" stroke="${p.light}" stroke-width="2" stroke-dasharray="5 4"/>` +
      `<path d="M130 230Q140 280 128 312M268 226Q262 276 276 314M206 120Q210 150 204 176" fill="none" stroke="${p.light}" stroke-width="3" opacity=".5"/>`,
  },
};
