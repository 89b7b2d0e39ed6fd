/** What the weekly budget report says; amounts in the display currency unless a budget's own. */
import type { AnomalyAlertFacts } from "../../src/analysis/alert-rules/alert";
import type { BudgetStatus } from "../../src/analysis/budget-status";
import type { Freshness } from "../../src/analysis/freshness";
import type { PeriodFacts } from "../../src/analysis/period-facts";
import type { Currency, Day, Month } from "../../src/model";

export interface WeekRow {
  key: string;
  cost: number;
  previous: number;
}

export interface Mover extends WeekRow {
  dimension: "service" | "pipeline";
  delta: number;
  /** The usage type that moved most within the service, with its change. */
  usageType: string | null;
  usageDelta: number | null;
}

export interface WeeklyFacts {
  /** Monday of the reported week; the week runs to the next Monday (exclusive). */
  week: Day;
  today: Day;
  /** The one data day every table and figure of the report runs to (included). */
  dataDay: Day;
  month: Month;
  currency: Currency;
  missingRate: boolean;
  missingMonths: Month[];
  /** The month's facts (src/analysis/period-facts.ts) as of `dataDay`. */
  period: PeriodFacts;
  total: number;
  previousTotal: number;
  monthToDate: number;
  /** Month-end forecast of all spend, with where it came from; null when none can be made. */
  forecast: { amount: number; source: "aws" | "cairn" } | null;
  budgets: BudgetStatus[];
  byPipeline: WeekRow[];
  byService: WeekRow[];
  movers: Mover[];
  anomalies: AnomalyAlertFacts[];
  co2eGrams: number;
  previousCo2eGrams: number;
  /** Set with CAIRN_CARBON_CALIBRATION=aws: the share of the week's CO2e that is AWS's figure. */
  calibratedShare?: number | null;
  freshness: Freshness;
  lastDataDay: Day | null;
  /** Cairn's own requests: this week and this month so far. */
  apiWeek: { api: string; units: number; cost: number }[];
  apiMonthCost: number;
  /** Daily display amounts by service, the two weeks, for the chart. */
  dailyByService: { day: Day; key: string; costUsd: number }[];
  /** Display amounts per day of the month so far, for the cumulative chart. */
  monthDaily: { day: Day; amount: number }[];
  overallBudget: number | null;
}

/** The largest changes between the two weeks, services first considered, largest first. */
export function pickMovers(
  services: readonly WeekRow[],
  max = 3,
  minDelta = 1,
): Omit<Mover, "usageType" | "usageDelta">[] {
  return services
    .map((r) => ({ ...r, dimension: "service" as const, delta: r.cost - r.previous }))
    .filter((r) => Math.abs(r.delta) >= minDelta)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.key.localeCompare(b.key))
    .slice(0, max);
}
