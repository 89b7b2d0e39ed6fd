/**
 * The SQL Cairn sends to Athena, kept to what Trino and DuckDB (the tests' stand-in) both run.
 * Every query reads the FOCUS export through its billing-period partitions: an `AthenaSql` can
 * only be made here, by `partitionedQuery`, which refuses an empty or malformed list of periods
 * and a query text that does not carry their filter. Athena bills the bytes of the partitions
 * read, so a query without the filter would read (and bill) the whole export.
 */
import type { Day, Month } from "../../src/model";

declare const made: unique symbol;

export interface AthenaSql {
  readonly text: string;
  /** The billing periods (`YYYY-MM`) the query reads. */
  readonly periods: readonly Month[];
  readonly [made]: true;
}

export class UnpartitionedQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnpartitionedQueryError";
  }
}

/** The export's partition column (AWS writes `BILLING_PERIOD=YYYY-MM` folders). */
export const PARTITION_COLUMN = "billing_period";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function partitionedQuery(periods: readonly Month[], build: (partitionFilter: string) => string): AthenaSql {
  if (periods.length === 0) throw new UnpartitionedQueryError("an Athena query must name at least one billing period");
  for (const p of periods) {
    if (!MONTH.test(p)) throw new UnpartitionedQueryError(`not a billing period (YYYY-MM): ${JSON.stringify(p)}`);
  }
  const sorted = [...new Set(periods)].sort();
  const filter = `${PARTITION_COLUMN} IN (${sorted.map((p) => `'${p}'`).join(", ")})`;
  const text = build(filter);
  if (!text.includes(filter))
    throw new UnpartitionedQueryError("the query text does not filter on its billing periods");
  return { text, periods: sorted } as unknown as AthenaSql;
}

/** A Glue `database.table`, quoted; refuses anything else (it is spliced into SQL). */
export function tableRef(table: string): string {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(table);
  if (!m)
    throw new Error(`CAIRN_ATHENA_TABLE must be database.table (letters, digits, _), got ${JSON.stringify(table)}`);
  return `"${m[1]}"."${m[2]}"`;
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A tag's value from the FOCUS `tags` map, '' when absent (Trino's `map[k]` fails on a missing key). */
function tag(key: string): string {
  const k = quote(key);
  const uk = quote(`user:${key}`);
  return `coalesce(CASE WHEN contains(map_keys(tags), ${k}) THEN tags[${k}] END,
    CASE WHEN contains(map_keys(tags), ${uk}) THEN tags[${uk}] END, '')`;
}

/** The same mapping as the local import (collectors/focus/parse-charge.ts). */
function dimensions(pipelineTag: string): string {
  return `substr(CAST(chargeperiodstart AS varchar), 1, 10) AS day,
    coalesce(subaccountid, billingaccountid) AS account_id,
    coalesce(servicename, chargecategory, 'Usage') AS service,
    coalesce(regionid, 'global') AS region,
    coalesce(x_usagetype, CASE WHEN chargecategory = 'Usage' OR chargecategory IS NULL THEN chargedescription END,
      chargecategory, 'Usage') AS usage_type,
    ${tag(pipelineTag)} AS pipeline`;
}

const AWS_ROWS = "lower(providername) IN ('aws', 'amazon web services', 'amazon web services, inc.')";

/**
 * One billing period's FOCUS rows summed to Cairn's cost-line key, per export (billing account
 * and period): what a local import of the same files would store.
 */
export function costLinesQuery(table: string, pipelineTag: string, period: Month): AthenaSql {
  return partitionedQuery(
    [period],
    (filter) => `SELECT billingaccountid AS billing_account_id, ${PARTITION_COLUMN} AS billing_period, day, account_id,
  service, region, usage_type, pipeline, max(usage_unit) AS usage_unit,
  sum(billedcost) AS unblended_cost_usd, sum(effectivecost) AS amortized_cost_usd,
  sum(usage_amount) AS usage_amount, count(*) AS row_count
FROM (SELECT billingaccountid, ${PARTITION_COLUMN}, billedcost, effectivecost,
    coalesce(consumedquantity, 0) AS usage_amount, coalesce(consumedunit, '') AS usage_unit, ${dimensions(pipelineTag)}
  FROM ${tableRef(table)} WHERE ${filter} AND ${AWS_ROWS}) t
GROUP BY billingaccountid, ${PARTITION_COLUMN}, day, account_id, service, region, usage_type, pipeline
ORDER BY billing_account_id, day, account_id, service, region, usage_type, pipeline`,
  );
}

export interface TopResourcesArgs {
  table: string;
  pipelineTag: string;
  from: Day;
  to: Day;
  periods: readonly Month[];
  pipeline?: string;
  limit: number;
}

/** Resources ranked by cost over days [from, to) of the periods named (CO2e is added by Cairn). */
export function topResourcesQuery(a: TopResourcesArgs): AthenaSql {
  const pipe = a.pipeline === undefined ? "" : ` AND pipeline = ${quote(a.pipeline)}`;
  return partitionedQuery(
    a.periods,
    (filter) => `SELECT resource_id, max(resource_name) AS resource_name, max(resource_type) AS resource_type,
  max(service) AS service, max(account_id) AS account_id, max(region) AS region,
  sum(billedcost) AS cost, sum(effectivecost) AS amortized
FROM (SELECT resourceid AS resource_id, coalesce(resourcename, '') AS resource_name,
    coalesce(resourcetype, '') AS resource_type, billedcost, effectivecost, ${dimensions(a.pipelineTag)}
  FROM ${tableRef(a.table)} WHERE ${filter} AND ${AWS_ROWS} AND resourceid IS NOT NULL AND resourceid <> '') t
WHERE day >= ${quote(a.from)} AND day < ${quote(a.to)}${pipe}
GROUP BY resource_id
ORDER BY cost DESC, resource_id
LIMIT ${Math.max(1, Math.floor(a.limit))}`,
  );
}
