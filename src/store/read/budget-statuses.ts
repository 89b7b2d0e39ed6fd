/** Every budget's status today: its scope's daily spend read from the store, then the pure status. */
import { type BudgetStatus, budgetPeriod, budgetStatus, type StoredForecast } from "../../analysis/budget-status";
import type { Converter, MonthlyRate } from "../../analysis/currency";
import { addDays, firstDayOfMonth, monthOf } from "../../days";
import type { Budget, Currency, Day } from "../../model";
import { listBudgets } from "../budgets";
import { readDb, type Store } from "../store";
import { type CostFilters, costsBy } from "./costs";
import { latestForecast } from "./forecast";
import { onceChargesByDay, withOnceCharges } from "./once-charges";
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

export interface BudgetStatusOptions {
  /** The view's converter (one currency for every figure of the page). */
  converter?: Converter;
  /** Spend is counted up to this day included (the data day); default: everything stored. */
  dataDay?: Day | null;
  /** Overrides the stored forecast for a monthly budget on everything (the period facts' own). */
  monthForecast?: StoredForecast | null;
  display?: Currency;
}

export async function loadBudgetStatus(
  store: Store,
  budget: Budget,
  today: Day,
  rates: readonly MonthlyRate[],
  options: BudgetStatusOptions = {},
): Promise<BudgetStatus> {
  const db = readDb(store);
  const { period } = budgetPeriod(budget, today);
  // The current month from its first day, for the forecast's weekday profile.
  const monthStart = firstDayOfMonth(monthOf(today));
  const from = monthStart < period.from && today < period.to ? monthStart : period.from;
  const dataEnd = options.dataDay ? addDays(options.dataDay, 1) : period.to;
  const to = dataEnd < period.to ? dataEnd : period.to;
  const report =
    from < to ? await costsBy(db, { period: { from, to }, groupBy: "day", filters: budgetFilters(budget) }) : null;
  const once = from < to ? await onceChargesByDay(db, { from, to }, budgetFilters(budget)) : new Map<Day, number>();
  const daily = withOnceCharges(
    (report?.rows ?? []).map((r) => ({ day: r.key, costUsd: r.costUsd })),
    once,
  );
  const isOverall = budget.periodKind === "month" && budget.scopeKind === "all";
  const stored =
    options.monthForecast !== undefined
      ? isOverall
        ? options.monthForecast
        : null
      : isOverall
        ? await latestForecast(db, monthOf(today))
        : null;
  return budgetStatus({
    budget,
    today,
    daily,
    rates,
    ...(options.converter ? { converter: options.converter } : {}),
    ...(options.display ? { display: options.display } : {}),
    storedForecast: stored ? { month: stored.month, totalUsd: stored.totalUsd, source: stored.source } : null,
  });
}

export async function loadBudgetStatuses(store: Store, today: Day, display?: Currency): Promise<BudgetStatus[]> {
  const [budgets, rates] = await Promise.all([listBudgets(store), listRates(readDb(store))]);
  const out: BudgetStatus[] = [];
  for (const budget of budgets)
    out.push(await loadBudgetStatus(store, budget, today, rates, display ? { display } : {}));
  return out;
}
