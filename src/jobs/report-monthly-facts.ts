/**
 * Gathers the monthly report's facts from the store: totals of the month, the month before and
 * the same month a year earlier, budgets, pipelines, the changes, anomalies and carbon. Every
 * amount is converted at the rate of its own month.
 */

import { type MonthlyBudgetLine, type MonthlyFacts, rankChanges } from "../../reports/monthly/facts";
import { budgetPeriod } from "../analysis/budget-status";
import { type Converter, makeConverter } from "../analysis/currency";
import { addDays, addMonths, firstDayOfMonth, monthOf } from "../days";
import type { Currency, Day, Month, Period } from "../model";
import { listBudgets } from "../store/budgets";
import { budgetFilters } from "../store/read/budget-statuses";
import { carbonCoverage, carbonTotals } from "../store/read/carbon";
import { costsBy, dailyCostsBy } from "../store/read/costs";
import { listRates } from "../store/read/rates";
import { readDb, type Store } from "../store/store";
import { anomaliesIn, costsByPipelineAndService, earlierDay, estimatedLines } from "./report-queries";
import { gatherTeamFacts } from "./report-team-facts";

export interface MonthlyFactsArgs {
  month: Month;
  today: Day;
  currency: Currency;
  ceMaxRequests: number;
  factorSet: string;
  /** Issue 18: the default hourly value of upkeep, for the team section. */
  upkeepHourValueUsd?: number;
}

export function monthPeriod(month: Month): Period {
  return { from: firstDayOfMonth(month), to: firstDayOfMonth(addMonths(month, 1)) };
}

async function budgetLines(
  store: Store,
  month: Month,
  rates: Parameters<typeof makeConverter>[1],
): Promise<MonthlyBudgetLine[]> {
  const db = readDb(store);
  const p = monthPeriod(month);
  const lastDay = addDays(p.to, -1);
  const out: MonthlyBudgetLine[] = [];
  let overallTaken = false;
  for (const budget of await listBudgets(store)) {
    const { period } = budgetPeriod(budget, lastDay);
    if (period.from >= p.to || period.to <= p.from) continue;
    // Spent from the budget's start to the month's end (a season's grant: spent so far).
    const to = earlierDay(period.to, p.to);
    const days = await costsBy(db, {
      period: { from: period.from, to },
      groupBy: "day",
      filters: budgetFilters(budget),
    });
    const conv = makeConverter(budget.currency, rates);
    const spent = days.rows.reduce((sum, r) => sum + conv.fromUsd(r.costUsd, r.key), 0);
    const overall: boolean = !overallTaken && budget.periodKind === "month" && budget.scopeKind === "all";
    overallTaken ||= overall;
    out.push({
      name: budget.name,
      currency: conv.currency,
      amount: budget.amount,
      spent: Math.round(spent * 100) / 100,
      periodKind: budget.periodKind,
      overall,
    });
  }
  return out;
}

export async function gatherMonthlyFacts(store: Store, args: MonthlyFactsArgs): Promise<MonthlyFacts> {
  const db = readDb(store);
  const rates = await listRates(db);
  const conv: Converter = makeConverter(args.currency, rates);
  const P = monthPeriod(args.month);
  const prev = monthPeriod(addMonths(args.month, -1));
  const lastYear = monthPeriod(addMonths(args.month, -12));
  const twelve = { from: firstDayOfMonth(addMonths(args.month, -11)), to: P.to };
  const display = conv.currency;
  const [cur, before, yearAgo, days, pairs, prevPairs, trendDaily, carbon, prevCarbon, coverage, estimated, anomalies] =
    await Promise.all([
      costsBy(db, { period: P, groupBy: "pipeline" }),
      costsBy(db, { period: prev, groupBy: "pipeline" }),
      costsBy(db, { period: lastYear, groupBy: "pipeline" }),
      costsBy(db, { period: P, groupBy: "day" }),
      costsByPipelineAndService(store, P),
      costsByPipelineAndService(store, prev),
      dailyCostsBy(db, twelve, "pipeline"),
      carbonTotals(store, P),
      carbonTotals(store, prev),
      carbonCoverage(store, P),
      estimatedLines(store, P),
      anomaliesIn(store, P, { display, ceMaxRequests: args.ceMaxRequests }),
    ]);
  const at = (usd: number, day: Day) => Math.round(conv.fromUsd(usd, day) * 100) / 100;
  const prevOf = new Map(before.rows.map((r) => [r.key, r.costUsd]));
  const keys = [...new Set([...cur.rows.map((r) => r.key), ...before.rows.map((r) => r.key)])];
  const curOf = new Map(cur.rows.map((r) => [r.key, r]));
  const pipelines = keys
    .map((key) => ({
      key,
      cost: at(curOf.get(key)?.costUsd ?? 0, P.from),
      previous: at(prevOf.get(key) ?? 0, prev.from),
      co2eGrams: curOf.get(key)?.co2eGrams ?? 0,
    }))
    .sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key));
  const monthly = new Map<string, { month: Month; pipeline: string; amount: number }>();
  for (const p of trendDaily) {
    const k = `${monthOf(p.day)}|${p.key}`;
    const entry = monthly.get(k) ?? { month: monthOf(p.day), pipeline: p.key, amount: 0 };
    entry.amount += conv.fromUsd(p.costUsd, p.day);
    monthly.set(k, entry);
  }
  const rate = args.currency === "EUR" && !conv.missingRates ? conv.fromUsd(1, P.from) : null;
  const budgets = await budgetLines(store, args.month, rates);
  const overall = budgets.find((b) => b.overall);
  const over = overall !== undefined && overall.spent > overall.amount;
  const team = await gatherTeamFacts(store, args.month, over, args.upkeepHourValueUsd ?? 0);
  return {
    month: args.month,
    today: args.today,
    currency: display,
    missingRate: args.currency === "EUR" && conv.missingRates,
    rate,
    provisional: estimated > 0,
    estimatedLines: estimated,
    total: at(cur.total.costUsd, P.from),
    previousTotal: at(before.total.costUsd, prev.from),
    lastYearTotal: yearAgo.total.lines > 0 ? at(yearAgo.total.costUsd, lastYear.from) : null,
    budgets,
    team,
    pipelines,
    changes: rankChanges(
      pairs.map((p) => ({ pipeline: p.pipeline, service: p.service, amount: at(p.costUsd, P.from) })),
      prevPairs.map((p) => ({ pipeline: p.pipeline, service: p.service, amount: at(p.costUsd, prev.from) })),
      anomalies,
    ),
    anomalies,
    co2eGrams: carbon.co2eGrams,
    previousCo2eGrams: prevCarbon.co2eGrams,
    marketCo2eGrams: carbon.marketCo2eGrams,
    embodiedCo2eGrams: carbon.embodiedCo2eGrams,
    energyKwh: carbon.energyKwh,
    coverage,
    daily: days.rows.map((r) => ({ day: r.key, amount: at(r.costUsd, r.key) })),
    monthlyByPipeline: [...monthly.values()].map((m) => ({ ...m, amount: Math.round(m.amount * 100) / 100 })),
    factorSet: args.factorSet,
  };
}
