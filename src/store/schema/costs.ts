/** Cost lines and their footprints: the facts every view is built from. */
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const costLines = sqliteTable(
  "cost_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    day: text("day").notNull(),
    accountId: text("account_id").notNull(),
    service: text("service").notNull(),
    region: text("region").notNull(),
    usageType: text("usage_type").notNull(),
    pipeline: text("pipeline").notNull().default(""),
    unblendedCostUsd: real("unblended_cost_usd").notNull(),
    amortizedCostUsd: real("amortized_cost_usd").notNull(),
    usageAmount: real("usage_amount").notNull(),
    usageUnit: text("usage_unit").notNull(),
    estimated: integer("estimated", { mode: "boolean" }).notNull(),
    source: text("source").notNull(),
    collectedAt: text("collected_at").notNull(),
  },
  (t) => [
    // The natural key: writing the same line twice updates it in place. The source is part of
    // it, so a Cost Explorer line and a FOCUS line of the same day never overwrite each other
    // (which source counts is decided by cost_source_days, not by the last writer).
    uniqueIndex("cost_lines_natural_key").on(
      t.day,
      t.accountId,
      t.service,
      t.region,
      t.usageType,
      t.pipeline,
      t.source,
    ),
    index("cost_lines_day").on(t.day),
  ],
);

export const footprints = sqliteTable("footprints", {
  costLineId: integer("cost_line_id")
    .primaryKey()
    .references(() => costLines.id, { onDelete: "cascade" }),
  usageClass: text("usage_class").notNull(),
  method: text("method").notNull(),
  factorSet: text("factor_set").notNull(),
  energyKwh: real("energy_kwh").notNull(),
  cpuKwh: real("cpu_kwh").notNull(),
  memoryKwh: real("memory_kwh").notNull(),
  storageKwh: real("storage_kwh").notNull(),
  networkKwh: real("network_kwh").notNull(),
  gpuKwh: real("gpu_kwh").notNull(),
  co2eGrams: real("co2e_grams").notNull(),
  marketCo2eGrams: real("market_co2e_grams").notNull(),
  embodiedCo2eGrams: real("embodied_co2e_grams").notNull(),
  /** The estimate's range (Footprint: low <= central <= high); 0 on footprints written before it. */
  energyKwhLow: real("energy_kwh_low").notNull().default(0),
  energyKwhHigh: real("energy_kwh_high").notNull().default(0),
  co2eGramsLow: real("co2e_grams_low").notNull().default(0),
  co2eGramsHigh: real("co2e_grams_high").notNull().default(0),
  reason: text("reason").notNull(),
  fallback: text("fallback"),
  utilisation: real("utilisation"),
});
