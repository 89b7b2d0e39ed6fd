/**
 * A budget's actual spend crossed one of its thresholds (default 50, 80 and 100 %). Only the
 * highest threshold crossed is sent; the lower ones are covered by it, so a first run at 85 %
 * sends one message, not three. Pure.
 */
import { addDays } from "../../days";
import { type Alert, alertKey } from "./alert";
import { type BudgetRuleInput, budgetFacts, budgetScope, ENDED_GRACE_DAYS, percent } from "./budget-facts";

export function budgetThresholdAlerts(input: BudgetRuleInput): Alert[] {
  const alerts: Alert[] = [];
  for (const status of input.statuses) {
    if (status.state === "upcoming" || status.asOfDay === null) continue;
    if (status.state === "ended" && input.today >= addDays(status.period.to, ENDED_GRACE_DAYS)) continue;
    const scope = budgetScope(status);
    const crossed = status.budget.thresholds
      .filter((t) => t.kind === "actual" && status.spentRatio >= t.ratio)
      .sort((a, b) => a.ratio - b.ratio);
    const top = crossed[crossed.length - 1];
    if (!top) continue;
    const keyOf = (kind: string, ratio: number) =>
      alertKey("budget-threshold", scope, status.periodKey, `${kind}-${percent(ratio)}`);
    const covers = crossed.slice(0, -1).map((t) => keyOf("actual", t.ratio));
    // Spend already over a forecast threshold makes the forecast's warning pointless.
    for (const t of status.budget.thresholds) {
      if (t.kind === "forecast" && status.spentRatio >= t.ratio) {
        covers.push(alertKey("budget-forecast", scope, status.periodKey, `forecast-${percent(t.ratio)}`));
      }
    }
    alerts.push({
      key: keyOf("actual", top.ratio),
      rule: "budget-threshold",
      severity: top.ratio >= 1 ? "critical" : top.ratio >= 0.8 ? "warning" : "info",
      facts: { rule: "budget-threshold", data: budgetFacts(status, input, top) },
      path: "/budgets",
      covers,
    });
  }
  return alerts;
}
