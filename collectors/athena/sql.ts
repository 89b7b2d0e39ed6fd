/**
 * The SQL Cairn sends to Athena, kept to what Trino and DuckDB (the tests' stand-in) both run.
 *
 * Every query reads the FOCUS export through its billing-period partitions. Athena bills the
 * bytes of the partitions a query reads, so a query without the filter would read (and bill) the
 * whole export, every month of it. A `PartitionedQuery` is therefore the only thing the query
 * runner accepts, and the only way to make one is `partitionedQuery`, which refuses an empty or
 * malformed list of periods and a query text that does not carry their filter.
 */
import type { Month } from "../../src/model";
import { type FocusTable, PARTITION_COLUMN } from "./table-schema";

export class UnpartitionedQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnpartitionedQueryError";
  }
}

export { PARTITION_COLUMN };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The partition filter for `periods`, as it must appear in the query's WHERE clause. */
export function partitionFilter(periods: readonly Month[]): string {
  return `${PARTITION_COLUMN} IN (${periods.map((p) => `'${p}'`).join(", ")})`;
}

/**
 * A query over the billing periods named. `build` receives the partition filter and must put it
 * in the WHERE clause of the export's scan; a text without it is refused before anything is sent.
 * The private field makes the type nominal: a look-alike object literal is not a PartitionedQuery
 * to the compiler, and the runner checks `instanceof` at run time too.
 */
export class PartitionedQuery {
  /** The billing periods (`YYYY-MM`) the query reads, sorted, without repeats. */
  readonly periods: readonly Month[];
  readonly text: string;
  readonly #checked = true;

  constructor(periods: readonly Month[], build: (filter: string) => string) {
    if (periods.length === 0) {
      throw new UnpartitionedQueryError("an Athena query must name at least one billing period");
    }
    for (const p of periods) {
      if (!MONTH.test(p)) throw new UnpartitionedQueryError(`not a billing period (YYYY-MM): ${JSON.stringify(p)}`);
    }
    const sorted = [...new Set(periods)].sort();
    const filter = partitionFilter(sorted);
    const text = build(filter);
    if (!new RegExp(`\\bWHERE\\s+${filter.replace(/[()]/g, "\\$&")}`).test(text)) {
      throw new UnpartitionedQueryError(`the query text does not filter on its billing periods (WHERE ${filter})`);
    }
    this.text = text;
    this.periods = sorted;
  }

  /** Whether `q` was built by the constructor (and so carries its partition filter). */
  static isChecked(q: unknown): q is PartitionedQuery {
    return typeof q === "object" && q !== null && #checked in q;
  }
}

export function partitionedQuery(periods: readonly Month[], build: (filter: string) => string): PartitionedQuery {
  return new PartitionedQuery(periods, build);
}

export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * A tag's value from the FOCUS tags map (`key`, else `user:key`, as the local import reads it),
 * NULL when absent. Trino's `map[k]` fails on a missing key, hence the `contains` guard.
 */
export function tagSql(tags: string, key: string): string {
  const k = sqlString(key);
  const uk = sqlString(`user:${key}`);
  return `coalesce(CASE WHEN contains(map_keys(${tags}), ${k}) THEN ${tags}[${k}] END,
    CASE WHEN contains(map_keys(${tags}), ${uk}) THEN ${tags}[${uk}] END)`;
}

/** The UTC day (`YYYY-MM-DD`) of a timestamp column: Trino and DuckDB both print timestamps ISO-like. */
export const daySql = (column: string) => `substr(CAST(${column} AS varchar), 1, 10)`;

/**
 * The columns of the grouped answers, as the FOCUS column each one stands for: Cairn reads each
 * result row through the import's own parser (collectors/focus/parse-charge.ts), so service
 * names, regions, accounts, usage types and pipelines come out exactly as a local import's.
 */
export const COST_LINE_COLUMNS = {
  billing_account_id: "BillingAccountId",
  billing_period_start: "BillingPeriodStart",
  charge_day: "ChargePeriodStart",
  provider: "ProviderName",
  currency: "BillingCurrency",
  sub_account_id: "SubAccountId",
  service_name: "ServiceName",
  service_code: "x_ServiceCode",
  charge_category: "ChargeCategory",
  charge_class: "ChargeClass",
  region_id: "RegionId",
  usage_type: "x_UsageType",
  sku_meter: "SkuMeter",
  charge_description: "ChargeDescription",
  consumed_unit: "ConsumedUnit",
} as const;

const blank = (column: string) => `(${column} IS NULL OR trim(${column}) = '')`;

/**
 * The grouped columns every answer carries (the charge day, then what the import's mapping
 * reads) and how many there are, for the GROUP BY. The charge description is only kept where
 * neither usage type column says anything (FOCUS files without AWS's columns), so it does not
 * multiply the groups.
 */
function chargeColumns(t: FocusTable, pipelineTag: string): { sql: string; count: number } {
  const c = t.col;
  const sql = `${daySql(c.ChargePeriodStart)} AS charge_day, ${c.BillingAccountId} AS billing_account_id,
  ${daySql(c.BillingPeriodStart)} AS billing_period_start, ${c.ProviderName} AS provider,
  ${c.BillingCurrency} AS currency, ${c.SubAccountId} AS sub_account_id, ${c.ServiceName} AS service_name,
  ${c.x_ServiceCode} AS service_code, ${c.ChargeCategory} AS charge_category, ${c.ChargeClass} AS charge_class,
  ${c.RegionId} AS region_id, ${c.x_UsageType} AS usage_type, ${c.SkuMeter} AS sku_meter,
  CASE WHEN ${blank(c.x_UsageType)} AND ${blank(c.SkuMeter)} THEN ${c.ChargeDescription} END AS charge_description,
  ${c.ConsumedUnit} AS consumed_unit, ${tagSql(c.Tags, pipelineTag)} AS pipeline`;
  return { sql, count: 16 };
}

const sums = (t: FocusTable) => `sum(${t.col.BilledCost}) AS billed_cost, sum(${t.col.EffectiveCost}) AS effective_cost,
  sum(${t.col.ConsumedQuantity}) AS consumed_quantity, count(*) AS row_count`;

/** Rows the import would refuse (no cost, no date, no billing account, no provider) are left out, as it skips them. */
const readable = (t: FocusTable) => `${t.col.BilledCost} IS NOT NULL AND ${t.col.EffectiveCost} IS NOT NULL
  AND ${t.col.ChargePeriodStart} IS NOT NULL AND ${t.col.BillingPeriodStart} IS NOT NULL
  AND ${t.col.BillingAccountId} IS NOT NULL AND ${t.col.ProviderName} IS NOT NULL`;

const named = (t: FocusTable) => `${t.col.ResourceId} IS NOT NULL AND ${t.col.ResourceId} <> ''`;

const groupBy = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from + i)).join(", ");

/**
 * One billing period's FOCUS rows grouped by day and everything the import's mapping reads, with
 * their sums: a few thousand rows for a small organisation's month, whatever the export's row count.
 */
export function costLinesQuery(t: FocusTable, pipelineTag: string, period: Month): PartitionedQuery {
  const cols = chargeColumns(t, pipelineTag);
  return partitionedQuery(
    [period],
    (filter) => `SELECT ${cols.sql},
  ${sums(t)}
FROM ${t.ref}
WHERE ${filter} AND ${readable(t)}
GROUP BY ${groupBy(1, cols.count)}`,
  );
}

export interface ResourceViewArgs {
  pipelineTag: string;
  /** Days [from, to) of the view; the billing periods read are the months they overlap. */
  from: string;
  to: string;
}

/** The billing periods (months) days [from, to) overlap. */
export function periodsOf(from: string, to: string): Month[] {
  const out: Month[] = [];
  let [y, m] = from.slice(0, 7).split("-").map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    if (`${month}-01` >= to) break;
    out.push(month);
    m += 1;
    if (m === 13) [y, m] = [y + 1, 1];
  }
  return out;
}

const inDays = (t: FocusTable, from: string, to: string) =>
  `${daySql(t.col.ChargePeriodStart)} >= ${sqlString(from)} AND ${daySql(t.col.ChargePeriodStart)} < ${sqlString(to)}`;

/** The grouped columns after the charge day (chargeColumns' aliases), for an outer query over its groups. */
const KEY_ALIASES = [
  "billing_account_id",
  "billing_period_start",
  "provider",
  "currency",
  "sub_account_id",
  "service_name",
  "service_code",
  "charge_category",
  "charge_class",
  "region_id",
  "usage_type",
  "sku_meter",
  "charge_description",
  "consumed_unit",
  "pipeline",
] as const;

/**
 * Each resource's rows over days [from, to), summed per month and per everything the import's
 * mapping reads (so Cairn names services, regions and pipelines as the import does), with the
 * resource's name and type, and each group's days with their sums as JSON arrays in day order
 * (`days`, `day_billed`, `day_effective`, `day_quantity`): each day takes its share of that day's
 * stored footprint, as the local resource lines take theirs, while the answer keeps one row per
 * resource, key and month (its pages do not grow thirty-fold with per-day rows). For the
 * Resources views of periods not kept locally.
 */
export function resourceDaysQuery(t: FocusTable, a: ResourceViewArgs): PartitionedQuery {
  const cols = chargeColumns(t, a.pipelineTag);
  const keys = KEY_ALIASES.join(", ");
  const inDayOrder = (column: string) => `CAST(array_agg(${column} ORDER BY charge_day) AS JSON)`;
  return partitionedQuery(
    periodsOf(a.from, a.to),
    (filter) => `SELECT resource_id, ${keys}, substr(charge_day, 1, 7) AS charge_month,
  max(resource_name) AS resource_name, max(resource_type) AS resource_type,
  sum(billed_cost) AS billed_cost, sum(effective_cost) AS effective_cost, sum(consumed_quantity) AS consumed_quantity,
  sum(row_count) AS row_count, ${inDayOrder("charge_day")} AS days, ${inDayOrder("billed_cost")} AS day_billed,
  ${inDayOrder("effective_cost")} AS day_effective, ${inDayOrder("consumed_quantity")} AS day_quantity
FROM (SELECT ${t.col.ResourceId} AS resource_id, ${cols.sql},
  max(${t.col.ResourceName}) AS resource_name, max(${t.col.ResourceType}) AS resource_type,
  ${sums(t)}
FROM ${t.ref}
WHERE ${filter} AND ${named(t)} AND ${readable(t)} AND ${inDays(t, a.from, a.to)}
GROUP BY ${groupBy(1, cols.count + 1)}) AS per_day
GROUP BY ${groupBy(1, KEY_ALIASES.length + 2)}`,
  );
}

/**
 * One resource's rows over days [from, to), as resourceDaysQuery groups them, with the tags of
 * each group's latest row (as JSON text): the resource's page.
 */
export function resourceDetailQuery(t: FocusTable, a: ResourceViewArgs & { resourceId: string }): PartitionedQuery {
  const cols = chargeColumns(t, a.pipelineTag);
  return partitionedQuery(
    periodsOf(a.from, a.to),
    (filter) => `SELECT ${cols.sql},
  max(${t.col.ResourceName}) AS resource_name, max(${t.col.ResourceType}) AS resource_type,
  CAST(max_by(${t.col.Tags}, ${t.col.ChargePeriodStart}) AS JSON) AS tags,
  ${sums(t)}
FROM ${t.ref}
WHERE ${filter} AND ${t.col.ResourceId} = ${sqlString(a.resourceId)} AND ${readable(t)} AND ${inDays(t, a.from, a.to)}
GROUP BY ${groupBy(1, cols.count)}`,
  );
}

/**
 * Each resource's first and last billed day over the billing periods `periods` (the view's, with
 * the one before and the one after), per provider (only AWS's count, as the import keeps only
 * AWS's resource lines): what says which resources appeared or went in the view.
 */
export function resourceSpanQuery(t: FocusTable, periods: readonly Month[]): PartitionedQuery {
  return partitionedQuery(
    periods,
    (filter) => `SELECT ${t.col.ResourceId} AS resource_id, ${t.col.ProviderName} AS provider,
  min(${daySql(t.col.ChargePeriodStart)}) AS first_day, max(${daySql(t.col.ChargePeriodStart)}) AS last_day
FROM ${t.ref}
WHERE ${filter} AND ${named(t)} AND ${readable(t)}
GROUP BY 1, 2`,
  );
}
