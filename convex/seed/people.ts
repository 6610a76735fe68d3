// Demo shoppers: names, emails on reserved example domains, and real-looking addresses.
import type { Address, Customer } from "../model/validators";
import type { Rng } from "./random";

const FIRST = [
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Mateo",
  "Sofia",
  "Lucas",
  "Mia",
  "Ethan",
  "Amara",
  "Kenji",
  "Priya",
  "Diego",
  "Chloe",
  "Omar",
  "Hannah",
  "Leo",
  "Zara",
  "Jonas",
  "Isla",
  "Theo",
  "Maya",
  "Ravi",
  "Elena",
  "Samuel",
  "Nora",
  "Felix",
  "Aisha",
  "Hugo",
];
const LAST = [
  "Nguyen",
  "Smith",
  "Garcia",
  "Okafor",
  "Müller",
  "Johnson",
  "Patel",
  "Kim",
  "Rossi",
  "Brown",
  "Silva",
  "Cohen",
  "Martin",
  "Tanaka",
  "Lopez",
  "Walker",
  "Novak",
  "Hughes",
  "Ali",
  "Larsen",
];
const DOMAINS = ["example.com", "example.org", "example.net"];

type Place = { city: string; region?: string; postalCode: string; country: string; weight: number };

const PLACES: Place[] = [
  { city: "Austin", region: "TX", postalCode: "78701", country: "US", weight: 8 },
  { city: "Brooklyn", region: "NY", postalCode: "11201", country: "US", weight: 9 },
  { city: "Los Angeles", region: "CA", postalCode: "90012", country: "US", weight: 10 },
  { city: "Seattle", region: "WA", postalCode: "98101", country: "US", weight: 6 },
  { city: "Chicago", region: "IL", postalCode: "60601", country: "US", weight: 7 },
  { city: "Miami", region: "FL", postalCode: "33101", country: "US", weight: 6 },
  { city: "Denver", region: "CO", postalCode: "80202", country: "US", weight: 4 },
  { city: "Atlanta", region: "GA", postalCode: "30303", country: "US", weight: 5 },
  { city: "Toronto", region: "ON", postalCode: "M5H 2N2", country: "CA", weight: 5 },
  { city: "Vancouver", region: "BC", postalCode: "V6B 1A1", country: "CA", weight: 3 },
  { city: "London", postalCode: "EC1A 1BB", country: "GB", weight: 6 },
  { city: "Manchester", postalCode: "M1 1AE", country: "GB", weight: 3 },
  { city: "Sydney", region: "NSW", postalCode: "2000", country: "AU", weight: 4 },
  { city: "Berlin", postalCode: "10115", country: "DE", weight: 3 },
];

const STREETS = ["Maple Ave", "Oak St", "Harbor Rd", "Elm Way", "Cedar Ln", "Park Pl", "Mill St"];

export type DemoCustomer = Customer & { address: Address };

function asciiLocalPart(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** A fixed pool of shoppers; orders draw from it with a skew, which makes repeat buyers. */
export function buildCustomerPool(rng: Rng, size: number): DemoCustomer[] {
  const pool: DemoCustomer[] = [];
  for (let i = 0; i < size; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const place = rng.weighted(PLACES.map((p) => [p, p.weight] as const));
    const name = `${first} ${last}`;
    pool.push({
      name,
      email: `${asciiLocalPart(first)}.${asciiLocalPart(last)}${i}@${rng.pick(DOMAINS)}`,
      address: {
        name,
        line1: `${rng.int(1, 999)} ${rng.pick(STREETS)}`,
        city: place.city,
        region: place.region,
        postalCode: place.postalCode,
        country: place.country,
      },
    });
  }
  return pool;
}

/** Earlier pool entries are picked far more often: a loyal core plus a long tail. */
export function pickCustomer(rng: Rng, pool: DemoCustomer[]): DemoCustomer {
  return pool[Math.floor(pool.length * rng.float() ** 2)];
}
