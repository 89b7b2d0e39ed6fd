/** Shared by the two budget rules: a budget's status as an alert's facts, in the display currency. Pure. */
import type { Currency, Day } from "../../model";
import type { BudgetStatus } from "../budget-status";
import type { MonthlyRate } from "../currency";
import type { BudgetAlertFacts } from "./alert";

export interface BudgetRuleInput {
  today: Day;
  statuses: readonly BudgetStatus[];
  display: Currency;
  rates: readonly MonthlyRate[];
}

/** Data for a period that just ended still arrives for a few days (AWS closes days late). */
export const ENDED_GRACE_DAYS = 5;

export function percent(ratio: number): string {
  return String(Math.round(ratio * 100));
}

export function budgetScope(status: BudgetStatus): string {
  return `budget:${status.budget.name}`;
}

/**
 * The status is already in the display currency (budget and spend converted at the month's
 * rate by src/analysis/budget-status.ts): the email shows exactly what the budgets page shows.
 */
export function budgetFacts(
  status: BudgetStatus,
  input: BudgetRuleInput,
  threshold: { kind: "actual" | "forecast"; ratio: number },
): BudgetAlertFacts {
  const day = status.asOfDay ?? input.today;
  return {
    budgetName: status.budget.name,
    scopeKind: status.budget.scopeKind,
    scopeValue: status.budget.scopeValue,
    periodFrom: status.period.from,
    periodTo: status.period.to,
    asOfDay: day,
    currency: status.currency,
    amount: status.amount,
    spent: status.spent,
    difference: status.difference,
    spentRatio: status.spentRatio,
    forecast: status.forecast,
    forecastRatio: status.forecastRatio,
    thresholdRatio: threshold.ratio,
    thresholdKind: threshold.kind,
  };
}
