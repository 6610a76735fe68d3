// Finding a browser for the e2e suite, on machines laid out differently.
import { describe, expect, test } from "vitest";
import { findChrome, INSTALL_HINT } from "./findChrome";

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

describe("findChrome", () => {
  test("CHROME_PATH wins when it is executable, and is reported when it is not", () => {
    expect(
      findChrome(
        { CHROME_PATH: "/opt/chrome", PATH: "/usr/bin" },
        only("/opt/chrome", "/usr/bin/chromium"),
      ),
    ).toBe("/opt/chrome");
    expect(() =>
      findChrome({ CHROME_PATH: "/nope", PATH: "/usr/bin" }, only("/usr/bin/chromium")),
    ).toThrow(/CHROME_PATH is \/nope/);
  });

  test("the usual names are looked up on PATH, in order", () => {
    const path = "/usr/local/bin:/usr/bin";
    expect(findChrome({ PATH: path }, only("/usr/bin/chromium-browser"))).toBe(
      "/usr/bin/chromium-browser",
    );
    expect(
      findChrome({ PATH: path }, only("/usr/bin/google-chrome", "/usr/local/bin/chromium")),
    ).toBe("/usr/local/bin/chromium");
  });

  test("none found: the error is the install command", () => {
    expect(() => findChrome({ PATH: "/usr/bin" }, only())).toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).toContain("apt-get install -y chromium");
  });
});
