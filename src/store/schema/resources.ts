/**
 * Resource lines: the cost lines of each resource, per day. An export (billing account x billing
 * period) owns its rows, as in `import_lines`, so a newer export of a month replaces exactly its
 * own contribution. `resource_months` is the rollup the Resources page reads (one row per month,
 * resource and pipeline), rebuilt for the months an import touches; `resources` keeps each
 * resource's name, type, tags and the first and last day it was billed.
 * `resource_line_staging` holds what an import has read so far (appended in partial sums), so its
 * memory stays bounded:
 * rows of a run that fails are deleted, and nothing reads them.
 * `athena_queries` records every Athena query (bytes scanned and their cost, for the monthly cap)
 * and `athena_cache` keeps the answers of on-demand resource views.
 */
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

function lineColumns() {
  return {
    billingAccountId: text("billing_account_id").notNull(),
    billingPeriod: text("billing_period").notNull(),
    day: text("day").notNull(),
    resourceId: text("resource_id").notNull(),
    accountId: text("account_id").notNull(),
    service: text("service").notNull(),
    region: text("region").notNull(),
    usageType: text("usage_type").notNull(),
    pipeline: text("pipeline").notNull(),
    usageUnit: text("usage_unit").notNull(),
    unblendedCostUsd: real("unblended_cost_usd").notNull(),
    amortizedCostUsd: real("amortized_cost_usd").notNull(),
    usageAmount: real("usage_amount").notNull(),
  };
}

export const resourceLines = sqliteTable(
  "resource_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ...lineColumns(),
    /** `focus` (local import) or `athena`. */
    source: text("source").notNull(),
    energyKwh: real("energy_kwh").notNull(),
    /** Location-based operational CO2e plus the embodied share, as on the pages. */
    co2eGrams: real("co2e_grams").notNull(),
  },
  (t) => [
    index("resource_lines_export").on(t.billingAccountId, t.billingPeriod),
    index("resource_lines_resource_day").on(t.resourceId, t.day),
    index("resource_lines_day").on(t.day),
  ],
);

export const resourceLineStaging = sqliteTable(
  "resource_line_staging",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id").notNull(),
    ...lineColumns(),
  },
  // Appended, never looked up by key: summed by a GROUP BY when the import writes.
  (t) => [index("resource_line_staging_run").on(t.runId, t.billingAccountId, t.billingPeriod)],
);

export const resources = sqliteTable(
  "resources",
  {
    resourceId: text("resource_id").primaryKey(),
    accountId: text("account_id").notNull(),
    name: text("name").notNull(),
    type: text("type").notNull(),
    service: text("service").notNull(),
    region: text("region").notNull(),
    /** The resource's tags as last exported (a JSON object). */
    tags: text("tags").notNull(),
    firstDay: text("first_day"),
    lastDay: text("last_day"),
  },
  (t) => [index("resources_first_day").on(t.firstDay), index("resources_last_day").on(t.lastDay)],
);

export const resourceMonths = sqliteTable(
  "resource_months",
  {
    month: text("month").notNull(),
    resourceId: text("resource_id").notNull(),
    pipeline: text("pipeline").notNull(),
    accountId: text("account_id").notNull(),
    service: text("service").notNull(),
    unblendedCostUsd: real("unblended_cost_usd").notNull(),
    amortizedCostUsd: real("amortized_cost_usd").notNull(),
    co2eGrams: real("co2e_grams").notNull(),
    firstDay: text("first_day").notNull(),
    lastDay: text("last_day").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.resourceId, t.pipeline] }),
    index("resource_months_cost").on(t.month, t.unblendedCostUsd),
    index("resource_months_resource").on(t.resourceId, t.month),
  ],
);

export const athenaQueries = sqliteTable(
  "athena_queries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    queryExecutionId: text("query_execution_id"),
    /** `cost-lines` (collection) or `resources` (an on-demand view). */
    purpose: text("purpose").notNull(),
    /** Billing periods the query names, comma-separated. */
    billingPeriods: text("billing_periods").notNull(),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at"),
    /** QUEUED/RUNNING while waiting, then SUCCEEDED, FAILED, CANCELLED or REFUSED (the cap). */
    state: text("state").notNull(),
    bytesScanned: integer("bytes_scanned").notNull().default(0),
    costUsd: real("cost_usd").notNull().default(0),
    error: text("error"),
  },
  (t) => [index("athena_queries_started").on(t.startedAt)],
);

export const athenaCache = sqliteTable("athena_cache", {
  key: text("key").primaryKey(),
  billingPeriods: text("billing_periods").notNull(),
  createdAt: text("created_at").notNull(),
  /** The answer, as JSON. */
  payload: text("payload").notNull(),
});
