/**
 * Resource lines: what each resource cost per day, on the cost-line key (account, service,
 * region, usage type, pipeline) with the same cost fields and its share of the line's footprint.
 * FOCUS lines are owned by their export (billing account x billing period), as in
 * `import_lines`, so a newer export of a month replaces exactly its own contribution; Cost
 * Explorer lines (opt-in, `RESOURCE_ID` grouping) have an empty billing account and are replaced
 * per day and account, like its cost lines. `resource_months` is the rollup the Resources page
 * reads (one row per month, resource and pipeline; only the source counted for that day and
 * account in `cost_source_days`), rebuilt for the months a write touches. `resources` keeps each
 * resource's latest name, type and tags and the first and last day it was billed.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const resourceLines = sqliteTable(
  "resource_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The export that contributed ("" for Cost Explorer lines). */
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
    /** `focus` or `cost-explorer`: the cost line's source the footprint and precedence follow. */
    source: text("source").notNull(),
    energyKwh: real("energy_kwh").notNull().default(0),
    /** Location-based operational CO2e (embodied apart), as the carbon pages count them. */
    co2eGrams: real("co2e_grams").notNull().default(0),
    embodiedCo2eGrams: real("embodied_co2e_grams").notNull().default(0),
    /** 1 when its source is the one counted for its day and account (cost_source_days). */
    counted: integer("counted").notNull().default(0),
  },
  (t) => [
    index("resource_lines_export").on(t.billingAccountId, t.billingPeriod),
    index("resource_lines_resource_day").on(t.resourceId, t.day),
    index("resource_lines_day").on(t.day, t.accountId),
  ],
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
    /** The day the name, type and tags were read from. */
    seenOn: text("seen_on").notNull(),
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
    unblendedCostUsd: real("unblended_cost_usd").notNull(),
    amortizedCostUsd: real("amortized_cost_usd").notNull(),
    co2eGrams: real("co2e_grams").notNull(),
    /** Counted resource lines summed (so "billed in a period" survives subtracting prefixes). */
    lines: integer("lines").notNull().default(0),
    firstDay: text("first_day").notNull(),
    lastDay: text("last_day").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.resourceId, t.pipeline] }),
    index("resource_months_resource").on(t.resourceId, t.month),
    // Covers the Resources page's read of whole months and of a month's resources billed only
    // before a given day (last_day): no table lookup per row; the pipeline first, so a view of
    // one pipeline reads only its rows (so do the other covering indexes here).
    index("resource_months_covering").on(
      t.month,
      t.pipeline,
      t.resourceId,
      t.unblendedCostUsd,
      t.amortizedCostUsd,
      t.co2eGrams,
      t.lines,
      t.lastDay,
    ),
  ],
);

/**
 * Running sums within each month, per resource and pipeline, of its counted lines: the row of
 * day D holds the month's sums from its first day through D. There is one row for every day from
 * the first to the last day the resource is billed in the month (days without a line repeat the
 * sums before them), so any day's prefix is one row. A partial month [from, to) of the Resources
 * page is then the row of to-1 minus the row of from-1 (./read/resource-period-totals.ts): two
 * rows per resource whatever the number of days, instead of every line of those days.
 */
export const resourceDays = sqliteTable(
  "resource_days",
  {
    day: text("day").notNull(),
    resourceId: text("resource_id").notNull(),
    pipeline: text("pipeline").notNull(),
    cumUnblendedCostUsd: real("cum_unblended_cost_usd").notNull(),
    cumAmortizedCostUsd: real("cum_amortized_cost_usd").notNull(),
    cumCo2eGrams: real("cum_co2e_grams").notNull(),
    cumLines: integer("cum_lines").notNull(),
    /** The next day billed in the month (null after the last): where the rows of a gap end. */
    nextDay: text("next_day"),
  },
  (t) => [
    // The key covers the read of one day's prefixes (pipeline first, so a pipeline's view reads
    // only its rows). The table is WITHOUT ROWID (set in migration 0028, which drizzle cannot
    // declare): the rows live in the key's own b-tree, one write per row and no second index.
    primaryKey({ columns: [t.day, t.pipeline, t.resourceId] }),
  ],
);

/**
 * Running sums across months, per resource and pipeline, of its counted lines: the row of month
 * M holds everything from its first billed month through M, and `last_month` is the last month
 * it is billed in. One row for every month of its billed span (months without a line repeat the
 * sums before them). A run of whole months [M1, M2] is then the row of M2 minus the row before
 * M1, plus the last row of those that stopped in between (./read/resource-period-totals.ts): a
 * year reads a few rows per resource instead of twelve.
 */
export const resourceMonthSums = sqliteTable(
  "resource_month_sums",
  {
    month: text("month").notNull(),
    resourceId: text("resource_id").notNull(),
    pipeline: text("pipeline").notNull(),
    cumUnblendedCostUsd: real("cum_unblended_cost_usd").notNull(),
    cumAmortizedCostUsd: real("cum_amortized_cost_usd").notNull(),
    cumCo2eGrams: real("cum_co2e_grams").notNull(),
    cumLines: integer("cum_lines").notNull(),
    lastMonth: text("last_month").notNull(),
    /** The next month billed (null after the last): where the rows of a gap end. */
    nextMonth: text("next_month"),
  },
  (t) => [
    // The key covers the read of one month's sums; WITHOUT ROWID like resource_days (migration 0028).
    primaryKey({ columns: [t.month, t.pipeline, t.resourceId] }),
    // The last row of each resource and pipeline, by month: those that stopped within a range.
    index("resource_month_sums_last")
      .on(
        t.month,
        t.pipeline,
        t.resourceId,
        t.cumUnblendedCostUsd,
        t.cumAmortizedCostUsd,
        t.cumCo2eGrams,
        t.cumLines,
        t.lastMonth,
      )
      .where(sql`${t.month} = ${t.lastMonth}`),
    // Which resources and pipelines have sums (the rebuild's look-up).
    index("resource_month_sums_resource").on(t.resourceId, t.pipeline),
  ],
);
