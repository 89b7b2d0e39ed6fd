import { describe, expect, it } from "vitest";
import { budgetPeriod, budgetStatus, convertAmount, DEFAULT_THRESHOLDS } from "../../src/analysis/budget-status";
import type { MonthlyRate } from "../../src/analysis/currency";
import { addDays, eachDay } from "../../src/days";
import type { Budget } from "../../src/model";

function budget(overrides: Partial<Budget> = {}): Budget {
  return {
    name: "b",
    amount: 1000,
    currency: "USD",
    periodKind: "month",
    customPeriod: null,
    scopeKind: "all",
    scopeValue: "",
    thresholds: DEFAULT_THRESHOLDS.map((t) => ({ ...t })),
    ...overrides,
  };
}

/** $10 a day from Nov 1 to Nov 17. */
const novTenADay = eachDay("2026-11-01", "2026-11-18").map((day) => ({ day, costUsd: 10 }));
const rates: MonthlyRate[] = [
  { month: "2026-10", currency: "EUR", ratePerUsd: 0.8 },
  { month: "2026-11", currency: "EUR", ratePerUsd: 0.9 },
];

describe("budgetPeriod", () => {
  it.each([
    [budget(), "2026-11-18", { from: "2026-11-01", to: "2026-12-01" }, "2026-11"],
    [budget({ periodKind: "year" }), "2026-11-18", { from: "2026-01-01", to: "2027-01-01" }, "2026"],
    [
      budget({ periodKind: "custom", customPeriod: { from: "2026-06-01", to: "2026-10-01" } }),
      "2026-11-18",
      { from: "2026-06-01", to: "2026-10-01" },
      "2026-06-01..2026-10-01",
    ],
  ])("%# period and key", (b, today, period, key) => {
    expect(budgetPeriod(b, today)).toEqual({ period, periodKey: key });
  });
});

describe("budgetStatus", () => {
  it("monthly USD: spend so far and Cairn's weekday forecast (17 days at $10, 13 days left)", () => {
    const s = budgetStatus({ budget: budget(), today: "2026-11-18", daily: novTenADay, rates: [] });
    expect(s).toMatchObject({
      state: "active",
      asOfDay: "2026-11-17",
      spent: 170,
      spentRatio: 0.17,
      forecast: 300,
      forecastRatio: 0.3,
      forecastSource: "cairn",
      missingRate: false,
    });
  });

  it("counts today's partial spend as spent, but not in the forecast's profile", () => {
    const daily = [...novTenADay, { day: "2026-11-18", costUsd: 4 }];
    const s = budgetStatus({ budget: budget(), today: "2026-11-18", daily, rates: [] });
    expect(s.spent).toBe(174);
    expect(s.asOfDay).toBe("2026-11-18");
    expect(s.forecast).toBe(300);
  });

  it("EUR budget: each day converted at its month's rate", () => {
    const daily = [{ day: "2026-10-31", costUsd: 100 }, ...novTenADay];
    const s = budgetStatus({ budget: budget({ currency: "EUR", amount: 500 }), today: "2026-11-18", daily, rates });
    // October's day is outside the month; 170 USD x 0.9 = 153 EUR; forecast 300 x 0.9 = 270 EUR.
    expect(s).toMatchObject({ spent: 153, spentRatio: 0.306, forecast: 270, forecastRatio: 0.54, missingRate: false });
  });

  it("EUR budget without any EUR rate says so", () => {
    const s = budgetStatus({ budget: budget({ currency: "EUR" }), today: "2026-11-18", daily: novTenADay, rates: [] });
    expect(s.missingRate).toBe(true);
    expect(s.spent).toBe(170);
  });

  it("monthly budget on everything uses the stored (AWS) forecast of the month", () => {
    const s = budgetStatus({
      budget: budget(),
      today: "2026-11-18",
      daily: novTenADay,
      rates: [],
      storedForecast: { month: "2026-11", totalUsd: 420, source: "aws" },
    });
    expect(s).toMatchObject({ forecast: 420, forecastRatio: 0.42, forecastSource: "aws" });
  });

  it("ignores a stored forecast of another month or for a scoped budget", () => {
    const stored = { month: "2026-11", totalUsd: 420, source: "aws" as const };
    const scoped = budgetStatus({
      budget: budget({ scopeKind: "pipeline", scopeValue: "x" }),
      today: "2026-11-18",
      daily: novTenADay,
      rates: [],
      storedForecast: stored,
    });
    expect(scoped.forecast).toBe(300);
    const old = budgetStatus({
      budget: budget(),
      today: "2026-11-18",
      daily: novTenADay,
      rates: [],
      storedForecast: { ...stored, month: "2026-10" },
    });
    expect(old.forecast).toBe(300);
  });

  it("year: spend so far, the month's forecast, then December at the month's daily rate", () => {
    const daily = [{ day: "2026-03-10", costUsd: 100 }, ...novTenADay];
    const s = budgetStatus({
      budget: budget({ periodKind: "year", amount: 2000 }),
      today: "2026-11-18",
      daily,
      rates: [],
    });
    // 100 + 170 actual, 130 for Nov 18-30, 31 days x (300 / 30) for December.
    expect(s).toMatchObject({ spent: 270, forecast: 710, forecastRatio: 0.355 });
  });

  it("custom period ended: spend inside it only, forecast equals spend", () => {
    const daily = [
      { day: "2026-05-31", costUsd: 50 },
      { day: "2026-06-01", costUsd: 20 },
      { day: "2026-09-30", costUsd: 30 },
      { day: "2026-10-01", costUsd: 70 },
    ];
    const b = budget({ periodKind: "custom", customPeriod: { from: "2026-06-01", to: "2026-10-01" }, amount: 100 });
    const s = budgetStatus({ budget: b, today: "2026-11-18", daily, rates: [] });
    expect(s).toMatchObject({ state: "ended", spent: 50, spentRatio: 0.5, forecast: 50, asOfDay: "2026-09-30" });
  });

  it("custom period ending mid-month: only its remaining days are forecast", () => {
    const b = budget({ periodKind: "custom", customPeriod: { from: "2026-11-01", to: "2026-11-21" }, amount: 400 });
    const s = budgetStatus({ budget: b, today: "2026-11-18", daily: novTenADay, rates: [] });
    // 170 + three days (18, 19, 20) of the 13 remaining at 130 / 13 = 10 a day.
    expect(s.forecast).toBe(200);
  });

  it("upcoming period: nothing spent, no forecast", () => {
    const b = budget({ periodKind: "custom", customPeriod: { from: "2027-06-01", to: "2027-10-01" } });
    const s = budgetStatus({ budget: b, today: "2026-11-18", daily: novTenADay, rates: [] });
    expect(s).toMatchObject({ state: "upcoming", spent: 0, forecast: null, asOfDay: null });
  });

  it("first day of the month: no forecast from nothing", () => {
    const s = budgetStatus({ budget: budget(), today: "2026-12-01", daily: novTenADay, rates: [] });
    expect(s).toMatchObject({ spent: 0, forecast: null, forecastRatio: null });
  });

  it("converts between currencies through USD at the month's rate", () => {
    expect(convertAmount(90, "EUR", "USD", rates, "2026-11-05")).toBeCloseTo(100, 9);
    expect(convertAmount(100, "USD", "EUR", rates, "2026-10-05")).toBeCloseTo(80, 9);
    expect(convertAmount(100, "USD", "USD", rates, "2026-10-05")).toBe(100);
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
  });
});
