/**
 * A budget's expected spend at the period's end is over one of its forecast thresholds (default
 * 100 %): the warning before the overrun. Not raised in a period's first days (a forecast from
 * one or two days says little), nor once actual spend is itself past the threshold. Pure.
 */
import { addDays } from "../../days";
import { type Alert, alertKey } from "./alert";
import { type BudgetRuleInput, budgetFacts, budgetScope, percent } from "./budget-facts";

/** Days of the period that must have passed before a forecast may alert. */
export const MIN_FORECAST_DAYS = 3;

export function budgetForecastAlerts(input: BudgetRuleInput): Alert[] {
  const alerts: Alert[] = [];
  for (const status of input.statuses) {
    if (status.state !== "active" || status.forecastRatio === null || status.asOfDay === null) continue;
    if (status.forecastSource !== "aws" && input.today < addDays(status.period.from, MIN_FORECAST_DAYS)) continue;
    const ratio = status.forecastRatio;
    const crossed = status.budget.thresholds
      .filter((t) => t.kind === "forecast" && ratio >= t.ratio && status.spentRatio < t.ratio)
      .sort((a, b) => a.ratio - b.ratio);
    const top = crossed[crossed.length - 1];
    if (!top) continue;
    const keyOf = (r: number) =>
      alertKey("budget-forecast", budgetScope(status), status.periodKey, `forecast-${percent(r)}`);
    alerts.push({
      key: keyOf(top.ratio),
      rule: "budget-forecast",
      severity: "warning",
      facts: { rule: "budget-forecast", data: budgetFacts(status, input, top) },
      path: "/budgets",
      covers: crossed.slice(0, -1).map((t) => keyOf(t.ratio)),
    });
  }
  return alerts;
}
