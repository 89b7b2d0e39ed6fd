/**
 * A tiny seeded PRNG for the demo dataset. Each (series, day) pair gets its own generator,
 * seeded from a hash of its key, so a day's figures never depend on which other days were
 * generated: a later `today` only extends the data instead of reshuffling it.
 */

/** Seed of the whole demo: change it to get another (equally plausible) dataset. */
export const DEMO_SEED = "cairn-demo-v1";

/** 32-bit FNV-1a hash of a string, good enough to spread seeds. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a fast 32-bit generator with uniform output in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The generator for one key (e.g. `series-id|2025-06-01`). */
export function seededRandom(key: string): () => number {
  return mulberry32(hash32(`${DEMO_SEED}|${key}`));
}

/** A multiplier spread evenly in [1 - spread, 1 + spread]. */
export function jitter(random: () => number, spread: number): number {
  return 1 + spread * (2 * random() - 1);
}
