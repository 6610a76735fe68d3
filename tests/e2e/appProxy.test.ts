// Which Host values the app answers to, for loopback, a LAN and extra names.
import { describe, expect, test } from "vitest";
import { allowedHosts } from "../../scripts/app-proxy";

describe("allowedHosts", () => {
  test("loopback by default, nothing else", () => {
    const hosts = allowedHosts({ host: "127.0.0.1", port: 3000 });
    expect([...hosts].sort()).toEqual(["127.0.0.1:3000", "[::1]:3000", "localhost:3000"]);
  });

  test("PUBLIC_HOSTS adds names, with the app's port unless one is given", () => {
    const hosts = allowedHosts({
      host: "127.0.0.1",
      port: 3000,
      publicHosts: " Shop.LAN, 10.1.2.3:8080 ,",
    });
    expect(hosts.has("shop.lan:3000")).toBe(true);
    expect(hosts.has("10.1.2.3:8080")).toBe(true);
    expect(hosts.has("10.1.2.3:3000")).toBe(false);
  });

  test("a named bind address is a name too", () => {
    expect(allowedHosts({ host: "192.168.7.9", port: 80 }).has("192.168.7.9:80")).toBe(true);
  });
});
