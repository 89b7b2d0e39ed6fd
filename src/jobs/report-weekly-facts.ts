/**
 * Gathers the weekly report's facts: the week (Monday to Sunday) against the one before, the
 * month so far with its forecast (the stored one, else Cairn's), budget statuses, movers with
 * the usage type behind each, anomalies, carbon, freshness and Cairn's own API costs.
 */

import { pickMovers, type WeeklyFacts, type WeekRow } from "../../reports/weekly/facts";
import { makeConverter } from "../analysis/currency";
import { forecastMonthEnd } from "../analysis/forecast";
import { freshnessOf } from "../analysis/freshness";
import { addDays, addMonths, firstDayOfMonth, monthOf, weekday } from "../days";
import type { Currency, Day } from "../model";
import { listBudgets } from "../store/budgets";
import { loadBudgetStatuses } from "../store/read/budget-statuses";
import { carbonTotals } from "../store/read/carbon";
import { costsBy, dailyCostsBy, latestCostDay } from "../store/read/costs";
import { latestForecast } from "../store/read/forecast";
import { listRates } from "../store/read/rates";
import { lastSuccessfulRun } from "../store/runs";
import { readDb, type Store } from "../store/store";
import { anomaliesIn, apiCostsBetween, earlierDay, topUsageTypeChange } from "./report-queries";

export interface WeeklyFactsArgs {
  /** Monday of the week to report. */
  week: Day;
  now: Date;
  currency: Currency;
  ceMaxRequests: number;
}

/** The Monday of the week `day` falls in (weeks run Monday to Sunday). */
export function mondayOf(day: Day): Day {
  return addDays(day, -((weekday(day) + 6) % 7));
}

export async function gatherWeeklyFacts(store: Store, args: WeeklyFactsArgs): Promise<WeeklyFacts> {
  const db = readDb(store);
  const today = args.now.toISOString().slice(0, 10);
  const week = { from: args.week, to: addDays(args.week, 7) };
  const before = { from: addDays(args.week, -7), to: args.week };
  // The month of the week's last day: a report on Monday the 1st still speaks of the month just ended.
  const month = monthOf(addDays(week.to, -1));
  const monthP = { from: firstDayOfMonth(month), to: firstDayOfMonth(addMonths(month, 1)) };
  const asOf = earlierDay(week.to, monthP.to);
  const rates = await listRates(db);
  const conv = makeConverter(args.currency, rates);
  const display = conv.currency;
  const [pCur, pPrev, sCur, sPrev, monthDays, dailyServices, carbon, prevCarbon, run, lastDay, stored, budgets] =
    await Promise.all([
      costsBy(db, { period: week, groupBy: "pipeline" }),
      costsBy(db, { period: before, groupBy: "pipeline" }),
      costsBy(db, { period: week, groupBy: "service" }),
      costsBy(db, { period: before, groupBy: "service" }),
      costsBy(db, { period: { from: monthP.from, to: asOf }, groupBy: "day" }),
      dailyCostsBy(db, { from: before.from, to: week.to }, "service"),
      carbonTotals(store, week),
      carbonTotals(store, before),
      lastSuccessfulRun(store),
      latestCostDay(db),
      latestForecast(db, month),
      listBudgets(store),
    ]);
  const sumDisplay = (rows: { key: string; costUsd: number }[], day: (k: string) => Day) =>
    rows.reduce((a, r) => a + conv.fromUsd(r.costUsd, day(r.key)), 0);
  // Weeks may straddle two months: convert each week's rows at the rate of the week's Monday.
  const rowsOf = (cur: typeof pCur, prev: typeof pPrev): WeekRow[] => {
    const keys = [...new Set([...cur.rows.map((r) => r.key), ...prev.rows.map((r) => r.key)])];
    const c = new Map(cur.rows.map((r) => [r.key, r.costUsd]));
    const p = new Map(prev.rows.map((r) => [r.key, r.costUsd]));
    return keys
      .map((key) => ({
        key,
        cost: round2(conv.fromUsd(c.get(key) ?? 0, week.from)),
        previous: round2(conv.fromUsd(p.get(key) ?? 0, before.from)),
      }))
      .sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key));
  };
  const byService = rowsOf(sCur, sPrev);
  const movers = [];
  for (const m of pickMovers(byService)) {
    const usage = await topUsageTypeChange(store, m.key, week, before);
    movers.push({
      ...m,
      usageType: usage?.usageType ?? null,
      usageDelta: usage ? round2(conv.fromUsd(usage.deltaUsd, week.from)) : null,
    });
  }
  const monthDaily = monthDays.rows.map((r) => ({ day: r.key, amount: round2(conv.fromUsd(r.costUsd, r.key)) }));
  const monthToDate = monthDays.rows.reduce((a, r) => a + conv.fromUsd(r.costUsd, r.key), 0);
  let forecast: WeeklyFacts["forecast"] = null;
  if (asOf < monthP.to) {
    if (stored && stored.asOfDay <= asOf && stored.asOfDay >= addDays(asOf, -3)) {
      forecast = { amount: round2(conv.fromUsd(stored.totalUsd, monthP.from)), source: stored.source };
    } else {
      const own = forecastMonthEnd(
        asOf,
        monthDays.rows.map((r) => ({ day: r.key, costUsd: r.costUsd })),
      );
      if (own) forecast = { amount: round2(conv.fromUsd(own.totalUsd, monthP.from)), source: "cairn" };
    }
  } else forecast = { amount: round2(monthToDate), source: "cairn" };
  const overall = budgets.find((b) => b.periodKind === "month" && b.scopeKind === "all");
  // Budgets as they stood at the end of the week (the month's last day when the week ran past it).
  const statuses = await loadBudgetStatuses(store, asOf < monthP.to ? asOf : addDays(monthP.to, -1));
  const monthStartIso = `${monthP.from}T00:00:00.000Z`;
  const [apiWeek, apiMonth] = await Promise.all([
    apiCostsBetween(store, `${week.from}T00:00:00.000Z`, `${week.to}T00:00:00.000Z`),
    apiCostsBetween(store, monthStartIso, args.now.toISOString()),
  ]);
  return {
    week: args.week,
    today,
    month,
    currency: display,
    missingRate: args.currency === "EUR" && conv.missingRates,
    total: round2(sumDisplay(pCur.rows, () => week.from)),
    previousTotal: round2(sumDisplay(pPrev.rows, () => before.from)),
    monthToDate: round2(monthToDate),
    forecast,
    budgets: statuses.filter((s) => s.state === "active"),
    byPipeline: rowsOf(pCur, pPrev),
    byService,
    movers,
    anomalies: await anomaliesIn(store, week, { display, ceMaxRequests: args.ceMaxRequests }),
    co2eGrams: carbon.co2eGrams,
    previousCo2eGrams: prevCarbon.co2eGrams,
    freshness: freshnessOf(run?.finishedAt ?? null, args.now),
    lastDataDay: lastDay,
    apiWeek: apiWeek.map((a) => ({ api: a.api, units: a.units, cost: a.costUsd })),
    apiMonthCost: apiMonth.reduce((a, r) => a + r.costUsd, 0),
    dailyByService: dailyServices.map((p) => ({ ...p, costUsd: conv.fromUsd(p.costUsd, p.day) })),
    monthDaily,
    overallBudget: overall ? (overall.currency === display ? overall.amount : null) : null,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
