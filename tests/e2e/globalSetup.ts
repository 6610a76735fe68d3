// Runs once before the e2e suite: no Chromium → stop now, saying how to install it.
import { findChrome } from "./findChrome";

export default function setup() {
  process.env.CHROME_PATH = findChrome();
}
