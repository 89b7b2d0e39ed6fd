/** Cairn's weekday-profile forecast, against hand-computed figures. July 2026 starts on a Wednesday. */
import { describe, expect, it } from "vitest";
import { type DailyCost, forecastMonthEnd } from "../../src/analysis/forecast";

const week = (costs: Record<string, number>): DailyCost[] =>
  Object.entries(costs).map(([day, costUsd]) => ({ day, costUsd }));

const CASES: { name: string; asOf: string; daily: DailyCost[]; mtd: number; remaining: number; observed: number }[] = [
  {
    // Weekdays 10, weekends 2; 8..31 July has 18 weekdays and 6 weekend days: 18*10 + 6*2.
    name: "one full week seen: each weekday keeps its level",
    asOf: "2026-07-08",
    daily: week({
      "2026-07-01": 10,
      "2026-07-02": 10,
      "2026-07-03": 10,
      "2026-07-04": 2,
      "2026-07-05": 2,
      "2026-07-06": 10,
      "2026-07-07": 10,
    }),
    mtd: 54,
    remaining: 192,
    observed: 7,
  },
  {
    // Wed 10 and Thu 20 seen, mean 15. 3..31: 4 Wednesdays (40), 4 Thursdays (80), 21 other days (315).
    name: "weekdays not seen yet take the mean of the days seen",
    asOf: "2026-07-03",
    daily: week({ "2026-07-01": 10, "2026-07-02": 20 }),
    mtd: 30,
    remaining: 435,
    observed: 2,
  },
  {
    // Jul 2 has no line: a day at zero. Mean 6: 4 Wednesdays at 12 (48), 4 Thursdays at 0, 21 days at 6 (126).
    name: "a day without lines counts as zero; lines of one day add up",
    asOf: "2026-07-03",
    daily: week({ "2026-07-01": 5 }).concat(week({ "2026-07-01": 7 })),
    mtd: 12,
    remaining: 174,
    observed: 2,
  },
  {
    name: "days outside the month so far are ignored",
    asOf: "2026-07-03",
    daily: week({ "2026-06-30": 100, "2026-07-01": 12, "2026-07-03": 100, "2026-07-20": 100 }),
    mtd: 12,
    remaining: 174,
    observed: 2,
  },
  {
    // February 2027: 27 days at 1 seen, the 28th (a Sunday, seen 3 times) forecast at 1.
    name: "the last day of a short month",
    asOf: "2027-02-28",
    daily: Array.from({ length: 27 }, (_, i) => ({ day: `2027-02-${String(i + 1).padStart(2, "0")}`, costUsd: 1 })),
    mtd: 27,
    remaining: 1,
    observed: 27,
  },
  {
    // The month's tax (70) posted on the 1st is spent once, not a Wednesday habit: Wed 10+70 and
    // Thu 20 seen, usage mean 15, so 3..31 as in the second case (435); month to date 100.
    name: "charges posted once a month (tax, fees, support) count once, not in the daily profile",
    asOf: "2026-07-03",
    daily: [
      { day: "2026-07-01", costUsd: 80, onceUsd: 70 },
      { day: "2026-07-02", costUsd: 20 },
    ],
    mtd: 100,
    remaining: 435,
    observed: 2,
  },
];

describe("forecastMonthEnd", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const f = forecastMonthEnd(c.asOf, c.daily);
      expect(f).not.toBeNull();
      expect(f?.monthToDateUsd).toBeCloseTo(c.mtd, 9);
      expect(f?.remainingUsd).toBeCloseTo(c.remaining, 9);
      expect(f?.totalUsd).toBeCloseTo(c.mtd + c.remaining, 9);
      expect(f?.observedDays).toBe(c.observed);
      expect(f?.method).toBe("weekday-profile");
      expect(f?.month).toBe(c.asOf.slice(0, 7));
    });
  }

  it("has nothing to say on the first day of the month", () => {
    expect(forecastMonthEnd("2026-07-01", week({ "2026-06-30": 5 }))).toBeNull();
  });
});
