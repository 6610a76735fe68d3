/**
 * Convex runs queries and mutations deterministically: Date.now() is fixed for the call and
 * Math.random is seeded. We patch the globals once; they consult the current execution's clock
 * (`Exec.clock`, found through the one AsyncLocalStorage of context.ts) and behave normally
 * everywhere else, including in actions.
 */
import { execStorage } from "./context.js";

const RealDate = Date;
const realDateNow = Date.now.bind(Date);
const realRandom = Math.random;

export function realNow(): number {
  return realDateNow();
}

export interface DeterministicClock {
  now: number;
  random: () => number;
}

/** The clock of the running query or mutation; none in actions and HTTP actions. */
const currentClock = (): DeterministicClock | null | undefined => execStorage.getStore()?.clock;

/** mulberry32: small, fast, good enough for reproducible Math.random. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let installed = false;
export function installDeterminism() {
  if (installed) return;
  installed = true;
  const now = () => currentClock()?.now ?? realDateNow();
  class ConvexDate extends RealDate {
    constructor(...args: any[]) {
      if (args.length === 0) super(now());
      else super(...(args as [any]));
    }
    static now() {
      return now();
    }
    static [Symbol.hasInstance](x: unknown) {
      return x instanceof RealDate;
    }
  }
  globalThis.Date = ConvexDate as unknown as DateConstructor;
  Math.random = () => {
    const clock = currentClock();
    return clock ? clock.random() : realRandom();
  };
}
