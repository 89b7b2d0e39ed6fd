/**
 * Carbon read models: CO2e by month, service, region and pipeline (location- and market-based,
 * embodied apart), and coverage (share of cost with a physical estimate, a proxy, excluded or
 * not estimated yet), for a period. Written against drizzle's common SQLite type and awaited,
 * so they serve better-sqlite3 and D1 alike.
 */
import { type SQL, sql } from "drizzle-orm";
import { coverageFromSums } from "../../carbon/coverage";
import type { CarbonCoverage, Month, Period } from "../../model";
import { readDb, type Store } from "../store";
import { type CostFilters, coverageSums, rollupSource } from "./costs";

export interface CarbonTotalsRow {
  energyKwh: number;
  co2eGrams: number;
  /** The location-based range: sums of the footprints' low and high estimates. */
  co2eGramsLow: number;
  co2eGramsHigh: number;
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

/*
 * Read from the daily and monthly rollups (src/store/cost-rollup.ts), so a year's view sums
 * rollup rows, never every line. `costUsd` is the selection's whole cost.
 */
const FIGURES = sql`service, region, pipeline, energy_kwh AS e, co2e_grams AS g, market_co2e_grams AS m,
  embodied_co2e_grams AS b, unblended_cost_usd AS c, co2e_grams_low AS gl, co2e_grams_high AS gh`;

const SUMS = sql`total(e) AS energyKwh, total(g) AS co2eGrams, total(m) AS marketCo2eGrams,
  total(b) AS embodiedCo2eGrams, total(c) AS costUsd, total(gl) AS co2eGramsLow, total(gh) AS co2eGramsHigh`;

/** The period's rollup rows: whole months from cost_monthly, the ragged ends from cost_daily. */
async function fromRollups<T>(store: Store, period: Period, select: SQL, tail: SQL): Promise<T[]> {
  const db = readDb(store);
  const source = rollupSource(
    sql`substr(day, 1, 7) AS month, ${FIGURES}`,
    period,
    undefined,
    false,
    sql`month, ${FIGURES}`,
  );
  return db.all<T>(sql`SELECT ${select} FROM (${source}) ${tail}`);
}

function numbers<T extends CarbonTotalsRow>(row: T): T {
  return {
    ...row,
    energyKwh: Number(row.energyKwh ?? 0),
    co2eGrams: Number(row.co2eGrams ?? 0),
    co2eGramsLow: Number(row.co2eGramsLow ?? 0),
    co2eGramsHigh: Number(row.co2eGramsHigh ?? 0),
    marketCo2eGrams: Number(row.marketCo2eGrams ?? 0),
    embodiedCo2eGrams: Number(row.embodiedCo2eGrams ?? 0),
    costUsd: Number(row.costUsd ?? 0),
  };
}

export async function carbonByMonth(store: Store, period: Period): Promise<CarbonMonthRow[]> {
  const rows = await fromRollups<CarbonMonthRow>(
    store,
    period,
    sql`month, ${SUMS}`,
    sql`GROUP BY month ORDER BY month`,
  );
  return rows.map(numbers);
}

/** Totals per service, region or pipeline, largest location-based CO2e first. */
export async function carbonBy(store: Store, period: Period, dimension: CarbonDimension): Promise<CarbonGroupRow[]> {
  const key = sql.raw(dimension);
  const rows = await fromRollups<CarbonGroupRow>(
    store,
    period,
    sql`${key} AS key, ${SUMS}`,
    sql`GROUP BY ${key} ORDER BY co2eGrams DESC, key ASC`,
  );
  return rows.map(numbers);
}

/** The whole period's totals. */
/** Totals of nothing: the start of a sum, or a period without lines. */
export const emptyCarbonTotals = (): CarbonTotalsRow => ({
  energyKwh: 0,
  co2eGrams: 0,
  co2eGramsLow: 0,
  co2eGramsHigh: 0,
  marketCo2eGrams: 0,
  embodiedCo2eGrams: 0,
  costUsd: 0,
});

export async function carbonTotals(store: Store, period: Period): Promise<CarbonTotalsRow> {
  const [row] = await fromRollups<CarbonTotalsRow>(store, period, SUMS, sql``);
  return numbers(row ?? emptyCarbonTotals());
}

/**
 * Coverage of the period's cost (optionally filtered), costs as absolute values (see
 * CarbonCoverage); read from the daily and monthly rollups, not from every line.
 */
export async function carbonCoverage(store: Store, period: Period, filters?: CostFilters): Promise<CarbonCoverage> {
  return coverageFromSums(await coverageSums(readDb(store), period, filters));
}
