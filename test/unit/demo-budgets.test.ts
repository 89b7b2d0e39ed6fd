import { describe, expect, it } from "vitest";
import { demoBudgets, generateDemoLines } from "../../collectors/demo/index";
import { daysInMonth, monthOf } from "../../src/days";
import type { Budget, CostLine } from "../../src/model";

/** The naive forecast: month-to-date / elapsed days x days in the month. */
function naiveForecast(lines: readonly CostLine[], today: string, pipeline?: string): number {
  const month = monthOf(today);
  const elapsed = Number(today.slice(8, 10)) - 1;
  const mtd = lines
    .filter((l) => monthOf(l.day) === month && (pipeline === undefined || l.pipeline === pipeline))
    .reduce((s, l) => s + l.unblendedCostUsd, 0);
  return (mtd / elapsed) * daysInMonth(month);
}

function byScope(budgets: Budget[], scopeValue: string): Budget {
  const b = budgets.find((x) => x.scopeValue === scopeValue);
  if (!b) throw new Error(`no budget for '${scopeValue}'`);
  return b;
}

describe("demoBudgets", () => {
  it("is deterministic", () => {
    expect(demoBudgets("2026-03-15")).toEqual(demoBudgets("2026-03-15"));
  });

  it("has an overall monthly budget and one per pipeline, with the default thresholds", () => {
    const budgets = demoBudgets("2026-03-15");
    expect(budgets.map((b) => [b.scopeKind, b.scopeValue, b.periodKind])).toEqual([
      ["all", "", "month"],
      ["pipeline", "temperatures", "month"],
      ["pipeline", "website", "month"],
      ["pipeline", "camera-traps", "custom"],
    ]);
    expect(new Set(budgets.map((b) => b.name)).size).toBe(budgets.length);
    for (const b of budgets) {
      expect(b.currency).toBe("USD");
      expect(b.amount).toBeGreaterThan(0);
      expect(b.thresholds).toEqual([
        { kind: "actual", ratio: 0.5 },
        { kind: "actual", ratio: 0.8 },
        { kind: "actual", ratio: 1 },
        { kind: "forecast", ratio: 1 },
      ]);
      expect(b.customPeriod === null).toBe(b.periodKind !== "custom");
    }
  });

  it("gives the camera traps a grant for the season that has begun (last year's before June)", () => {
    expect(byScope(demoBudgets("2026-03-15"), "camera-traps").customPeriod).toEqual({
      from: "2025-06-01",
      to: "2025-10-01",
    });
    expect(byScope(demoBudgets("2026-07-10"), "camera-traps").customPeriod).toEqual({
      from: "2026-06-01",
      to: "2026-10-01",
    });
  });

  // Days across the seasons, each with at least four days of the month elapsed.
  const todays = ["2026-01-05", "2026-02-20", "2026-03-15", "2026-04-28", "2026-06-09", "2026-07-10", "2026-08-31"];
  for (const today of todays) {
    it(`heads over the overall budget by 5-30% on ${today}, the pipelines staying within theirs`, () => {
      const lines = generateDemoLines({ today });
      const budgets = demoBudgets(today);
      const ratio = naiveForecast(lines, today) / byScope(budgets, "").amount;
      expect(ratio).toBeGreaterThan(1.05);
      expect(ratio).toBeLessThan(1.3);
      for (const pipeline of ["temperatures", "website"]) {
        expect(naiveForecast(lines, today, pipeline)).toBeLessThan(byScope(budgets, pipeline).amount);
      }
    });
  }

  it("sizes the camera-trap grant above the season's spend", () => {
    const today = "2025-10-20";
    const grant = byScope(demoBudgets(today), "camera-traps");
    const spent = generateDemoLines({ today })
      .filter((l) => l.pipeline === "camera-traps" && l.day >= "2025-06-01" && l.day < "2025-10-01")
      .reduce((s, l) => s + l.unblendedCostUsd, 0);
    expect(spent).toBeGreaterThan(0.75 * grant.amount);
    expect(spent).toBeLessThan(grant.amount);
  });
});
