import type { Config } from "tailwindcss";

/** Shopper storefront: plain Tailwind, no Tremor, so its stylesheet stays small. */
const config: Config = {
  // Paths are relative to this file, whatever the working directory.
  content: {
    relative: true,
    files: ["./**/*.{ts,tsx}", "../index.html", "../lib/**/*.{ts,tsx}"],
  },
  theme: {
    extend: {
      fontFamily: {
        display: ['"Iowan Old Style"', '"Palatino Linotype"', "Palatino", "Georgia", "serif"],
      },
    },
  },
  plugins: [],
};

export default config;
