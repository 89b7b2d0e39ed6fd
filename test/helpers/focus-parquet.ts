/**
 * FOCUS Parquet files laid out as an AWS export (`billing_period=YYYY-MM/part-0.parquet`),
 * written by DuckDB with the export's types (timestamps, doubles, a map of tags), for tests that
 * read the same files locally and through the Athena stand-in.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";

export interface ParquetRow {
  day: string;
  hour: number;
  billingAccountId: string;
  accountId: string;
  service: string;
  region: string;
  usageType: string;
  unit: string;
  quantity: number;
  cost: number;
  resourceId: string | null;
  resourceName: string;
  resourceType: string;
  tags: Record<string, string>;
  provider?: string;
  /** AWS's x_ServiceCode (null when absent). */
  serviceCode?: string | null;
  /** Currency of the row (USD unless said). */
  currency?: string;
  /**
   * The billing period the row is exported in, when not the month of `day`: a correction
   * (ChargeClass `Correction`) issued in a later period for a day of an earlier one.
   */
  billingPeriod?: string;
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

const periodOf = (r: ParquetRow) => r.billingPeriod ?? r.day.slice(0, 7);

function values(r: ParquetRow): string {
  const period = periodOf(r);
  const [y, m] = period.split("-").map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  const tags = Object.entries(r.tags);
  const map =
    tags.length === 0 ? "MAP()::MAP(VARCHAR, VARCHAR)" : `MAP {${tags.map(([k, v]) => `${q(k)}: ${q(v)}`).join(", ")}}`;
  const hh = String(r.hour).padStart(2, "0");
  const correction = r.billingPeriod !== undefined && r.billingPeriod !== r.day.slice(0, 7);
  return `(${r.cost}::DOUBLE, ${r.cost}::DOUBLE, ${q(r.currency ?? "USD")}, ${q(r.billingAccountId)}, TIMESTAMP '${period}-01 00:00:00',
    TIMESTAMP '${next}-01 00:00:00', TIMESTAMP '${r.day} ${hh}:00:00', TIMESTAMP '${r.day} ${hh}:59:59', 'Usage', ${correction ? "'Correction'" : "NULL"},
    ${q(`${r.usageType} usage`)}, ${q(r.provider ?? "AWS")}, ${q(r.service)}, ${q(r.region)}, ${q(r.accountId)},
    ${r.quantity}::DOUBLE, ${q(r.unit)}, ${r.resourceId === null ? "NULL" : q(r.resourceId)}, ${q(r.resourceName)},
    ${q(r.resourceType)}, ${map}, ${q(r.usageType)}, ${r.serviceCode ? q(r.serviceCode) : "NULL"})`;
}

const COLUMNS = `BilledCost, EffectiveCost, BillingCurrency, BillingAccountId, BillingPeriodStart, BillingPeriodEnd,
  ChargePeriodStart, ChargePeriodEnd, ChargeCategory, ChargeClass, ChargeDescription, ProviderName, ServiceName, RegionId,
  SubAccountId, ConsumedQuantity, ConsumedUnit, ResourceId, ResourceName, ResourceType, Tags, x_UsageType, x_ServiceCode`;

/** Another FOCUS version's columns: some renamed (FOCUS 1.0 name -> the other's), some left out. */
export interface ParquetLayout {
  rename?: Record<string, string>;
  drop?: string[];
}

/** Writes one Parquet file per billing period under `root`; returns the periods written. */
export async function writeFocusParquet(
  root: string,
  rows: readonly ParquetRow[],
  layout: ParquetLayout = {},
): Promise<string[]> {
  const byPeriod = new Map<string, ParquetRow[]>();
  for (const r of rows) {
    const list = byPeriod.get(periodOf(r));
    if (list) list.push(r);
    else byPeriod.set(periodOf(r), [r]);
  }
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  try {
    for (const [period, list] of byPeriod) {
      const dir = join(root, `billing_period=${period}`);
      mkdirSync(dir, { recursive: true });
      await duck.run(`CREATE OR REPLACE TABLE t (BilledCost DOUBLE, EffectiveCost DOUBLE, BillingCurrency VARCHAR,
        BillingAccountId VARCHAR, BillingPeriodStart TIMESTAMP, BillingPeriodEnd TIMESTAMP, ChargePeriodStart TIMESTAMP,
        ChargePeriodEnd TIMESTAMP, ChargeCategory VARCHAR, ChargeClass VARCHAR, ChargeDescription VARCHAR,
        ProviderName VARCHAR, ServiceName VARCHAR, RegionId VARCHAR, SubAccountId VARCHAR, ConsumedQuantity DOUBLE,
        ConsumedUnit VARCHAR, ResourceId VARCHAR, ResourceName VARCHAR, ResourceType VARCHAR,
        Tags MAP(VARCHAR, VARCHAR), x_UsageType VARCHAR, x_ServiceCode VARCHAR)`);
      for (let i = 0; i < list.length; i += 500) {
        await duck.run(
          `INSERT INTO t (${COLUMNS}) VALUES ${list
            .slice(i, i + 500)
            .map(values)
            .join(",\n")}`,
        );
      }
      for (const [from, to] of Object.entries(layout.rename ?? {})) {
        await duck.run(`ALTER TABLE t RENAME COLUMN ${from} TO ${to}`);
      }
      for (const column of layout.drop ?? []) await duck.run(`ALTER TABLE t DROP COLUMN ${column}`);
      await duck.run(`COPY t TO '${join(dir, "part-0.parquet")}' (FORMAT PARQUET)`);
    }
  } finally {
    duck.closeSync();
    instance.closeSync();
  }
  return [...byPeriod.keys()].sort();
}

/**
 * A large synthetic FOCUS export, written by DuckDB itself (no rows through JavaScript): for each
 * period, `rowsPerPeriod` resource-hour rows over 40 usage types, 5 accounts and 3 pipelines,
 * one Parquet file per `billing_period=YYYY-MM` folder. For benches. Returns each period's bytes.
 */
export async function writeSyntheticFocusExport(
  root: string,
  periods: readonly string[],
  rowsPerPeriod: number,
): Promise<Map<string, number>> {
  const { statSync } = await import("node:fs");
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  const sizes = new Map<string, number>();
  try {
    for (const period of periods) {
      const dir = join(root, `billing_period=${period}`);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, "part-0.parquet");
      await duck.run(`COPY (
        SELECT (i % 97) * 0.0131 + 0.001 AS BilledCost, (i % 97) * 0.0129 + 0.001 AS EffectiveCost,
          'USD' AS BillingCurrency, '999999999999' AS BillingAccountId,
          TIMESTAMP '${period}-01 00:00:00' AS BillingPeriodStart,
          TIMESTAMP '${period}-01 00:00:00' + INTERVAL 1 MONTH AS BillingPeriodEnd,
          TIMESTAMP '${period}-01 00:00:00' + to_hours(CAST(i % 672 AS BIGINT)) AS ChargePeriodStart,
          TIMESTAMP '${period}-01 01:00:00' + to_hours(CAST(i % 672 AS BIGINT)) AS ChargePeriodEnd,
          'Usage' AS ChargeCategory, CAST(NULL AS VARCHAR) AS ChargeClass, 'usage' AS ChargeDescription,
          'AWS' AS ProviderName,
          CASE i % 4 WHEN 0 THEN 'Amazon Elastic Compute Cloud' WHEN 1 THEN 'Amazon Simple Storage Service'
            WHEN 2 THEN 'AWS Lambda' ELSE 'Amazon Relational Database Service' END AS ServiceName,
          CASE i % 4 WHEN 0 THEN 'AmazonEC2' WHEN 1 THEN 'AmazonS3' WHEN 2 THEN 'AWSLambda' ELSE 'AmazonRDS' END
            AS x_ServiceCode,
          'eu-west-3' AS RegionId, lpad(CAST(100000000000 + i % 5 AS VARCHAR), 12, '0') AS SubAccountId,
          (i % 13) + 1.0 AS ConsumedQuantity, 'Hrs' AS ConsumedUnit,
          'res-' || CAST(i % 14000 AS VARCHAR) AS ResourceId, 'resource ' || CAST(i % 14000 AS VARCHAR) AS ResourceName,
          'instance' AS ResourceType,
          MAP {'user:pipeline': CASE i % 3 WHEN 0 THEN 'temperatures' WHEN 1 THEN 'camera-traps' ELSE 'website' END}
            AS Tags,
          'EUW3-Usage-' || CAST(i % 40 AS VARCHAR) AS x_UsageType
        FROM range(${rowsPerPeriod}) t(i)
      ) TO '${file}' (FORMAT PARQUET)`);
      sizes.set(period, statSync(file).size);
    }
  } finally {
    duck.closeSync();
    instance.closeSync();
  }
  return sizes;
}
