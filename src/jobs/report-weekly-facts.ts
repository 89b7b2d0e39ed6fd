/**
 * Gathers the weekly report's facts: the week (Monday to Sunday) against the one before, the
 * month so far with its forecast (the stored one, else Cairn's), budget statuses, movers with
 * the usage type behind each, anomalies, carbon, freshness and Cairn's own API costs.
 */

import { pickMovers, type WeeklyFacts, type WeekRow } from "../../reports/weekly/facts";
import { type Converter, displayOfUsdByMonth, monthsOfPeriod, round2, usdByMonthOf } from "../analysis/currency";
import { freshnessOf } from "../analysis/freshness";
import { addDays, firstDayOfMonth, monthOf, weekday } from "../days";
import type { Currency, Day } from "../model";
import type { CalibrationMode } from "../store/read/carbon-calibration";
import { dailyCostsBy, latestCostDay } from "../store/read/costs";
import { periodCarbon } from "../store/read/period-carbon";
import { loadPeriodView } from "../store/read/period-facts";
import { lastSuccessfulRun } from "../store/runs";
import { readDb, type Store } from "../store/store";
import { anomaliesIn, apiCostsBetween, topUsageTypeChange } from "./report-queries";

export interface WeeklyFactsArgs {
  /** Monday of the week to report. */
  week: Day;
  now: Date;
  currency: Currency;
  ceMaxRequests: number;
  /** CAIRN_CARBON_CALIBRATION: `aws` reports AWS's figures where it has one, labelled. */
  calibration?: CalibrationMode;
}

/** The Monday of the week `day` falls in (weeks run Monday to Sunday). */
export function mondayOf(day: Day): Day {
  return addDays(day, -((weekday(day) + 6) % 7));
}

/** Display amounts per key of daily rows, each month at its own rate. */
function displayByKey(
  rows: readonly { day: Day; key: string; costUsd: number }[],
  conv: Converter,
): Map<string, number> {
  const usd = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = usd.get(r.key) ?? new Map<string, number>();
    m.set(monthOf(r.day), (m.get(monthOf(r.day)) ?? 0) + r.costUsd);
    usd.set(r.key, m);
  }
  return new Map([...usd].map(([k, m]) => [k, displayOfUsdByMonth(conv, m)]));
}

export async function gatherWeeklyFacts(store: Store, args: WeeklyFactsArgs): Promise<WeeklyFacts> {
  const db = readDb(store);
  const today = args.now.toISOString().slice(0, 10);
  const sunday = addDays(args.week, 6);
  const latest = await latestCostDay(db);
  // One data day for every table: the week's Sunday, or the newest day with data if earlier.
  const dataDay = latest !== null && latest < sunday ? latest : sunday;
  const end = addDays(dataDay, 1);
  const week = { from: args.week, to: end > args.week ? end : args.week };
  const before = { from: addDays(args.week, -7), to: args.week };
  // The month of the week's last day: a report on Monday the 1st still speaks of the month just ended.
  const month = monthOf(sunday);
  const monthStart = firstDayOfMonth(month);
  const { facts, converter: conv } = await loadPeriodView(store, {
    month,
    dataDay: dataDay >= monthStart ? dataDay : null,
    display: args.currency,
    extraMonths: monthsOfPeriod({ from: before.from, to: addDays(sunday, 1) }),
  });
  const display = conv.currency;
  const [pipelinesDaily, servicesDaily, carbonView, run] = await Promise.all([
    dailyCostsBy(db, { from: before.from, to: week.to }, "pipeline"),
    dailyCostsBy(db, { from: before.from, to: week.to }, "service"),
    periodCarbon(store, args.calibration ?? "none", week, before),
    lastSuccessfulRun(store),
  ]);
  const { current: carbon, previous: prevCarbon } = carbonView;
  const inWeek = (d: Day) => d >= week.from && d < week.to;
  const rowsOf = (daily: typeof pipelinesDaily): WeekRow[] => {
    const c = displayByKey(
      daily.filter((r) => inWeek(r.day)),
      conv,
    );
    const p = displayByKey(
      daily.filter((r) => !inWeek(r.day)),
      conv,
    );
    return [...new Set([...c.keys(), ...p.keys()])]
      .map((key) => ({ key, cost: c.get(key) ?? 0, previous: p.get(key) ?? 0 }))
      .sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key));
  };
  const total = (daily: typeof pipelinesDaily, inside: boolean) =>
    displayOfUsdByMonth(conv, usdByMonthOf(daily.filter((r) => inWeek(r.day) === inside)));
  const byService = rowsOf(servicesDaily);
  const movers = [];
  for (const m of pickMovers(byService)) {
    const usage = await topUsageTypeChange(store, m.key, week, before);
    movers.push({
      ...m,
      usageType: usage?.usageType ?? null,
      usageDelta: usage ? round2(conv.fromUsd(usage.deltaUsd, week.from)) : null,
    });
  }
  const monthStartIso = `${monthStart}T00:00:00.000Z`;
  const [apiWeek, apiMonth] = await Promise.all([
    apiCostsBetween(store, `${args.week}T00:00:00.000Z`, `${addDays(args.week, 7)}T00:00:00.000Z`),
    apiCostsBetween(store, monthStartIso, args.now.toISOString()),
  ]);
  return {
    week: args.week,
    today,
    dataDay,
    month,
    currency: display,
    missingRate: conv.missingRates,
    missingMonths: conv.missingMonths,
    total: total(pipelinesDaily, true),
    previousTotal: total(pipelinesDaily, false),
    monthToDate: facts.spent.amount,
    forecast: facts.forecast
      ? { amount: facts.forecast.amount.amount, source: facts.forecast.method === "aws" ? "aws" : "cairn" }
      : null,
    budgets: facts.budgets.filter((s) => s.state === "active"),
    byPipeline: rowsOf(pipelinesDaily),
    byService,
    movers,
    anomalies: await anomaliesIn(store, week, { display, ceMaxRequests: args.ceMaxRequests }),
    co2eGrams: carbon.co2eGrams,
    previousCo2eGrams: prevCarbon.co2eGrams,
    calibratedShare: carbonView.calibratedShare,
    freshness: freshnessOf(run?.finishedAt ?? null, args.now),
    lastDataDay: latest,
    // Cairn's own AWS requests, in the display currency at the report month's rate.
    apiWeek: apiWeek.map((a) => ({ api: a.api, units: a.units, cost: conv.fromUsd(a.costUsd, monthStart) })),
    apiMonthCost: conv.fromUsd(
      apiMonth.reduce((a, r) => a + r.costUsd, 0),
      monthStart,
    ),
    dailyByService: servicesDaily.map((p) => ({ ...p, costUsd: conv.fromUsd(p.costUsd, p.day) })),
    monthDaily: facts.daily.map((d) => ({ day: d.day, amount: d.amount.amount })),
    overallBudget: facts.budget?.amount.amount ?? null,
    period: facts,
  };
}
