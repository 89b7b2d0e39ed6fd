/**
 * Everything the overview shows, gathered from the read models and shaped by the pure
 * analysis: month-to-date against budget, the forecast, daily cost by service, cost by pipeline
 * and the data's freshness. Amounts are converted to the display currency month by month.
 */
import { type Converter, makeConverter } from "../../src/analysis/currency";
import { forecastMonthEnd } from "../../src/analysis/forecast";
import { type Freshness, freshnessOf } from "../../src/analysis/freshness";
import { addDays, daysInMonth, firstDayOfMonth, monthOf, toDay } from "../../src/days";
import type { Budget, CarbonCoverage, Day, Month } from "../../src/model";
import { listBudgets } from "../../src/store/budgets";
import { carbonCoverage } from "../../src/store/read/carbon";
import { costsBy, dailyCostsBy, latestCostDay } from "../../src/store/read/costs";
import { latestForecast, type MonthForecast } from "../../src/store/read/forecast";
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
  /** This month's location-based CO2e and the coverage of its cost (the carbon tile). */
  carbon: { co2eGrams: number; coverage: CarbonCoverage };
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

/**
 * AWS's forecast when the last collection stored one for this month from data at least as
 * recent as ours; otherwise Cairn's own, from the month so far (the demo, or AWS had none).
 */
function monthForecast(
  month: Month,
  lastDay: Day | null,
  daily: { key: string; costUsd: number }[],
  stored: MonthForecast | null,
  converter: Converter,
): OverviewData["forecast"] {
  if (lastDay === null || monthOf(lastDay) !== month) return null;
  const asOfDay = addDays(lastDay, 1);
  if (stored && stored.asOfDay >= asOfDay) {
    return { amount: converter.fromUsd(stored.totalUsd, firstDayOfMonth(month)), source: stored.source };
  }
  const own = forecastMonthEnd(
    asOfDay,
    daily.map((r) => ({ day: r.key, costUsd: r.costUsd })),
  );
  return own ? { amount: converter.fromUsd(own.totalUsd, firstDayOfMonth(month)), source: "cairn" } : null;
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
  const coverage = await carbonCoverage(deps.store, monthPeriod);
  const awsForecast = await latestForecast(db, month);
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
    forecast: monthForecast(month, lastDay, monthByDay.rows, awsForecast, converter),
    dailyByService: byService,
    last30Days: days,
    monthDaily,
    byPipeline: byPipeline.rows.map((r) => ({ key: r.key, value: converter.fromUsd(r.costUsd, monthPeriod.from) })),
    freshness: freshnessOf(run?.finishedAt ?? null, now),
    // The month's CO2e comes from the rollup with the cost; only coverage reads the lines.
    carbon: { co2eGrams: monthByDay.total.co2eGrams, coverage },
  };
}
