// Thresholds are stored in the order people typed them: the rule must pick the highest crossed
// one whatever that order, and cover the others (a budget at 102 % sends its 100 % alert).
import { describe, expect, it } from "vitest";
import { budgetThresholdAlerts } from "../../src/analysis/alert-rules/budget-threshold";
import type { BudgetStatus } from "../../src/analysis/budget-status";
import type { Budget } from "../../src/model";

const budget: Budget = {
  name: "website",
  amount: 100,
  currency: "USD",
  periodKind: "month",
  customPeriod: null,
  scopeKind: "pipeline",
  scopeValue: "website",
  // Highest first, as an admin may well type them.
  thresholds: [
    { kind: "actual", ratio: 1 },
    { kind: "actual", ratio: 0.8 },
    { kind: "actual", ratio: 0.5 },
  ],
};

const status: BudgetStatus = {
  budget,
  period: { from: "2026-11-01", to: "2026-12-01" },
  periodKey: "2026-11",
  state: "active",
  asOfDay: "2026-11-17",
  spent: 102,
  spentRatio: 1.02,
  forecast: null,
  forecastRatio: null,
  forecastSource: null,
  missingRate: false,
};

describe("budget thresholds typed in any order", () => {
  it("alerts on the highest crossed threshold and covers the lower ones", () => {
    const [alert, ...others] = budgetThresholdAlerts({
      today: "2026-11-18",
      statuses: [status],
      display: "USD",
      rates: [],
    });
    const K = "budget-threshold|budget:website|2026-11|";
    expect(others).toEqual([]);
    expect(alert?.key).toBe(`${K}actual-100`);
    expect(alert?.severity).toBe("critical");
    expect([...(alert?.covers ?? [])].sort()).toEqual([`${K}actual-50`, `${K}actual-80`]);
  });
});
