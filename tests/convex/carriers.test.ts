// Carrier detection: real-format numbers per carrier (check digits included), and unknowns.
import { describe, expect, test } from "vitest";
import { detectCarrier, resolveTracking, trackingUrl } from "../../convex/model/carriers";
import { errorKind } from "../../convex/model/errors";

const KNOWN: Array<[string, string]> = [
  ["usps", "0307 1790 0005 2348 3741"],
  ["usps", "420 22153 9101026837331000039521"],
  ["ups", "1Z5R89390357567127"],
  ["ups", "1z5r 8939 0357 5671 27"],
  ["fedex", "986578788855"],
  ["fedex", "61299998820821171811"],
  ["dhl", "3318810025"],
  ["dhl", "JJD0099999999"],
  ["amazon", "TBA000000000000"],
  ["china_post", "RB123456785CN"],
  ["china_post", "LX123456785CN"],
  ["postal", "RB123456785GB"],
  ["4px", "4PX3000874364585CN"],
  ["yunexpress", "YT2210021266018001"],
  ["cainiao", "LP00543210987654"],
];

describe("detectCarrier", () => {
  test.each(KNOWN)("%s ← %s", (carrier, number) => {
    expect(detectCarrier(number)).toBe(carrier);
  });

  test.each([
    "ABC123456",
    "1Z5R89390357567128", // UPS shape, wrong check digit
    "RB123456784CN", // S10 shape, wrong check digit
    "12345",
    "",
  ])("unknown: %j", (number) => {
    expect(detectCarrier(number)).toBeNull();
  });
});

describe("resolveTracking", () => {
  test("builds the carrier's link with the normalised number", () => {
    expect(resolveTracking("1z5r 8939 0357 5671 27")).toEqual({
      carrier: "ups",
      carrierName: "UPS",
      trackingNumber: "1Z5R89390357567127",
      trackingUrl: "https://www.ups.com/track?tracknum=1Z5R89390357567127",
    });
    expect(trackingUrl("4px", "4PX3000874364585CN")).toBe(
      "https://track.4px.com/#/result/0/4PX3000874364585CN",
    );
  });

  test("an unknown number needs a carrier chosen by hand", () => {
    let kind: string | undefined;
    let message = "";
    try {
      resolveTracking("ABC123456");
    } catch (error) {
      kind = errorKind(error);
      message = String((error as { data: { message: string } }).data.message);
    }
    expect(kind).toBe("INVALID");
    expect(message).toMatch(/choose the carrier by hand/);
    expect(resolveTracking("ABC123456", "yunexpress").carrierName).toBe("YunExpress");
  });

  test("a carrier given by hand wins over detection, by code or name in any case; junk is refused", () => {
    expect(resolveTracking("1Z5R89390357567127", "other").carrier).toBe("other");
    expect(resolveTracking("1Z5R89390357567127", " china post ")).toMatchObject({
      carrier: "china_post",
      carrierName: "China Post",
    });
    // A carrier we have no link for is kept as typed, with the universal tracking link.
    expect(resolveTracking("AB123456789", "Royal Mail")).toEqual({
      carrier: "other",
      carrierName: "Royal Mail",
      trackingNumber: "AB123456789",
      trackingUrl: "https://t.17track.net/en#nums=AB123456789",
    });
    expect(() => resolveTracking("<script>", "other")).toThrow(/characters a tracking number/);
    expect(() => resolveTracking("12", "UPS")).toThrow(/8 to 40/);
  });
});
