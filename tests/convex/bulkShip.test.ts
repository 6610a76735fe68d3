// CSV bulk ship: the preview names every bad row and writes nothing; apply ships the good rows.
import { beforeEach, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { parseShipCsv } from "../../convex/model/bulkShip";
import type { OrderStatus } from "../../convex/model/validators";
import { ANA, boardStore, messageOf, statusOf } from "./boardFixture";
import { kindOf, makeTest, type T } from "./setup";

let t: T;
let storeId: Id<"stores">;
let orders: Record<OrderStatus, Id<"orders">[]>;
let numbers: Record<OrderStatus, number[]>;

beforeEach(async () => {
  t = makeTest();
  ({ storeId, orders } = await boardStore(t, 2));
  numbers = {} as typeof numbers;
  for (const [status, ids] of Object.entries(orders) as [OrderStatus, Id<"orders">[]][]) {
    numbers[status] = await t.run(async (ctx) =>
      Promise.all(ids.map(async (id) => (await ctx.db.get(id))!.number)),
    );
  }
});

const snapshot = () =>
  t.run(async (ctx) => ({
    orders: await ctx.db.query("orders").collect(),
    fulfillments: await ctx.db.query("fulfillments").collect(),
  }));

test("parses headers in any order, quoted fields, a BOM and CRLF", () => {
  const rows = parseShipCsv(
    '\uFEFFCarrier,Tracking Number,Order\r\n"Royal Mail, tracked",RR123456785GB,#1001\r\n\r\n,LX1234567890,1002\r\n',
  );
  expect(rows).toEqual([
    {
      line: 2,
      orderNumber: "#1001",
      trackingNumber: "RR123456785GB",
      carrier: "Royal Mail, tracked",
    },
    { line: 4, orderNumber: "1002", trackingNumber: "LX1234567890", carrier: undefined },
  ]);
  expect(parseShipCsv("1001,RR123456785GB")).toEqual([
    { line: 1, orderNumber: "1001", trackingNumber: "RR123456785GB", carrier: undefined },
  ]);
});

test("the preview gives each bad row its reason and changes nothing", async () => {
  const [p1, p2] = numbers.processing;
  const csv = [
    "order,tracking,carrier",
    `${p1},1Z999AA10123456784,UPS`,
    "99999,1Z999AA10123456785,UPS",
    `${numbers.shipped[0]},1Z999AA10123456786,UPS`,
    `${p2},nope!,UPS`,
    `${p1},1Z999AA10123456787,UPS`,
    `${numbers.new[0]},1Z999AA10123456788,`,
    `abc,1Z999AA10123456789,`,
  ].join("\n");
  const before = await snapshot();
  const preview = await t.withIdentity(ANA).query(api.orders.bulkShipPreview, { storeId, csv });
  expect(preview.map((r) => r.error ?? "ok")).toEqual([
    "ok",
    "There is no order #99999 in this store.",
    `Order #${numbers.shipped[0]} is already shipped.`,
    '"nope!" has characters a tracking number never has.',
    `Order #${p1} is already on line 2.`,
    // No carrier column value, and no carrier's format (UPS check digit wrong): a typo caught.
    "1Z999AA10123456788 does not match any carrier's format. Check the number, or choose the carrier by hand.",
    '"abc" is not an order number.',
  ]);
  expect(await snapshot()).toEqual(before);
});

test("apply ships the valid rows and leaves the rest", async () => {
  const [p1, p2] = numbers.processing;
  const csv = [
    `${p1},1Z999AA10123456784,UPS`,
    `${p2},1Z999AA10123456784,DHL`,
    "4242,LX1234567890,",
    // A New order ships too (through Processing); a carrier we have no link for is kept as typed.
    `${numbers.new[1]},RM123456789GB,Royal Mail`,
  ].join("\n");
  const queuedBefore = new Set(
    (await t.run((ctx) => ctx.db.query("outbox").collect())).map((n) => n._id),
  );
  const results = await t.withIdentity(ANA).mutation(api.orders.bulkShipApply, { storeId, csv });
  expect(results.map((r) => r.error ?? "ok")).toEqual([
    "ok",
    "Tracking number 1Z999AA10123456784 is already on line 1.",
    "There is no order #4242 in this store.",
    "ok",
  ]);
  expect(await statusOf(t, orders.processing[0])).toBe("shipped");
  expect(await statusOf(t, orders.new[1])).toBe("shipped");
  // Each shipped order's customer is sent the link, through the one ship path.
  const notices = (await t.run((ctx) => ctx.db.query("outbox").collect())).filter(
    (n) => !queuedBefore.has(n._id),
  );
  expect(notices.map((n) => n.subject).sort()).toEqual([
    `Order #${numbers.new[1]} has shipped`,
    `Order #${p1} has shipped`,
  ]);
  expect(notices.find((n) => n.subject.includes(String(numbers.new[1])))!.body).toContain(
    "with Royal Mail",
  );
  expect(await statusOf(t, orders.processing[1])).toBe("processing");
  const detail = await t
    .withIdentity(ANA)
    .query(api.orders.get, { storeId, orderId: orders.processing[0] });
  expect(detail!.fulfillments[0]).toMatchObject({
    trackingNumber: "1Z999AA10123456784",
    carrier: "UPS",
  });
  // Applying the same sheet again ships nothing twice.
  const again = await t.withIdentity(ANA).mutation(api.orders.bulkShipApply, { storeId, csv });
  expect(again[0].error).toBe(`Order #${p1} is already shipped.`);
});

test("an empty sheet or a header without the needed columns is refused", async () => {
  const ana = t.withIdentity(ANA);
  expect(await messageOf(ana.query(api.orders.bulkShipPreview, { storeId, csv: "\n\n" }))).toMatch(
    /empty/,
  );
  expect(
    await kindOf(
      ana.query(api.orders.bulkShipPreview, { storeId, csv: "order,carrier\n1001,UPS" }),
    ),
  ).toBe("INVALID");
  const huge = Array.from({ length: 501 }, (_, i) => `${1001 + i},LX${1000000000 + i}`).join("\n");
  expect(await messageOf(ana.mutation(api.orders.bulkShipApply, { storeId, csv: huge }))).toMatch(
    /at most 500/,
  );
});
