// The demo catalogue's raw material: six categories of plausible dropshipping products.
// Costs are typical supplier prices in cents; the generator derives retail prices from them.

// What a product is, for its demo picture: each kind has its own drawing
// (scripts/demo-images), so only products of the same kind share a picture.
export type DemoKind =
  | "spice-rack"
  | "kettle"
  | "pour-over"
  | "drawer-organizer"
  | "cabinet-light"
  | "herb-planter"
  | "apron"
  | "resistance-bands"
  | "jump-rope"
  | "foam-roller"
  | "mat-strap"
  | "grip-trainer"
  | "ab-wheel"
  | "shaker-bottle"
  | "face-roller"
  | "curling-ribbon"
  | "scrunchies"
  | "makeup-mirror"
  | "scalp-massager"
  | "gua-sha"
  | "pillowcase"
  | "lick-mat"
  | "cat-hammock"
  | "slicker-brush"
  | "travel-bowl"
  | "treat-ball"
  | "fur-roller"
  | "donut-bed"
  | "phone-stand"
  | "cable-box"
  | "tracker"
  | "laptop-riser"
  | "charging-pad"
  | "projection-lamp"
  | "lantern"
  | "poncho"
  | "water-bottle"
  | "tree-straps"
  | "pocket-blanket"
  | "string-lights";

export type ProductSpec = {
  title: string;
  kind: DemoKind;
  costCents: number;
  blurb: string;
  // Option name → values; variants are the cross product (kept small on purpose).
  options?: Record<string, string[]>;
};

export type CategorySpec = { name: string; tags: string[]; products: ProductSpec[] };

const COLORS = ["Sage", "Sand", "Charcoal"];

export const CATEGORIES: CategorySpec[] = [
  {
    name: "Home & Kitchen",
    tags: ["home", "kitchen"],
    products: [
      {
        title: "Magnetic Spice Rack",
        kind: "spice-rack",
        costCents: 640,
        blurb: "Clears the counter by mounting spices on the fridge door.",
      },
      {
        title: "Collapsible Silicone Kettle",
        kind: "kettle",
        costCents: 1180,
        blurb: "Folds flat for camper vans and tiny kitchens.",
        options: { color: COLORS },
      },
      {
        title: "Ceramic Pour-Over Set",
        kind: "pour-over",
        costCents: 1420,
        blurb: "A slow, even pour for a better morning cup.",
      },
      {
        title: "Bamboo Drawer Organizer",
        kind: "drawer-organizer",
        costCents: 890,
        blurb: "Expands to fit any drawer without tools.",
        options: { size: ["Small", "Large"] },
      },
      {
        title: "LED Under-Cabinet Light",
        kind: "cabinet-light",
        costCents: 760,
        blurb: "Motion-activated light that sticks on in seconds.",
      },
      {
        title: "Self-Watering Herb Planter",
        kind: "herb-planter",
        costCents: 980,
        blurb: "Keeps basil alive through a two-week holiday.",
      },
      {
        title: "Linen Apron",
        kind: "apron",
        costCents: 1050,
        blurb: "Stonewashed linen that softens with every wash.",
        options: { color: COLORS },
      },
    ],
  },
  {
    name: "Fitness",
    tags: ["fitness", "wellness"],
    products: [
      {
        title: "Resistance Band Set",
        kind: "resistance-bands",
        costCents: 720,
        blurb: "Five tensions, one pouch, a full-body workout anywhere.",
      },
      {
        title: "Adjustable Jump Rope",
        kind: "jump-rope",
        costCents: 380,
        blurb: "Ball-bearing handles for smooth, fast turns.",
      },
      {
        title: "Foam Massage Roller",
        kind: "foam-roller",
        costCents: 940,
        blurb: "Textured zones for deep recovery after runs.",
        options: { size: ["30 cm", "45 cm"] },
      },
      {
        title: "Yoga Mat Strap",
        kind: "mat-strap",
        costCents: 260,
        blurb: "Carry your mat hands-free; doubles as a stretch strap.",
      },
      {
        title: "Grip Strength Trainer",
        kind: "grip-trainer",
        costCents: 310,
        blurb: "Adjustable resistance from 5 to 60 kg.",
      },
      {
        title: "Ab Roller Wheel",
        kind: "ab-wheel",
        costCents: 830,
        blurb: "Wide wheel and knee pad for stable core work.",
      },
      {
        title: "Insulated Shaker Bottle",
        kind: "shaker-bottle",
        costCents: 690,
        blurb: "Keeps shakes cold for 12 hours, lump-free.",
        options: { color: COLORS },
      },
    ],
  },
  {
    name: "Beauty",
    tags: ["beauty", "self-care"],
    products: [
      {
        title: "Jade Face Roller",
        kind: "face-roller",
        costCents: 420,
        blurb: "A cool, calming roll for morning puffiness.",
      },
      {
        title: "Heatless Curling Ribbon",
        kind: "curling-ribbon",
        costCents: 290,
        blurb: "Overnight curls with no heat damage.",
        options: { color: ["Blush", "Ivory", "Black"] },
      },
      {
        title: "Silk Scrunchie Pack",
        kind: "scrunchies",
        costCents: 350,
        blurb: "Six mulberry-silk scrunchies that do not crease hair.",
      },
      {
        title: "LED Makeup Mirror",
        kind: "makeup-mirror",
        costCents: 1560,
        blurb: "Three light modes and 10x magnification.",
      },
      {
        title: "Scalp Massager Brush",
        kind: "scalp-massager",
        costCents: 240,
        blurb: "Soft silicone bristles for a deep shampoo.",
      },
      {
        title: "Gua Sha Stone",
        kind: "gua-sha",
        costCents: 330,
        blurb: "Rose-quartz sculpting stone with a care pouch.",
      },
      {
        title: "Satin Pillowcase",
        kind: "pillowcase",
        costCents: 560,
        blurb: "Less frizz, fewer creases, cooler sleep.",
        options: { size: ["Standard", "King"], color: ["Champagne", "Navy"] },
      },
    ],
  },
  {
    name: "Pet Supplies",
    tags: ["pets"],
    products: [
      {
        title: "Lick Mat for Dogs",
        kind: "lick-mat",
        costCents: 280,
        blurb: "Slows eating and calms anxious pups.",
      },
      {
        title: "Cat Window Hammock",
        kind: "cat-hammock",
        costCents: 1120,
        blurb: "Suction-cup perch rated for cats up to 18 kg.",
      },
      {
        title: "Self-Cleaning Slicker Brush",
        kind: "slicker-brush",
        costCents: 520,
        blurb: "One click releases the fur from the pins.",
      },
      {
        title: "Collapsible Travel Bowl",
        kind: "travel-bowl",
        costCents: 210,
        blurb: "Clips to a lead; folds to a coaster.",
      },
      {
        title: "Interactive Treat Ball",
        kind: "treat-ball",
        costCents: 460,
        blurb: "Adjustable treat release keeps dogs busy.",
      },
      {
        title: "Pet Hair Remover Roller",
        kind: "fur-roller",
        costCents: 590,
        blurb: "Reusable roller that lifts fur from sofas.",
      },
      {
        title: "Calming Donut Bed",
        kind: "donut-bed",
        costCents: 1680,
        blurb: "Raised rim and plush fill for deep sleep.",
        options: { size: ["S", "M", "L"] },
      },
    ],
  },
  {
    name: "Tech Accessories",
    tags: ["tech", "desk"],
    products: [
      {
        title: "MagSafe Phone Stand",
        kind: "phone-stand",
        costCents: 980,
        blurb: "Aluminium stand that holds the phone at eye level.",
      },
      {
        title: "Cable Organizer Box",
        kind: "cable-box",
        costCents: 870,
        blurb: "Hides power strips and cable clutter.",
      },
      {
        title: "Mini Bluetooth Tracker",
        kind: "tracker",
        costCents: 640,
        blurb: "Find keys and bags from your phone.",
        options: { pack: ["1 pack", "4 pack"] },
      },
      {
        title: "Laptop Riser",
        kind: "laptop-riser",
        costCents: 1350,
        blurb: "Six heights, folds into a sleeve pocket.",
      },
      {
        title: "Wireless Charging Pad",
        kind: "charging-pad",
        costCents: 720,
        blurb: "15 W fast charge with a soft-glow ring.",
      },
      {
        title: "Sunset Projection Lamp",
        kind: "projection-lamp",
        costCents: 930,
        blurb: "The golden-hour glow that went viral on TikTok.",
      },
    ],
  },
  {
    name: "Outdoor",
    tags: ["outdoor", "travel"],
    products: [
      {
        title: "Portable Camping Lantern",
        kind: "lantern",
        costCents: 1090,
        blurb: "Rechargeable, 3 modes, doubles as a power bank.",
      },
      {
        title: "Packable Rain Poncho",
        kind: "poncho",
        costCents: 480,
        blurb: "Folds into its own pocket, fits over a backpack.",
      },
      {
        title: "Insulated Water Bottle",
        kind: "water-bottle",
        costCents: 760,
        blurb: "Double-walled steel, cold for 24 hours.",
        options: { size: ["500 ml", "750 ml"], color: COLORS },
      },
      {
        title: "Hammock Tree Straps",
        kind: "tree-straps",
        costCents: 520,
        blurb: "Tree-friendly straps with 38 loops.",
      },
      {
        title: "Pocket Blanket",
        kind: "pocket-blanket",
        costCents: 640,
        blurb: "Waterproof picnic blanket the size of a phone when packed.",
      },
      {
        title: "Solar String Lights",
        kind: "string-lights",
        costCents: 890,
        blurb: "Twelve metres of warm light, charged by day.",
      },
    ],
  },
];

/**
 * The demo picture of a product, or of one colour of it: /demo/products/<slug>.svg (drawn in
 * the first colour), <slug>--<colour>.svg, and either with -detail for a close-up. The app
 * server draws them (scripts/demo-images.ts), so the seed only writes the urls.
 */
export function demoImagePath(slug: string, colour?: string, detail = false): string {
  const key = colour === undefined ? "" : `--${colourKey(colour)}`;
  return `/demo/products/${slug}${key}${detail ? "-detail" : ""}.svg`;
}

export function colourKey(colour: string): string {
  return colour
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
