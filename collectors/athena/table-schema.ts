/**
 * The export's Glue table as Cairn's SQL needs it: which FOCUS columns it has and under what
 * name, checked before any query is sent, so a table Cairn cannot read fails with a sentence that
 * names the missing column or the wrong partition key instead of an Athena error after a paid scan.
 *
 * The rules are the local import's (collectors/focus/columns.ts, parse-charge.ts), so both read
 * the same exports:
 * - required: BilledCost, EffectiveCost, BillingAccountId, BillingPeriodStart, ChargePeriodStart,
 *   ServiceName, and a provider column: `ProviderName` (FOCUS 1.0 to 1.2) or `ServiceProviderName`
 *   (the name later versions give it), the first one present;
 * - for the Resources views also ResourceId;
 * - the rest are optional and read as NULL when absent, as the import reads an absent column:
 *   the usage type is x_UsageType, else `SkuMeter` (FOCUS 1.1+), else the charge description.
 * - the partition key must be `billing_period` (string): AWS writes `BILLING_PERIOD=YYYY-MM`
 *   folders and Glue lowercases the name. A table partitioned otherwise could not be read one
 *   period at a time, so Cairn refuses it rather than scan (and bill) the whole export.
 * - Tags must be a map (AWS's Parquet FOCUS export writes map<string,string>).
 * Glue lowercases column names; they are matched without regard to case. Pure.
 */
import type { FocusColumn } from "../focus/columns";

/** The export's partition column (AWS writes `BILLING_PERIOD=YYYY-MM` folders; Glue lowercases it). */
export const PARTITION_COLUMN = "billing_period";

/** The FOCUS columns the Athena queries read. */
export const ATHENA_COLUMNS = [
  "BilledCost",
  "EffectiveCost",
  "BillingCurrency",
  "BillingAccountId",
  "BillingPeriodStart",
  "ChargePeriodStart",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ProviderName",
  "ServiceProviderName",
  "ServiceName",
  "RegionId",
  "SubAccountId",
  "ConsumedQuantity",
  "ConsumedUnit",
  "Tags",
  "SkuMeter",
  "x_UsageType",
  "x_ServiceCode",
  "ResourceId",
  "ResourceName",
  "ResourceType",
] as const satisfies readonly FocusColumn[];

export type AthenaColumn = (typeof ATHENA_COLUMNS)[number];

const REQUIRED: readonly AthenaColumn[] = [
  "BilledCost",
  "EffectiveCost",
  "BillingAccountId",
  "BillingPeriodStart",
  "ChargePeriodStart",
  "ServiceName",
];

/** Typed NULLs for absent optional columns, so grouping and comparisons still type-check. */
const NULL_OF: Partial<Record<AthenaColumn, string>> = {
  ConsumedQuantity: "CAST(NULL AS double)",
  Tags: "CAST(NULL AS map(varchar, varchar))",
};

/** The export's table as the SQL reads it. */
export interface FocusTable {
  /** `"database"."table"`, quoted. */
  ref: string;
  /** Each column's SQL: the table's own column, or a typed NULL when the table lacks it. */
  col: Record<AthenaColumn, string>;
  /** Whether the table has ResourceId (the Resources views need it). */
  hasResources: boolean;
}

export interface GlueColumn {
  name: string;
  type: string;
}

export interface GlueTableShape {
  columns: readonly GlueColumn[];
  partitionKeys: readonly GlueColumn[];
}

export class TableSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TableSchemaError";
  }
}

/** A Glue `database.table`, split; refuses anything else (it is spliced into SQL). */
export function splitTableName(table: string): { database: string; name: string } {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)$/.exec(table);
  if (!m)
    throw new Error(`CAIRN_ATHENA_TABLE must be database.table (letters, digits, _), got ${JSON.stringify(table)}`);
  return { database: m[1] as string, name: m[2] as string };
}

/** A Glue table name, quoted for SQL. */
export function tableRef(table: string): string {
  const { database, name } = splitTableName(table);
  return `"${database}"."${name}"`;
}

const ident = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`);

/** The table Cairn's SQL expects (every column, AWS's names): what a FOCUS export's table has. */
export function standardFocusTable(table: string): FocusTable {
  const col = Object.fromEntries(ATHENA_COLUMNS.map((c) => [c, c.toLowerCase()])) as Record<AthenaColumn, string>;
  col.ProviderName = "providername";
  col.ServiceProviderName = "CAST(NULL AS varchar)";
  col.SkuMeter = "CAST(NULL AS varchar)";
  return { ref: tableRef(table), col, hasResources: true };
}

/**
 * Checks Glue's description of `table` and maps Cairn's columns onto it; throws a
 * TableSchemaError naming every problem. `needs` says what the caller will query.
 */
export function focusTableFrom(table: string, shape: GlueTableShape, needs: "cost-lines" | "resources"): FocusTable {
  const byName = new Map(shape.columns.map((c) => [c.name.toLowerCase(), c]));
  const problems: string[] = [];
  const keys = shape.partitionKeys.map((k) => k.name.toLowerCase());
  if (keys.length !== 1 || keys[0] !== PARTITION_COLUMN) {
    problems.push(
      `its partition keys are ${keys.length === 0 ? "none" : keys.join(", ")}, where Cairn expects ${PARTITION_COLUMN} ` +
        "(the BILLING_PERIOD=YYYY-MM folders of an AWS Data Exports FOCUS export): without it every query would read the whole export",
    );
  } else if (!/^(string|varchar)/i.test(shape.partitionKeys[0]?.type ?? "string")) {
    problems.push(`its partition key ${PARTITION_COLUMN} is ${shape.partitionKeys[0]?.type}, not a string (YYYY-MM)`);
  }
  const required = needs === "resources" ? [...REQUIRED, "ResourceId" as const] : REQUIRED;
  const missing = required.filter((c) => !byName.has(c.toLowerCase()));
  if (!byName.has("providername") && !byName.has("serviceprovidername")) missing.push("ProviderName");
  if (missing.length > 0) problems.push(`it has no column ${missing.join(", ")}`);
  const tags = byName.get("tags");
  if (tags && !/^map\s*</i.test(tags.type)) {
    problems.push(
      `its Tags column is ${tags.type}, where Cairn reads a map<string,string> (AWS's Parquet FOCUS export)`,
    );
  }
  if (problems.length > 0) {
    throw new TableSchemaError(
      `The Glue table ${table} (CAIRN_ATHENA_TABLE) cannot be read as a FOCUS export: ${problems.join("; ")}. Nothing was queried.`,
    );
  }
  const col = {} as Record<AthenaColumn, string>;
  for (const c of ATHENA_COLUMNS) {
    const found = byName.get(c.toLowerCase());
    col[c] = found ? ident(found.name) : (NULL_OF[c] ?? "CAST(NULL AS varchar)");
  }
  // One provider column for the SQL: the import reads ProviderName, else ServiceProviderName.
  if (byName.has("providername") && byName.has("serviceprovidername")) {
    col.ProviderName = `coalesce(${col.ProviderName}, ${col.ServiceProviderName})`;
  } else if (!byName.has("providername")) col.ProviderName = col.ServiceProviderName;
  return { ref: tableRef(table), col, hasResources: byName.has("resourceid") };
}
