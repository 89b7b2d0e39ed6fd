/**
 * Gathers the monthly report's facts from the store: totals of the month, the month before and
 * the same month a year earlier, budgets, pipelines, the changes, anomalies and carbon. Every
 * amount is converted at the rate of its own month.
 */

import { type MonthlyBudgetLine, type MonthlyFacts, rankChanges } from "../../reports/monthly/facts";
import type { AccountNames } from "../accounts/account-names";
import { displayOfUsdByMonth, monthsOfPeriod } from "../analysis/currency";
import type { PeriodFacts } from "../analysis/period-facts";
import type { Reconciliation, ReconciliationCause } from "../carbon/calibrate";
import { addMonths, firstDayOfMonth, monthOf } from "../days";
import type { Currency, Day, Month, Period } from "../model";
import { carbonCoverage } from "../store/read/carbon";
import { awsReconciliation } from "../store/read/carbon-aws";
import type { CalibrationMode } from "../store/read/carbon-calibration";
import { costsBy, dailyCostsBy } from "../store/read/costs";
import { periodCarbon } from "../store/read/period-carbon";
import { loadPeriodView } from "../store/read/period-facts";
import { readDb, type Store } from "../store/store";
import { anomaliesIn, costsByPipelineAndService, estimatedLines } from "./report-queries";
import { gatherTeamFacts } from "./report-team-facts";

export interface MonthlyFactsArgs {
  month: Month;
  today: Day;
  currency: Currency;
  ceMaxRequests: number;
  factorSet: string;
  /** Issue 18: the default hourly value of upkeep, for the team section. */
  upkeepHourValueUsd?: number;
  /** Account names (src/accounts/load-account-names.ts) for the ids in findings' actions. */
  accountNames?: AccountNames;
  /** CAIRN_CARBON_CALIBRATION: `aws` puts AWS's figures in the carbon section, labelled. */
  calibration?: CalibrationMode;
}

export function monthPeriod(month: Month): Period {
  return { from: firstDayOfMonth(month), to: firstDayOfMonth(addMonths(month, 1)) };
}

/** The budgets as the period's facts have them (display currency, as of the month's data day). */
function budgetLines(facts: PeriodFacts): MonthlyBudgetLine[] {
  let overallTaken = false;
  return facts.budgets
    .filter((s) => s.state !== "upcoming" && s.period.to > firstDayOfMonth(facts.month))
    .map((s) => {
      const overall: boolean = !overallTaken && s.budget.periodKind === "month" && s.budget.scopeKind === "all";
      overallTaken ||= overall;
      return {
        name: s.budget.name,
        currency: s.currency,
        amount: s.amount,
        spent: s.spent,
        difference: s.difference,
        missingRate: s.missingRate,
        periodKind: s.budget.periodKind,
        overall,
      };
    });
}

export async function gatherMonthlyFacts(store: Store, args: MonthlyFactsArgs): Promise<MonthlyFacts> {
  const db = readDb(store);
  const P = monthPeriod(args.month);
  const prev = monthPeriod(addMonths(args.month, -1));
  const lastYear = monthPeriod(addMonths(args.month, -12));
  const twelve = { from: firstDayOfMonth(addMonths(args.month, -11)), to: P.to };
  // The report shows the twelve months of its chart and the same month a year before.
  const { facts, converter: conv } = await loadPeriodView(store, {
    month: args.month,
    display: args.currency,
    extraMonths: [...monthsOfPeriod(twelve), addMonths(args.month, -12)],
  });
  const display = conv.currency;
  const [cur, before, yearAgo, days, pairs, prevPairs, trendDaily, carbonView, coverage, estimated, anomalies] =
    await Promise.all([
      costsBy(db, { period: P, groupBy: "pipeline" }),
      costsBy(db, { period: prev, groupBy: "pipeline" }),
      costsBy(db, { period: lastYear, groupBy: "pipeline" }),
      costsBy(db, { period: P, groupBy: "day" }),
      costsByPipelineAndService(store, P),
      costsByPipelineAndService(store, prev),
      dailyCostsBy(db, twelve, "pipeline"),
      periodCarbon(store, args.calibration ?? "none", P, prev),
      carbonCoverage(store, P),
      estimatedLines(store, P),
      anomaliesIn(store, P, { display, ceMaxRequests: args.ceMaxRequests }),
    ]);
  const { current: carbon, previous: prevCarbon } = carbonView;
  const at = (usd: number, day: Day) => displayOfUsdByMonth(conv, new Map([[monthOf(day), usd]]));
  const prevOf = new Map(before.rows.map((r) => [r.key, r.costUsd]));
  const keys = [...new Set([...cur.rows.map((r) => r.key), ...before.rows.map((r) => r.key)])];
  const curOf = new Map(cur.rows.map((r) => [r.key, r]));
  const pipelines = keys
    .map((key) => ({
      key,
      cost: at(curOf.get(key)?.costUsd ?? 0, P.from),
      previous: at(prevOf.get(key) ?? 0, prev.from),
      co2eGrams: carbonView.pipelines ? (carbonView.pipelines.get(key) ?? 0) : (curOf.get(key)?.co2eGrams ?? 0),
    }))
    .sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key));
  const monthly = new Map<string, { month: Month; pipeline: string; amount: number }>();
  for (const p of trendDaily) {
    const k = `${monthOf(p.day)}|${p.key}`;
    const entry = monthly.get(k) ?? { month: monthOf(p.day), pipeline: p.key, amount: 0 };
    entry.amount += conv.fromUsd(p.costUsd, p.day);
    monthly.set(k, entry);
  }
  const rate = display === "EUR" ? conv.rateOf(args.month) : null;
  const budgets = budgetLines(facts);
  const overall = budgets.find((b) => b.overall);
  const over = overall !== undefined && overall.spent > overall.amount;
  const team = await gatherTeamFacts(store, args.month, over, args.upkeepHourValueUsd ?? 0, args.accountNames);
  return {
    month: args.month,
    today: args.today,
    currency: display,
    missingRate: conv.missingRates,
    missingMonths: conv.missingMonths,
    period: facts,
    rate,
    provisional: estimated > 0,
    estimatedLines: estimated,
    total: facts.spent.amount,
    previousTotal: facts.previous.amount,
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
    co2eGramsLow: carbon.co2eGramsLow,
    co2eGramsHigh: carbon.co2eGramsHigh,
    calibratedShare: carbonView.calibratedShare,
    aws: awsMonth(await awsReconciliation(store, P)),
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

/**
 * AWS's figures of a month beside Cairn's own (never calibrated) for the same scope, summed over
 * accounts, services and regions, with the services and regions more than 2x apart; null when
 * AWS has not published the month.
 */
function awsMonth(rows: readonly Reconciliation[]): MonthlyFacts["aws"] {
  if (rows.length === 0) return null;
  const sum = (k: "awsLocationGrams" | "awsMarketGrams" | "cairnLocationGrams" | "cairnMarketGrams") =>
    rows.reduce((s, r) => s + r[k], 0);
  return {
    locationCo2eGrams: sum("awsLocationGrams"),
    marketCo2eGrams: sum("awsMarketGrams"),
    cairnLocationCo2eGrams: sum("cairnLocationGrams"),
    cairnMarketCo2eGrams: sum("cairnMarketGrams"),
    flagged: rows
      .filter((r) => r.flag !== null)
      .sort(
        (a, b) =>
          Math.max(b.awsLocationGrams, b.cairnLocationGrams) - Math.max(a.awsLocationGrams, a.cairnLocationGrams),
      )
      .map((r) => ({
        productCode: r.productCode,
        regionCode: r.regionCode,
        ratio: r.ratio,
        cause: r.flag as ReconciliationCause,
      })),
  };
}
