/**
 * The FOCUS import's staging of resource lines and resources (see ./import-staging.ts): TEMP
 * tables, private to the import's connection, appended with partial sums whenever the reader's
 * in-memory sums pass their bound, and read once when each export is committed
 * (./resource-commit.ts). SQLite under Node only, like the import.
 */
import type Database from "better-sqlite3";
import type { ResourceContribution, ResourceInfo } from "../../collectors/focus/resource-lines";

export const RESOURCE_LINE_COLUMNS = [
  "billing_account_id",
  "billing_period",
  "day",
  "resource_id",
  "account_id",
  "service",
  "region",
  "usage_type",
  "pipeline",
  "usage_unit",
  "unblended_cost_usd",
  "amortized_cost_usd",
  "usage_amount",
] as const;

export const RESOURCE_INFO_COLUMNS = [
  "resource_id",
  "account_id",
  "name",
  "type",
  "service",
  "region",
  "tags",
  "seen_on",
] as const;

export interface ResourceStaging {
  add: (lines: Iterable<ResourceContribution>, infos: Iterable<ResourceInfo>) => void;
  clear: () => void;
}

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

export function openResourceStaging(sqlite: Database.Database): ResourceStaging {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS import_resource_staging (
    billing_account_id TEXT NOT NULL, billing_period TEXT NOT NULL, day TEXT NOT NULL, resource_id TEXT NOT NULL,
    account_id TEXT NOT NULL, service TEXT NOT NULL, region TEXT NOT NULL, usage_type TEXT NOT NULL,
    pipeline TEXT NOT NULL, usage_unit TEXT NOT NULL, unblended_cost_usd REAL NOT NULL,
    amortized_cost_usd REAL NOT NULL, usage_amount REAL NOT NULL)`);
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS import_resource_info_staging (
    resource_id TEXT NOT NULL, account_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
    service TEXT NOT NULL, region TEXT NOT NULL, tags TEXT NOT NULL, seen_on TEXT NOT NULL)`);
  const clear = () => {
    sqlite.exec("DELETE FROM temp.import_resource_staging");
    sqlite.exec("DELETE FROM temp.import_resource_info_staging");
  };
  clear();
  const insertLine = sqlite.prepare(
    `INSERT INTO temp.import_resource_staging (${RESOURCE_LINE_COLUMNS.join(", ")}) VALUES (${placeholders(RESOURCE_LINE_COLUMNS.length)})`,
  );
  const insertInfo = sqlite.prepare(
    `INSERT INTO temp.import_resource_info_staging (${RESOURCE_INFO_COLUMNS.join(", ")}) VALUES (${placeholders(RESOURCE_INFO_COLUMNS.length)})`,
  );
  const addMany = sqlite.transaction((lines: Iterable<ResourceContribution>, infos: Iterable<ResourceInfo>) => {
    for (const l of lines) {
      insertLine.run(
        l.billingAccountId,
        l.billingPeriod,
        l.day,
        l.resourceId,
        l.accountId,
        l.service,
        l.region,
        l.usageType,
        l.pipeline,
        l.usageUnit,
        l.unblendedCostUsd,
        l.amortizedCostUsd,
        l.usageAmount,
      );
    }
    for (const r of infos)
      insertInfo.run(r.resourceId, r.accountId, r.name, r.type, r.service, r.region, r.tags, r.seenOn);
  });
  return { add: (lines, infos) => addMany(lines, infos), clear };
}
