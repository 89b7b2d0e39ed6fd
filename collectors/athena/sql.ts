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

export class UnpartitionedQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnpartitionedQueryError";
  }
}

/** The export's partition column (AWS writes `BILLING_PERIOD=YYYY-MM` folders; Glue lowercases it). */
export const PARTITION_COLUMN = "billing_period";

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

/** A Glue `database.table`, quoted; refuses anything else (it is spliced into SQL). */
export function tableRef(table: string): string {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(table);
  if (!m)
    throw new Error(`CAIRN_ATHENA_TABLE must be database.table (letters, digits, _), got ${JSON.stringify(table)}`);
  return `"${m[1]}"."${m[2]}"`;
}

export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * A tag's value from the FOCUS `tags` map (`key`, else `user:key`, as the local import reads it),
 * NULL when absent. Trino's `map[k]` fails on a missing key, hence the `contains` guard.
 */
export function tagSql(key: string): string {
  const k = sqlString(key);
  const uk = sqlString(`user:${key}`);
  return `coalesce(CASE WHEN contains(map_keys(tags), ${k}) THEN tags[${k}] END,
    CASE WHEN contains(map_keys(tags), ${uk}) THEN tags[${uk}] END)`;
}

/** The UTC day (`YYYY-MM-DD`) of a timestamp column: Trino and DuckDB both print timestamps ISO-like. */
export const daySql = (column: string) => `substr(CAST(${column} AS varchar), 1, 10)`;

/**
 * The columns of the cost-lines query, as the FOCUS column each one stands for: Cairn reads each
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
  charge_description: "ChargeDescription",
  consumed_unit: "ConsumedUnit",
} as const;

/**
 * One billing period's FOCUS rows grouped by everything the import's mapping reads, with their
 * sums: a few thousand rows for a small organisation's month, whatever the export's row count.
 * The charge description is only kept where the usage type is missing (FOCUS files without AWS's
 * columns), so it does not multiply the groups. Rows the import would refuse (no cost, no date,
 * no billing account, no provider) are left out, as the import skips them.
 */
export function costLinesQuery(table: string, pipelineTag: string, period: Month): PartitionedQuery {
  return partitionedQuery(
    [period],
    (filter) => `SELECT billingaccountid AS billing_account_id, ${daySql("billingperiodstart")} AS billing_period_start,
  ${daySql("chargeperiodstart")} AS charge_day, providername AS provider, billingcurrency AS currency,
  subaccountid AS sub_account_id, servicename AS service_name, x_servicecode AS service_code,
  chargecategory AS charge_category, chargeclass AS charge_class, regionid AS region_id, x_usagetype AS usage_type,
  CASE WHEN x_usagetype IS NULL OR trim(x_usagetype) = '' THEN chargedescription END AS charge_description,
  consumedunit AS consumed_unit, ${tagSql(pipelineTag)} AS pipeline,
  sum(billedcost) AS billed_cost, sum(effectivecost) AS effective_cost, sum(consumedquantity) AS consumed_quantity,
  count(*) AS row_count
FROM ${tableRef(table)}
WHERE ${filter} AND billedcost IS NOT NULL AND effectivecost IS NOT NULL AND chargeperiodstart IS NOT NULL
  AND billingperiodstart IS NOT NULL AND billingaccountid IS NOT NULL AND providername IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15`,
  );
}

export interface ResourceTotalsArgs {
  table: string;
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

/**
 * Each resource's rows over days [from, to), summed per month and per everything the import's
 * mapping reads (so Cairn names services, regions and pipelines as the import does, and gives
 * each group its share of the month's footprint), with the resource's name and type. For the
 * Resources views of periods whose resource lines are not kept locally.
 */
export function resourceTotalsQuery(a: ResourceTotalsArgs): PartitionedQuery {
  return partitionedQuery(
    periodsOf(a.from, a.to),
    (
      filter,
    ) => `SELECT resourceid AS resource_id, max(resourcename) AS resource_name, max(resourcetype) AS resource_type,
  substr(CAST(chargeperiodstart AS varchar), 1, 7) AS charge_month,
  billingaccountid AS billing_account_id, ${daySql("billingperiodstart")} AS billing_period_start,
  providername AS provider, billingcurrency AS currency, subaccountid AS sub_account_id, servicename AS service_name,
  x_servicecode AS service_code, chargecategory AS charge_category, chargeclass AS charge_class, regionid AS region_id,
  x_usagetype AS usage_type,
  CASE WHEN x_usagetype IS NULL OR trim(x_usagetype) = '' THEN chargedescription END AS charge_description,
  consumedunit AS consumed_unit, ${tagSql(a.pipelineTag)} AS pipeline,
  sum(billedcost) AS billed_cost, sum(effectivecost) AS effective_cost, sum(consumedquantity) AS consumed_quantity,
  count(*) AS row_count
FROM ${tableRef(a.table)}
WHERE ${filter} AND resourceid IS NOT NULL AND resourceid <> '' AND billedcost IS NOT NULL
  AND effectivecost IS NOT NULL AND chargeperiodstart IS NOT NULL AND billingperiodstart IS NOT NULL
  AND billingaccountid IS NOT NULL AND providername IS NOT NULL
  AND ${daySql("chargeperiodstart")} >= ${sqlString(a.from)} AND ${daySql("chargeperiodstart")} < ${sqlString(a.to)}
GROUP BY 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18`,
  );
}
