import { describe, expect, it } from "vitest";
import { hash32, jitter, mulberry32, seededRandom } from "../../collectors/demo/prng";

describe("demo PRNG", () => {
  it("hashes with 32-bit FNV-1a", () => {
    // Published FNV-1a 32-bit test vectors.
    expect(hash32("")).toBe(0x811c9dc5);
    expect(hash32("a")).toBe(0xe40c292c);
    expect(hash32("foobar")).toBe(0xbf9cf968);
  });

  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(seqA);
  });

  it("draws uniformly in [0, 1)", () => {
    const r = seededRandom("uniformity");
    const draws = Array.from({ length: 20_000 }, () => r());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    // Each tenth of the range gets about a tenth of the draws.
    const buckets = new Array(10).fill(0);
    for (const x of draws) buckets[Math.floor(x * 10)]++;
    for (const n of buckets) expect(Math.abs(n - 2000)).toBeLessThan(200);
  });

  it("keeps jitter within its spread", () => {
    expect(jitter(() => 0, 0.1)).toBeCloseTo(0.9, 12);
    expect(jitter(() => 0.5, 0.1)).toBe(1);
    expect(jitter(() => 0.999999, 0.2)).toBeLessThan(1.2);
  });
});
