import { describe, expect, it } from "vitest";
import { hash32, mulberry32 } from "../../collectors/demo/prng";
import { realisedSaving } from "../../src/analysis/realised-saving";
import { addDays, weekday } from "../../src/days";

const doneOn = "2026-10-10";

describe("realised saving", () => {
  it("measures a known step change exactly, with no width", () => {
    // $10 a day before, $4 after: $6 a day, $180 a month.
    const cost = (d: string) => (d < doneOn ? 10 : 4);
    const r = realisedSaving(cost, doneOn, "2026-12-01");
    expect(r).toMatchObject({ monthlyUsd: 180, lowUsd: 180, highUsd: 180, daysMeasured: 28, final: true });
    expect([r?.beforeDailyUsd, r?.afterDailyUsd]).toEqual([10, 4]);
  });

  it("keeps measuring before four weeks have passed, and measures nothing on the done day", () => {
    const cost = (d: string) => (d < doneOn ? 10 : 4);
    expect(realisedSaving(cost, doneOn, addDays(doneOn, 1))).toBeNull();
    expect(realisedSaving(cost, doneOn, addDays(doneOn, 11))).toMatchObject({ daysMeasured: 10, final: false });
  });

  it("matches weekdays: a weekday-only workload that stops saves its weekday cost only", () => {
    // $7 on weekdays, 0 at weekends, before; nothing after. Average saving 5 x 7 / 7 = $5 a day.
    const cost = (d: string) => (d >= doneOn ? 0 : weekday(d) >= 1 && weekday(d) <= 5 ? 7 : 0);
    const r = realisedSaving(cost, doneOn, "2026-12-01");
    expect(r?.monthlyUsd).toBeCloseTo(150, 6);
  });

  it("with noise: the range holds the true step and narrows as weeks pass", () => {
    const noise = new Map<string, number>();
    const random = mulberry32(hash32("realised-noise"));
    const cost = (d: string) => {
      if (!noise.has(d)) noise.set(d, (random() - 0.5) * 4); // +/- $2 a day
      return (d < doneOn ? 10 : 4) + (noise.get(d) ?? 0);
    };
    const week = realisedSaving(cost, doneOn, addDays(doneOn, 8));
    const month = realisedSaving(cost, doneOn, "2026-12-01");
    for (const r of [week, month]) {
      expect(r?.lowUsd).toBeLessThan(180);
      expect(r?.highUsd).toBeGreaterThan(180);
      expect(r?.monthlyUsd).toBeGreaterThan(r?.lowUsd ?? 0);
    }
    const width = (r: typeof week) => (r ? r.highUsd - r.lowUsd : 0);
    expect(width(month)).toBeLessThan(width(week));
    expect(width(month)).toBeGreaterThan(0);
  });

  it("finds no saving when nothing changed", () => {
    const r = realisedSaving(() => 3, doneOn, "2026-12-01");
    expect(r).toMatchObject({ monthlyUsd: 0, lowUsd: 0, highUsd: 0 });
  });
});
