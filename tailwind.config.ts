import type { Config } from "tailwindcss";
import colors from "tailwindcss/colors";

/**
 * Team workspace (src/) with Tremor 3. Tremor builds chart colour classes from props at run
 * time, so they must be safelisted; we list only the colours the workspace uses to keep the
 * CSS small.
 */
export const chartColors = ["indigo", "emerald", "amber", "rose", "sky", "violet", "slate", "gray"];
const colorGroup = chartColors.join("|");
const shades = "50|100|200|300|400|500|600|700|800|900|950";

const config: Config = {
  // Paths are relative to this file, whatever the working directory.
  content: {
    relative: true,
    files: [
      "./src/**/*.{ts,tsx}",
      "./lib/**/*.{ts,tsx}",
      "./dashboard/index.html",
      "./node_modules/@tremor/**/*.{js,mjs}",
    ],
  },
  theme: {
    transparent: "transparent",
    current: "currentColor",
    extend: {
      colors: {
        tremor: {
          brand: {
            faint: colors.indigo[50],
            muted: colors.indigo[200],
            subtle: colors.indigo[400],
            DEFAULT: colors.indigo[600],
            emphasis: colors.indigo[700],
            inverted: colors.white,
          },
          background: {
            muted: colors.gray[50],
            subtle: colors.gray[100],
            DEFAULT: colors.white,
            emphasis: colors.gray[700],
          },
          border: { DEFAULT: colors.gray[200] },
          ring: { DEFAULT: colors.gray[200] },
          content: {
            subtle: colors.gray[400],
            DEFAULT: colors.gray[500],
            emphasis: colors.gray[700],
            strong: colors.gray[900],
            inverted: colors.white,
          },
        },
      },
      boxShadow: {
        "tremor-input": "0 1px 2px 0 rgb(0 0 0 / 0.05)",
        "tremor-card": "0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)",
        "tremor-dropdown": "0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)",
      },
      borderRadius: {
        "tremor-small": "0.375rem",
        "tremor-default": "0.5rem",
        "tremor-full": "9999px",
      },
      fontSize: {
        "tremor-label": ["0.75rem", { lineHeight: "1rem" }],
        "tremor-default": ["0.875rem", { lineHeight: "1.25rem" }],
        "tremor-title": ["1.125rem", { lineHeight: "1.75rem" }],
        "tremor-metric": ["1.875rem", { lineHeight: "2.25rem" }],
      },
    },
  },
  safelist: [
    {
      pattern: new RegExp(`^(bg-(?:${colorGroup})-(?:${shades}))$`),
      variants: ["hover", "data-[selected]"],
    },
    {
      pattern: new RegExp(`^(text-(?:${colorGroup})-(?:${shades}))$`),
      variants: ["hover", "data-[selected]"],
    },
    {
      pattern: new RegExp(`^(border-(?:${colorGroup})-(?:${shades}))$`),
      variants: ["hover", "data-[selected]"],
    },
    { pattern: new RegExp(`^(ring-(?:${colorGroup})-(?:${shades}))$`) },
    { pattern: new RegExp(`^(stroke-(?:${colorGroup})-(?:${shades}))$`) },
    { pattern: new RegExp(`^(fill-(?:${colorGroup})-(?:${shades}))$`) },
  ],
  plugins: [],
};

export default config;
