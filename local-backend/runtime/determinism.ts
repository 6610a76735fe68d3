/**
 * Convex runs queries and mutations deterministically: Date.now() is fixed for the call and
 * Math.random is seeded. We patch the globals once; they consult the current execution (an
 * AsyncLocalStorage store) and behave normally everywhere else, including in actions.
 */
import { AsyncLocalStorage } from "node:async_hooks";

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

export const clockStorage = new AsyncLocalStorage<DeterministicClock | null>();

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
  const now = () => clockStorage.getStore()?.now ?? realDateNow();
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
    const clock = clockStorage.getStore();
    return clock ? clock.random() : realRandom();
  };
}
