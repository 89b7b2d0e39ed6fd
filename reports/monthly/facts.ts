/**
 * What the directors' monthly report says, as figures already converted to the display
 * currency (each amount at its own month's rate). Gathered by src/jobs/report-monthly-facts.ts;
 * the ranking of changes here is pure.
 */

import type { AnomalyAlertFacts } from "../../src/analysis/alert-rules/alert";
import type { PeriodFacts } from "../../src/analysis/period-facts";
import type { ReconciliationCause } from "../../src/carbon/calibrate";
import type { CarbonCoverage, Currency, Day, Month } from "../../src/model";
import type { TeamFacts } from "./team-facts";

export interface MonthlyBudgetLine {
  name: string;
  /** The display currency (the budget converted at the month's rate). */
  currency: Currency;
  amount: number;
  spent: number;
  /** `spent - amount` of the two printed figures. */
  difference: number;
  /** No rate to convert this budget: not compared. */
  missingRate: boolean;
  /** `month`, `year` or `custom`: a season's grant is reported as spent so far. */
  periodKind: string;
  /** The monthly budget on all spend: the one the headline compares with. */
  overall: boolean;
}

export interface PipelineLine {
  key: string;
  cost: number;
  previous: number;
  co2eGrams: number;
}

export interface PairChange {
  pipeline: string;
  service: string;
  cost: number;
  previous: number;
  delta: number;
  /** Days of the month when the pair's service had an unusual spike. */
  spikeDays: Day[];
}

export interface MonthlyFacts {
  month: Month;
  today: Day;
  currency: Currency;
  /** No rate known for EUR: amounts stayed in USD. */
  missingRate: boolean;
  /** The months whose rate is missing (named in the report). */
  missingMonths: Month[];
  /** The period's facts (src/analysis/period-facts.ts) every figure above is drawn from. */
  period: PeriodFacts;
  /** Units of the display currency per USD used for the month, null in USD. */
  rate: number | null;
  provisional: boolean;
  estimatedLines: number;
  total: number;
  previousTotal: number;
  /** Null when nothing was stored for that month. */
  lastYearTotal: number | null;
  budgets: MonthlyBudgetLine[];
  pipelines: PipelineLine[];
  changes: PairChange[];
  anomalies: AnomalyAlertFacts[];
  co2eGrams: number;
  /** The range of the month's location-based CO2e (its footprints' low and high estimates). */
  co2eGramsLow: number;
  co2eGramsHigh: number;
  /** Set with CAIRN_CARBON_CALIBRATION=aws: the share of the month's CO2e that is AWS's figure. */
  calibratedShare?: number | null;
  /** AWS's own figure for the month (imported carbon export), or null when not published yet. */
  aws: {
    locationCo2eGrams: number;
    marketCo2eGrams: number;
    /** Cairn's own estimate (never calibrated) for the same months and accounts. */
    cairnLocationCo2eGrams: number;
    cairnMarketCo2eGrams: number;
    /** Services and regions more than 2x apart, largest first, with the likely cause. */
    flagged: { productCode: string; regionCode: string; ratio: number | null; cause: ReconciliationCause }[];
  } | null;
  previousCo2eGrams: number;
  marketCo2eGrams: number;
  embodiedCo2eGrams: number;
  energyKwh: number;
  coverage: CarbonCoverage;
  /** Display amounts per day of the month, for the cumulative chart. */
  daily: { day: Day; amount: number }[];
  /** Display amounts per month and pipeline, for the twelve-month chart. */
  monthlyByPipeline: { month: Month; pipeline: string; amount: number }[];
  factorSet: string;
  /** "What the team did" (issue 18), when gathered. */
  team?: TeamFacts;
}

/**
 * The largest changes against the previous month, by pipeline and service, largest first.
 * Pairs that moved by less than `minDelta` are not worth a director's attention.
 */
export function rankChanges(
  current: readonly { pipeline: string; service: string; amount: number }[],
  previous: readonly { pipeline: string; service: string; amount: number }[],
  spikes: readonly AnomalyAlertFacts[],
  max = 3,
  minDelta = 1,
): PairChange[] {
  const pairs = new Map<string, PairChange>();
  const key = (p: string, s: string) => `${p}\u0000${s}`;
  const get = (pipeline: string, service: string) => {
    const k = key(pipeline, service);
    const found = pairs.get(k);
    if (found) return found;
    const c: PairChange = { pipeline, service, cost: 0, previous: 0, delta: 0, spikeDays: [] };
    pairs.set(k, c);
    return c;
  };
  for (const r of current) get(r.pipeline, r.service).cost += r.amount;
  for (const r of previous) get(r.pipeline, r.service).previous += r.amount;
  const out = [...pairs.values()]
    .map((c) => ({ ...c, delta: c.cost - c.previous }))
    .filter((c) => Math.abs(c.delta) >= minDelta)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.pipeline.localeCompare(b.pipeline))
    .slice(0, max);
  for (const c of out) {
    c.spikeDays = spikes.filter((s) => s.dimension === "service" && s.value === c.service).flatMap((s) => s.days);
    c.spikeDays = [...new Set(c.spikeDays)].sort();
  }
  return out;
}
