/**
 * Everything the overview shows, gathered from the read models and shaped by the pure
 * analysis: month-to-date against budget, the forecast, daily cost by service, cost by pipeline
 * and the data's freshness. Amounts are converted to the display currency month by month.
 */
import { type Converter, makeConverter } from "../../src/analysis/currency";
import { type Freshness, freshnessOf } from "../../src/analysis/freshness";
import { addDays, daysInMonth, firstDayOfMonth, monthOf, toDay } from "../../src/days";
import type { Budget, Day, Month } from "../../src/model";
import { listBudgets } from "../../src/store/budgets";
import { costsBy, dailyCostsBy, latestCostDay } from "../../src/store/read/costs";
import { listRates } from "../../src/store/read/rates";
import { lastSuccessfulRun } from "../../src/store/runs";
import { readDb } from "../../src/store/store";
import type { WebDeps } from "../deps";

export interface OverviewData {
  today: Day;
  month: Month;
  /** The newest day with data (figures run up to it), null for an empty store. */
  lastDay: Day | null;
  converter: Converter;
  monthToDate: number;
  /** The monthly budget on everything, in the display currency. */
  budget: { name: string; amount: number } | null;
  forecast: { amount: number; source: "aws" | "cairn" } | null;
  dailyByService: { day: Day; key: string; costUsd: number }[];
  last30Days: Day[];
  monthDaily: Map<Day, number>;
  byPipeline: { key: string; value: number }[];
  freshness: Freshness;
}

function monthlyBudgetOnAll(budgets: Budget[]): Budget | null {
  return budgets.find((b) => b.periodKind === "month" && b.scopeKind === "all") ?? null;
}

/** Budgets are kept in their own currency; show them in the display one. */
function budgetInDisplay(budget: Budget, converter: Converter, month: Month): number {
  if (budget.currency === converter.currency) return budget.amount;
  const usdPerUnit = budget.currency === "USD" ? 1 : 1 / converter.fromUsd(1, firstDayOfMonth(month));
  return converter.fromUsd(budget.amount * usdPerUnit, firstDayOfMonth(month));
}

export async function loadOverview(deps: WebDeps): Promise<OverviewData> {
  const db = readDb(deps.store);
  const now = deps.now();
  const today = toDay(now);
  const month = monthOf(today);
  const monthPeriod = { from: firstDayOfMonth(month), to: addDays(firstDayOfMonth(month), daysInMonth(month)) };
  const last30 = { from: addDays(today, -30), to: today };
  const [rates, budgets, lastDay, monthByDay, byService, byPipeline, run] = await Promise.all([
    listRates(db),
    listBudgets(deps.store),
    latestCostDay(db),
    costsBy(db, { period: monthPeriod, groupBy: "day" }),
    dailyCostsBy(db, last30, "service"),
    costsBy(db, { period: monthPeriod, groupBy: "pipeline" }),
    lastSuccessfulRun(deps.store),
  ]);
  const converter = makeConverter(deps.config.CAIRN_CURRENCY, rates);
  const monthDaily = new Map(monthByDay.rows.map((r) => [r.key, converter.fromUsd(r.costUsd, r.key)]));
  const monthToDate = [...monthDaily.values()].reduce((a, b) => a + b, 0);
  const budget = monthlyBudgetOnAll(budgets);
  const days: Day[] = [];
  for (let d = last30.from; d < last30.to; d = addDays(d, 1)) days.push(d);
  return {
    today,
    month,
    lastDay,
    converter,
    monthToDate,
    budget: budget ? { name: budget.name, amount: budgetInDisplay(budget, converter, month) } : null,
    forecast: null,
    dailyByService: byService,
    last30Days: days,
    monthDaily,
    byPipeline: byPipeline.rows.map((r) => ({ key: r.key, value: converter.fromUsd(r.costUsd, monthPeriod.from) })),
    freshness: freshnessOf(run?.finishedAt ?? null, now),
  };
}
