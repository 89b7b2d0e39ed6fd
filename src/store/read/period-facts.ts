/**
 * Gathers a month's facts up to a data day from the store and hands them to the pure
 * src/analysis/period-facts.ts: the month's spend per day and per pipeline, the previous
 * month, every budget's status with the same converter and the same forecast, the month-end
 * forecast (AWS's when made from data as recent as the data day, else Cairn's own).
 */
import { budgetPeriod } from "../../analysis/budget-status";
import { type Converter, makeConverter, monthsOfPeriod } from "../../analysis/currency";
import { forecastMonthEnd } from "../../analysis/forecast";
import { type ForecastMethod, type PeriodFacts, periodFacts } from "../../analysis/period-facts";
import { addDays, addMonths, firstDayOfMonth } from "../../days";
import type { Currency, Day, Month } from "../../model";
import { listBudgets } from "../budgets";
import { readDb, type Store } from "../store";
import { loadBudgetStatus } from "./budget-statuses";
import { costsBy, latestCostDay } from "./costs";
import { latestForecast } from "./forecast";
import { onceChargesByDay, withOnceCharges } from "./once-charges";
import { listRates } from "./rates";

export interface PeriodFactsArgs {
  month: Month;
  /** The last day counted; default: the newest day with data, within the month. */
  dataDay?: Day | null;
  display: Currency;
  /** Other months the view shows (charts, comparisons): their rates decide its currency too. */
  extraMonths?: readonly Month[];
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** The newest day with data, within the month (its last day for a past month). */
export async function dataDayOf(store: Store, month: Month): Promise<Day | null> {
  const latest = await latestCostDay(readDb(store));
  const first = firstDayOfMonth(month);
  const last = addDays(firstDayOfMonth(addMonths(month, 1)), -1);
  if (latest === null || latest < first) return null;
  return latest > last ? last : latest;
}

export async function loadPeriodFacts(store: Store, args: PeriodFactsArgs): Promise<PeriodFacts> {
  return (await loadPeriodView(store, args)).facts;
}

/** The facts and the converter they were made with, for charts drawn beside them. */
export async function loadPeriodView(
  store: Store,
  args: PeriodFactsArgs,
): Promise<{ facts: PeriodFacts; converter: Converter }> {
  const db = readDb(store);
  const month = args.month;
  const first = firstDayOfMonth(month);
  const next = firstDayOfMonth(addMonths(month, 1));
  const dataDay = args.dataDay !== undefined ? args.dataDay : await dataDayOf(store, month);
  const to = dataDay === null ? first : addDays(dataDay, 1);
  const statusDay = dataDay ?? first;
  const [rates, budgets, stored] = await Promise.all([listRates(db), listBudgets(store), latestForecast(db, month)]);
  // The months whose rates the view needs: this one, the previous one, each budget's so far.
  const months = new Set<Month>([month, addMonths(month, -1), ...(args.extraMonths ?? [])]);
  for (const b of budgets) {
    const { period } = budgetPeriod(b, statusDay);
    const end = period.to < to ? period.to : to;
    if (period.from < end) for (const m of monthsOfPeriod({ from: period.from, to: end })) months.add(m);
  }
  const converter = makeConverter(args.display, rates, [...months]);
  const prev = { from: firstDayOfMonth(addMonths(month, -1)), to: first };
  const [days, pipelines, previous] = await Promise.all([
    first < to ? costsBy(db, { period: { from: first, to }, groupBy: "day" }) : null,
    first < to ? costsBy(db, { period: { from: first, to }, groupBy: "pipeline" }) : null,
    costsBy(db, { period: prev, groupBy: "pipeline" }),
  ]);
  const daily = (days?.rows ?? []).map((r) => ({ day: r.key, costUsd: r.costUsd, co2eGrams: r.co2eGrams }));
  const monthUsd = round6(days?.total.costUsd ?? 0);
  let forecastUsd: { totalUsd: number; method: ForecastMethod } | null = null;
  if (dataDay !== null) {
    const asOf = addDays(dataDay, 1);
    if (asOf >= next) forecastUsd = { totalUsd: monthUsd, method: "month-closed" };
    else if (stored && stored.asOfDay > dataDay && stored.asOfDay <= addDays(dataDay, 3))
      forecastUsd = {
        totalUsd: round6(stored.totalUsd),
        method: stored.source === "aws" ? "aws" : "cairn-weekday-profile",
      };
    else {
      const once = await onceChargesByDay(db, { from: first, to });
      const own = forecastMonthEnd(
        asOf,
        withOnceCharges(
          daily.map((d) => ({ day: d.day, costUsd: d.costUsd })),
          once,
        ),
      );
      if (own) forecastUsd = { totalUsd: round6(own.totalUsd), method: "cairn-weekday-profile" };
    }
  }
  // Every budget as of the data day, with this converter and this forecast.
  const monthForecast = forecastUsd
    ? {
        month,
        totalUsd: forecastUsd.totalUsd,
        source: forecastUsd.method === "aws" ? ("aws" as const) : ("cairn" as const),
      }
    : null;
  const statuses = [];
  for (const budget of budgets)
    statuses.push(
      await loadBudgetStatus(store, budget, statusDay, rates, {
        converter,
        dataDay: dataDay ?? addDays(first, -1),
        monthForecast,
      }),
    );
  const facts = periodFacts({
    month,
    dataDay,
    converter,
    daily,
    previousUsd: previous.total.costUsd,
    pipelines: (pipelines?.rows ?? []).map((r) => ({ key: r.key, costUsd: r.costUsd, co2eGrams: r.co2eGrams })),
    forecastUsd,
    statuses,
  });
  return { facts, converter };
}
