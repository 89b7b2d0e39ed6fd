/** Every budget's status today: its scope's daily spend read from the store, then the pure status. */
import { type BudgetStatus, budgetPeriod, budgetStatus } from "../../analysis/budget-status";
import type { MonthlyRate } from "../../analysis/currency";
import { firstDayOfMonth, monthOf } from "../../days";
import type { Budget, Day } from "../../model";
import { listBudgets } from "../budgets";
import { readDb, type Store } from "../store";
import { type CostFilters, costsBy } from "./costs";
import { latestForecast } from "./forecast";
import { listRates } from "./rates";

export function budgetFilters(budget: Budget): CostFilters {
  switch (budget.scopeKind) {
    case "pipeline":
      return { pipeline: budget.scopeValue };
    case "service":
      return { service: budget.scopeValue };
    case "account":
      return { accountId: budget.scopeValue };
    default:
      return {};
  }
}

export async function loadBudgetStatus(
  store: Store,
  budget: Budget,
  today: Day,
  rates: readonly MonthlyRate[],
): Promise<BudgetStatus> {
  const db = readDb(store);
  const { period } = budgetPeriod(budget, today);
  // The current month from its first day, for the forecast's weekday profile.
  const monthStart = firstDayOfMonth(monthOf(today));
  const from = monthStart < period.from && today < period.to ? monthStart : period.from;
  const report = await costsBy(db, { period: { from, to: period.to }, groupBy: "day", filters: budgetFilters(budget) });
  const daily = report.rows.map((r) => ({ day: r.key, costUsd: r.costUsd }));
  const stored =
    budget.periodKind === "month" && budget.scopeKind === "all" ? await latestForecast(db, monthOf(today)) : null;
  return budgetStatus({
    budget,
    today,
    daily,
    rates,
    storedForecast: stored ? { month: stored.month, totalUsd: stored.totalUsd, source: stored.source } : null,
  });
}

export async function loadBudgetStatuses(store: Store, today: Day): Promise<BudgetStatus[]> {
  const [budgets, rates] = await Promise.all([listBudgets(store), listRates(readDb(store))]);
  const out: BudgetStatus[] = [];
  for (const budget of budgets) out.push(await loadBudgetStatus(store, budget, today, rates));
  return out;
}
