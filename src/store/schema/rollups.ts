/**
 * The daily cost rollup the dashboard reads: one row per day, account, service, region,
 * pipeline and source (usage types folded together), so a year's view sums tens of thousands of rows, not
 * a million lines. Triggers on cost_lines and footprints mark touched days in
 * `cost_rollup_dirty` (a cheap insert-or-ignore); `refreshCostRollup` recomputes those days
 * before a read. Marking instead of summing in triggers keeps bulk writes fast.
 */
import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** The dimensions and figures both rollups keep (fresh builders for each table). */
function rollupColumns() {
  return {
    accountId: text("account_id").notNull(),
    service: text("service").notNull(),
    region: text("region").notNull(),
    pipeline: text("pipeline").notNull(),
    /** Where the lines came from (`CostSource`): collected and imported figures stay apart. */
    source: text("source").notNull(),
    unblendedCostUsd: real("unblended_cost_usd").notNull(),
    amortizedCostUsd: real("amortized_cost_usd").notNull(),
    /** Location-based CO2e of the lines that have a footprint. */
    co2eGrams: real("co2e_grams").notNull(),
    marketCo2eGrams: real("market_co2e_grams").notNull(),
    energyKwh: real("energy_kwh").notNull(),
    lines: integer("lines").notNull(),
    /** Manufacturing share (scope 3), kept apart from the energy's CO2e. */
    embodiedCo2eGrams: real("embodied_co2e_grams").notNull().default(0),
    /** Carbon coverage: absolute cost by how its footprint was obtained (physical, proxy...). */
    physicalAbsUsd: real("physical_abs_usd").notNull().default(0),
    proxyAbsUsd: real("proxy_abs_usd").notNull().default(0),
    excludedAbsUsd: real("excluded_abs_usd").notNull().default(0),
    unestimatedAbsUsd: real("unestimated_abs_usd").notNull().default(0),
    /** The location-based CO2e range (sums of the footprints' low and high). */
    co2eGramsLow: real("co2e_grams_low").notNull().default(0),
    co2eGramsHigh: real("co2e_grams_high").notNull().default(0),
  };
}

export const costDaily = sqliteTable(
  "cost_daily",
  {
    day: text("day").notNull(),
    ...rollupColumns(),
  },
  (t) => [primaryKey({ columns: [t.day, t.accountId, t.service, t.region, t.pipeline, t.source] })],
);

/** Days whose lines or footprints changed since the rollup was last refreshed. */
export const costRollupDirty = sqliteTable("cost_rollup_dirty", {
  day: text("day").primaryKey(),
});

/**
 * The same figures by calendar month, recomputed from `cost_daily` for the months of marked
 * days: a year's view reads whole months here and only its ragged ends by day.
 */
export const costMonthly = sqliteTable(
  "cost_monthly",
  {
    month: text("month").notNull(),
    ...rollupColumns(),
  },
  (t) => [primaryKey({ columns: [t.month, t.accountId, t.service, t.region, t.pipeline, t.source] })],
);
