/**
 * Everything the overview shows, gathered from the read models and shaped by the pure
 * analysis: month-to-date against budget, the forecast, daily cost by service, cost by pipeline
 * and the data's freshness. Amounts are converted to the display currency month by month.
 */
import { type Converter, monthsOfPeriod } from "../../src/analysis/currency";
import { type Freshness, freshnessOf } from "../../src/analysis/freshness";
import type { PeriodFacts } from "../../src/analysis/period-facts";
import type { Health } from "../../src/analysis/source-health";
import { addDays, daysInMonth, firstDayOfMonth, monthOf, toDay } from "../../src/days";
import { loadHealth } from "../../src/jobs/health";
import type { CarbonCoverage, Day, Month } from "../../src/model";
import { carbonCoverage } from "../../src/store/read/carbon";
import { calibratedCarbonSums } from "../../src/store/read/carbon-calibrated";
import { loadCalibration } from "../../src/store/read/carbon-calibration";
import { costOfOwnership, type OwnershipRow } from "../../src/store/read/cost-of-ownership";
import { dailyCostsBy, latestCostDay } from "../../src/store/read/costs";
import { loadPeriodView } from "../../src/store/read/period-facts";
import { lastSuccessfulRun } from "../../src/store/runs";
import { readDb } from "../../src/store/store";
import type { WebDeps } from "../deps";

export interface OverviewData {
  today: Day;
  month: Month;
  /** The newest day with data (figures run up to it), null for an empty store. */
  lastDay: Day | null;
  converter: Converter;
  /** The month's facts (src/analysis/period-facts.ts): every figure of the tiles. */
  facts: PeriodFacts;
  monthToDate: number;
  /** The monthly budget on everything, in the display currency. */
  budget: { name: string; amount: number } | null;
  forecast: { amount: number; source: "aws" | "cairn" } | null;
  dailyByService: { day: Day; key: string; costUsd: number }[];
  last30Days: Day[];
  monthDaily: Map<Day, number>;
  byPipeline: { key: string; value: number }[];
  freshness: Freshness;
  /** Every configured source's verdict, as /healthz gives it. */
  health: Health;
  /**
   * This month's location-based CO2e and the coverage of its cost (the carbon tile); with
   * CAIRN_CARBON_CALIBRATION=aws, calibrated, with the share that is AWS's figure (else null).
   */
  carbon: { co2eGrams: number; coverage: CarbonCoverage; calibratedShare: number | null };
  /** This month's cost of ownership per pipeline: cloud cost + valued upkeep (USD). */
  ownership: OwnershipRow[];
}

export async function loadOverview(deps: WebDeps): Promise<OverviewData> {
  const db = readDb(deps.store);
  const now = deps.now();
  const today = toDay(now);
  const month = monthOf(today);
  const monthPeriod = { from: firstDayOfMonth(month), to: addDays(firstDayOfMonth(month), daysInMonth(month)) };
  const last30 = { from: addDays(today, -30), to: today };
  const [lastDay, byService, run, view] = await Promise.all([
    latestCostDay(db),
    dailyCostsBy(db, last30, "service"),
    lastSuccessfulRun(deps.store),
    // The month's figures come from the period facts, as every other surface's do.
    loadPeriodView(deps.store, {
      month,
      display: deps.config.CAIRN_CURRENCY,
      extraMonths: monthsOfPeriod(last30),
    }),
  ]);
  const { facts, converter } = view;
  const [coverage, health, calibrated, ownership] = await Promise.all([
    carbonCoverage(deps.store, monthPeriod),
    loadHealth(deps.store, deps.config, now),
    calibratedMonth(deps, monthPeriod),
    costOfOwnership(db, monthPeriod, deps.config.CAIRN_UPKEEP_HOUR_VALUE),
  ]);
  const monthDaily = new Map(facts.daily.map((d) => [d.day, d.amount.amount]));
  const days: Day[] = [];
  for (let d = last30.from; d < last30.to; d = addDays(d, 1)) days.push(d);
  return {
    today,
    month,
    lastDay,
    converter,
    facts,
    monthToDate: facts.spent.amount,
    budget: facts.budget ? { name: facts.budget.name, amount: facts.budget.amount.amount } : null,
    forecast: facts.forecast
      ? { amount: facts.forecast.amount.amount, source: facts.forecast.method === "aws" ? "aws" : "cairn" }
      : null,
    dailyByService: byService,
    last30Days: days,
    monthDaily,
    byPipeline: facts.pipelines.map((p) => ({ key: p.key, value: p.amount.amount })),
    freshness: freshnessOf(run?.finishedAt ?? null, now),
    health,
    // The month's CO2e comes from the rollup with the cost; only coverage reads the lines.
    carbon: {
      co2eGrams: calibrated?.totals.co2eGrams ?? facts.co2eGrams,
      coverage,
      calibratedShare: calibrated?.calibratedShare ?? null,
    },
    ownership,
  };
}

/** The month's CO2e calibrated to AWS's figures, when CAIRN_CARBON_CALIBRATION=aws. */
async function calibratedMonth(deps: WebDeps, period: { from: Day; to: Day }) {
  const cal = await loadCalibration(deps.store, deps.config.CAIRN_CARBON_CALIBRATION, period);
  return cal ? calibratedCarbonSums(deps.store, cal, period) : null;
}
