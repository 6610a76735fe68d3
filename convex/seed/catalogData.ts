// The demo catalogue's raw material: six categories of plausible dropshipping products.
// Costs are typical supplier prices in cents; the generator derives retail prices from them.

export type ProductSpec = {
  title: string;
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
        costCents: 640,
        blurb: "Clears the counter by mounting spices on the fridge door.",
      },
      {
        title: "Collapsible Silicone Kettle",
        costCents: 1180,
        blurb: "Folds flat for camper vans and tiny kitchens.",
        options: { color: COLORS },
      },
      {
        title: "Ceramic Pour-Over Set",
        costCents: 1420,
        blurb: "A slow, even pour for a better morning cup.",
      },
      {
        title: "Bamboo Drawer Organizer",
        costCents: 890,
        blurb: "Expands to fit any drawer without tools.",
        options: { size: ["Small", "Large"] },
      },
      {
        title: "LED Under-Cabinet Light",
        costCents: 760,
        blurb: "Motion-activated light that sticks on in seconds.",
      },
      {
        title: "Self-Watering Herb Planter",
        costCents: 980,
        blurb: "Keeps basil alive through a two-week holiday.",
      },
      {
        title: "Linen Apron",
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
        costCents: 720,
        blurb: "Five tensions, one pouch, a full-body workout anywhere.",
      },
      {
        title: "Adjustable Jump Rope",
        costCents: 380,
        blurb: "Ball-bearing handles for smooth, fast turns.",
      },
      {
        title: "Foam Massage Roller",
        costCents: 940,
        blurb: "Textured zones for deep recovery after runs.",
        options: { size: ["30 cm", "45 cm"] },
      },
      {
        title: "Yoga Mat Strap",
        costCents: 260,
        blurb: "Carry your mat hands-free; doubles as a stretch strap.",
      },
      {
        title: "Grip Strength Trainer",
        costCents: 310,
        blurb: "Adjustable resistance from 5 to 60 kg.",
      },
      {
        title: "Ab Roller Wheel",
        costCents: 830,
        blurb: "Wide wheel and knee pad for stable core work.",
      },
      {
        title: "Insulated Shaker Bottle",
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
        costCents: 420,
        blurb: "A cool, calming roll for morning puffiness.",
      },
      {
        title: "Heatless Curling Ribbon",
        costCents: 290,
        blurb: "Overnight curls with no heat damage.",
        options: { color: ["Blush", "Ivory", "Black"] },
      },
      {
        title: "Silk Scrunchie Pack",
        costCents: 350,
        blurb: "Six mulberry-silk scrunchies that do not crease hair.",
      },
      {
        title: "LED Makeup Mirror",
        costCents: 1560,
        blurb: "Three light modes and 10x magnification.",
      },
      {
        title: "Scalp Massager Brush",
        costCents: 240,
        blurb: "Soft silicone bristles for a deep shampoo.",
      },
      {
        title: "Gua Sha Stone",
        costCents: 330,
        blurb: "Rose-quartz sculpting stone with a care pouch.",
      },
      {
        title: "Satin Pillowcase",
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
      { title: "Lick Mat for Dogs", costCents: 280, blurb: "Slows eating and calms anxious pups." },
      {
        title: "Cat Window Hammock",
        costCents: 1120,
        blurb: "Suction-cup perch rated for cats up to 18 kg.",
      },
      {
        title: "Self-Cleaning Slicker Brush",
        costCents: 520,
        blurb: "One click releases the fur from the pins.",
      },
      {
        title: "Collapsible Travel Bowl",
        costCents: 210,
        blurb: "Clips to a lead; folds to a coaster.",
      },
      {
        title: "Interactive Treat Ball",
        costCents: 460,
        blurb: "Adjustable treat release keeps dogs busy.",
      },
      {
        title: "Pet Hair Remover Roller",
        costCents: 590,
        blurb: "Reusable roller that lifts fur from sofas.",
      },
      {
        title: "Calming Donut Bed",
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
        costCents: 980,
        blurb: "Aluminium stand that holds the phone at eye level.",
      },
      {
        title: "Cable Organizer Box",
        costCents: 870,
        blurb: "Hides power strips and cable clutter.",
      },
      {
        title: "Mini Bluetooth Tracker",
        costCents: 640,
        blurb: "Find keys and bags from your phone.",
        options: { pack: ["1 pack", "4 pack"] },
      },
      { title: "Laptop Riser", costCents: 1350, blurb: "Six heights, folds into a sleeve pocket." },
      {
        title: "Wireless Charging Pad",
        costCents: 720,
        blurb: "15 W fast charge with a soft-glow ring.",
      },
      {
        title: "Sunset Projection Lamp",
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
        costCents: 1090,
        blurb: "Rechargeable, 3 modes, doubles as a power bank.",
      },
      {
        title: "Packable Rain Poncho",
        costCents: 480,
        blurb: "Folds into its own pocket, fits over a backpack.",
      },
      {
        title: "Insulated Water Bottle",
        costCents: 760,
        blurb: "Double-walled steel, cold for 24 hours.",
        options: { size: ["500 ml", "750 ml"], color: COLORS },
      },
      {
        title: "Hammock Tree Straps",
        costCents: 520,
        blurb: "Tree-friendly straps with 38 loops.",
      },
      {
        title: "Pocket Blanket",
        costCents: 640,
        blurb: "Waterproof picnic blanket the size of a phone when packed.",
      },
      {
        title: "Solar String Lights",
        costCents: 890,
        blurb: "Twelve metres of warm light, charged by day.",
      },
    ],
  },
];
