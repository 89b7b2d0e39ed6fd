/**
 * Carbon read models: CO2e by month, service, region and pipeline (location- and market-based,
 * embodied apart), and coverage (share of cost with a physical estimate, a proxy, excluded or
 * not estimated yet), for a period. Written against drizzle's common SQLite type and awaited,
 * so they serve better-sqlite3 and D1 alike.
 */
import { and, desc, gte, lt, sql } from "drizzle-orm";
import type { CarbonCoverage, Month, Period } from "../../model";
import { costLines, footprints } from "../schema/index";
import { readDb, type Store } from "../store";
import { type CostFilters, coverageSums } from "./costs";

export interface CarbonTotalsRow {
  energyKwh: number;
  co2eGrams: number;
  marketCo2eGrams: number;
  embodiedCo2eGrams: number;
  costUsd: number;
}

export interface CarbonMonthRow extends CarbonTotalsRow {
  month: Month;
}

export interface CarbonGroupRow extends CarbonTotalsRow {
  key: string;
}

export type CarbonDimension = "service" | "region" | "pipeline";

const totals = {
  energyKwh: sql<number>`coalesce(sum(${footprints.energyKwh}), 0)`,
  co2eGrams: sql<number>`coalesce(sum(${footprints.co2eGrams}), 0)`,
  marketCo2eGrams: sql<number>`coalesce(sum(${footprints.marketCo2eGrams}), 0)`,
  embodiedCo2eGrams: sql<number>`coalesce(sum(${footprints.embodiedCo2eGrams}), 0)`,
  costUsd: sql<number>`coalesce(sum(${costLines.unblendedCostUsd}), 0)`,
};

function inPeriod(period: Period) {
  return and(gte(costLines.day, period.from), lt(costLines.day, period.to));
}

function numbers<T extends CarbonTotalsRow>(row: T): T {
  return {
    ...row,
    energyKwh: Number(row.energyKwh),
    co2eGrams: Number(row.co2eGrams),
    marketCo2eGrams: Number(row.marketCo2eGrams),
    embodiedCo2eGrams: Number(row.embodiedCo2eGrams),
    costUsd: Number(row.costUsd),
  };
}

export async function carbonByMonth(store: Store, period: Period): Promise<CarbonMonthRow[]> {
  const month = sql<string>`substr(${costLines.day}, 1, 7)`;
  const rows = await readDb(store)
    .select({ month, ...totals })
    .from(costLines)
    .innerJoin(footprints, sql`${footprints.costLineId} = ${costLines.id}`)
    .where(inPeriod(period))
    .groupBy(month)
    .orderBy(month);
  return rows.map(numbers);
}

const DIMENSION_COLUMNS = {
  service: costLines.service,
  region: costLines.region,
  pipeline: costLines.pipeline,
} as const;

/** Totals per service, region or pipeline, largest location-based CO2e first. */
export async function carbonBy(store: Store, period: Period, dimension: CarbonDimension): Promise<CarbonGroupRow[]> {
  const column = DIMENSION_COLUMNS[dimension];
  const rows = await readDb(store)
    .select({ key: column, ...totals })
    .from(costLines)
    .innerJoin(footprints, sql`${footprints.costLineId} = ${costLines.id}`)
    .where(inPeriod(period))
    .groupBy(column)
    .orderBy(desc(totals.co2eGrams), column);
  return rows.map(numbers);
}

/** The whole period's totals. */
export async function carbonTotals(store: Store, period: Period): Promise<CarbonTotalsRow> {
  const rows = await readDb(store)
    .select(totals)
    .from(costLines)
    .innerJoin(footprints, sql`${footprints.costLineId} = ${costLines.id}`)
    .where(inPeriod(period));
  return numbers(rows[0] ?? { energyKwh: 0, co2eGrams: 0, marketCo2eGrams: 0, embodiedCo2eGrams: 0, costUsd: 0 });
}

/**
 * Coverage of the period's cost (optionally filtered), costs as absolute values (see
 * CarbonCoverage); read from the daily and monthly rollups, not from every line.
 */
export async function carbonCoverage(store: Store, period: Period, filters?: CostFilters): Promise<CarbonCoverage> {
  const sums = await coverageSums(readDb(store), period, filters);
  const total = sums.physical + sums.proxy + sums.excluded + sums.unestimated;
  const share = (x: number) => (total > 0 ? x / total : 0);
  const included = total - sums.excluded;
  return {
    totalCostUsd: total,
    physicalCostUsd: sums.physical,
    proxyCostUsd: sums.proxy,
    excludedCostUsd: sums.excluded,
    unestimatedCostUsd: sums.unestimated,
    physicalShare: share(sums.physical),
    proxyShare: share(sums.proxy),
    excludedShare: share(sums.excluded),
    unestimatedShare: share(sums.unestimated),
    physicalShareOfIncluded: included > 0 ? sums.physical / included : 0,
  };
}
