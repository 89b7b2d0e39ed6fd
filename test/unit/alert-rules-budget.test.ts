import { describe, expect, it } from "vitest";
import { newAlerts } from "../../src/analysis/alert-rules/alert";
import { budgetForecastAlerts } from "../../src/analysis/alert-rules/budget-forecast";
import { budgetThresholdAlerts } from "../../src/analysis/alert-rules/budget-threshold";
import { type BudgetStatus, DEFAULT_THRESHOLDS } from "../../src/analysis/budget-status";
import type { MonthlyRate } from "../../src/analysis/currency";
import type { Budget } from "../../src/model";

const budget: Budget = {
  name: "camera-traps",
  amount: 1000,
  currency: "USD",
  periodKind: "month",
  customPeriod: null,
  scopeKind: "pipeline",
  scopeValue: "camera-traps",
  thresholds: DEFAULT_THRESHOLDS.map((t) => ({ ...t })),
};

function status(o: Partial<BudgetStatus> & { spentRatio: number }): BudgetStatus {
  return {
    budget,
    period: { from: "2026-11-01", to: "2026-12-01" },
    periodKey: "2026-11",
    state: "active",
    asOfDay: "2026-11-17",
    currency: "USD",
    amount: 1000,
    spent: o.spentRatio * 1000,
    difference: o.spentRatio * 1000 - 1000,
    missingMonths: [],
    forecast: null,
    forecastRatio: null,
    forecastSource: null,
    missingRate: false,
    ...o,
  };
}

const K = "budget-threshold|budget:camera-traps|2026-11|";
const F = "budget-forecast|budget:camera-traps|2026-11|forecast-100";
const input = (s: BudgetStatus, today = "2026-11-18") => ({ today, statuses: [s], display: "USD" as const, rates: [] });

describe("budget threshold rule", () => {
  it.each([
    { ratio: 0.49, key: null, covers: [] },
    { ratio: 0.5, key: `${K}actual-50`, covers: [] },
    { ratio: 0.82, key: `${K}actual-80`, covers: [`${K}actual-50`] },
    { ratio: 1.02, key: `${K}actual-100`, covers: [`${K}actual-50`, `${K}actual-80`, F] },
  ])("spent $ratio -> $key", ({ ratio, key, covers }) => {
    const alerts = budgetThresholdAlerts(input(status({ spentRatio: ratio })));
    expect(alerts.map((a) => a.key)).toEqual(key ? [key] : []);
    if (key) expect(alerts[0]?.covers).toEqual(covers);
  });

  it.each([
    { name: "upcoming period", s: status({ spentRatio: 0.9, state: "upcoming" }), today: "2026-11-18", n: 0 },
    { name: "no spend yet", s: status({ spentRatio: 0.9, asOfDay: null }), today: "2026-11-18", n: 0 },
    { name: "ended 2 days ago (late data)", s: status({ spentRatio: 0.9, state: "ended" }), today: "2026-12-03", n: 1 },
    { name: "ended 5 days ago", s: status({ spentRatio: 0.9, state: "ended" }), today: "2026-12-06", n: 0 },
  ])("$name: $n alert(s)", ({ s, today, n }) => {
    expect(budgetThresholdAlerts(input(s, today))).toHaveLength(n);
  });

  it("restated figures never re-fire: 81 %, restated to 79 %, back to 83 % sends once", () => {
    const outbox = new Set<string>();
    const sentPerRun = [0.81, 0.79, 0.83].map((ratio) => {
      const fresh = newAlerts(budgetThresholdAlerts(input(status({ spentRatio: ratio }))), outbox);
      for (const a of fresh) for (const k of [a.key, ...a.covers]) outbox.add(k);
      return fresh.map((a) => a.key);
    });
    expect(sentPerRun).toEqual([[`${K}actual-80`], [], []]);
  });

  it("a threshold of the next period is a new key", () => {
    const nov = budgetThresholdAlerts(input(status({ spentRatio: 0.85 })));
    const dec = budgetThresholdAlerts(
      input(
        status({ spentRatio: 0.85, periodKey: "2026-12", period: { from: "2026-12-01", to: "2027-01-01" } }),
        "2026-12-20",
      ),
    );
    expect(nov[0]?.key).not.toBe(dec[0]?.key);
    expect(dec[0]?.key).toBe("budget-threshold|budget:camera-traps|2026-12|actual-80");
  });

  it("facts carry the status's figures, already in the display currency", () => {
    const rates: MonthlyRate[] = [{ month: "2026-11", currency: "EUR", ratePerUsd: 0.9 }];
    const eur = { ...budget, currency: "EUR" as const, amount: 900 };
    // The status converted the EUR budget (900 EUR = 1000 USD) and the spend into USD.
    const s = status({ budget: eur, spentRatio: 0.9, spent: 900, amount: 1000, difference: -100 });
    const [alert] = budgetThresholdAlerts({ today: "2026-11-18", statuses: [s], display: "USD", rates });
    expect(alert?.facts.rule).toBe("budget-threshold");
    if (alert?.facts.rule !== "budget-threshold") return;
    expect(alert.facts.data).toMatchObject({
      currency: "USD",
      amount: 1000,
      spent: 900,
      difference: -100,
      spentRatio: 0.9,
      asOfDay: "2026-11-17",
    });
    expect(alert.severity).toBe("warning");
  });
});

describe("budget forecast rule", () => {
  it.each([
    {
      name: "forecast over, spend under",
      o: { spentRatio: 0.6, forecastRatio: 1.12, forecastSource: "cairn" as const },
      today: "2026-11-18",
      key: F,
    },
    {
      name: "forecast under",
      o: { spentRatio: 0.6, forecastRatio: 0.95, forecastSource: "cairn" as const },
      today: "2026-11-18",
      key: null,
    },
    {
      name: "spend already over (the actual rule says it)",
      o: { spentRatio: 1.01, forecastRatio: 1.3, forecastSource: "cairn" as const },
      today: "2026-11-18",
      key: null,
    },
    {
      name: "Cairn's forecast on day 2 is too young",
      o: { spentRatio: 0.1, forecastRatio: 1.5, forecastSource: "cairn" as const },
      today: "2026-11-02",
      key: null,
    },
    {
      name: "AWS's forecast on day 2 counts",
      o: { spentRatio: 0.1, forecastRatio: 1.5, forecastSource: "aws" as const },
      today: "2026-11-02",
      key: F,
    },
    {
      name: "ended period",
      o: { spentRatio: 0.6, forecastRatio: 1.2, state: "ended" as const },
      today: "2026-12-02",
      key: null,
    },
    { name: "no forecast", o: { spentRatio: 0.6 }, today: "2026-11-18", key: null },
  ])("$name", ({ o, today, key }) => {
    const alerts = budgetForecastAlerts(input(status({ forecast: (o.forecastRatio ?? 0) * 1000, ...o }), today));
    expect(alerts.map((a) => a.key)).toEqual(key ? [key] : []);
  });

  it("restated forecast dipping under and back over the budget does not re-fire", () => {
    const outbox = new Set<string>();
    const sent = [1.05, 0.98, 1.1].flatMap((r) => {
      const fresh = newAlerts(
        budgetForecastAlerts(
          input(status({ spentRatio: 0.6, forecastRatio: r, forecast: r * 1000, forecastSource: "cairn" })),
        ),
        outbox,
      );
      for (const a of fresh) outbox.add(a.key);
      return fresh.map((a) => a.key);
    });
    expect(sent).toEqual([F]);
  });
});
