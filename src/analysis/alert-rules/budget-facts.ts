/** Shared by the two budget rules: a budget's status as an alert's facts, in the display currency. Pure. */
import type { Currency, Day } from "../../model";
import { type BudgetStatus, convertAmount } from "../budget-status";
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

export function budgetFacts(
  status: BudgetStatus,
  input: BudgetRuleInput,
  threshold: { kind: "actual" | "forecast"; ratio: number },
): BudgetAlertFacts {
  const day = status.asOfDay ?? input.today;
  const toDisplay = (n: number) =>
    Math.round(convertAmount(n, status.budget.currency, input.display, input.rates, day) * 100) / 100;
  return {
    budgetName: status.budget.name,
    scopeKind: status.budget.scopeKind,
    scopeValue: status.budget.scopeValue,
    periodFrom: status.period.from,
    periodTo: status.period.to,
    asOfDay: day,
    currency: input.display,
    amount: toDisplay(status.budget.amount),
    spent: toDisplay(status.spent),
    spentRatio: status.spentRatio,
    forecast: status.forecast === null ? null : toDisplay(status.forecast),
    forecastRatio: status.forecastRatio,
    thresholdRatio: threshold.ratio,
    thresholdKind: threshold.kind,
  };
}
