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

/** Rows per INSERT statement. */
const BATCH = 64;

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
  // Many rows per statement: one call into SQLite per BATCH rows instead of per row (SQLite under
  // Node allows 32,766 bound values; 13 x 64 stays far below).
  const insertLines = (n: number) =>
    sqlite.prepare(
      `INSERT INTO temp.import_resource_staging (${RESOURCE_LINE_COLUMNS.join(", ")}) VALUES ${Array.from({ length: n }, () => `(${placeholders(RESOURCE_LINE_COLUMNS.length)})`).join(", ")}`,
    );
  const insertInfos = (n: number) =>
    sqlite.prepare(
      `INSERT INTO temp.import_resource_info_staging (${RESOURCE_INFO_COLUMNS.join(", ")}) VALUES ${Array.from({ length: n }, () => `(${placeholders(RESOURCE_INFO_COLUMNS.length)})`).join(", ")}`,
    );
  const manyLines = insertLines(BATCH);
  const oneLine = insertLines(1);
  const manyInfos = insertInfos(BATCH);
  const oneInfo = insertInfos(1);
  const lineValues = (l: ResourceContribution, into: unknown[]) => {
    into.push(
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
  };
  const infoValues = (r: ResourceInfo, into: unknown[]) => {
    into.push(r.resourceId, r.accountId, r.name, r.type, r.service, r.region, r.tags, r.seenOn);
  };
  /** Writes rows BATCH at a time, the rest one by one. */
  function write<T>(
    rows: Iterable<T>,
    values: (row: T, into: unknown[]) => void,
    many: Database.Statement,
    one: Database.Statement,
  ) {
    let batch: unknown[] = [];
    let n = 0;
    for (const row of rows) {
      values(row, batch);
      if (++n === BATCH) {
        many.run(batch);
        batch = [];
        n = 0;
      }
    }
    const width = n === 0 ? 0 : batch.length / n;
    for (let i = 0; i < batch.length; i += width) one.run(batch.slice(i, i + width));
  }
  const addMany = sqlite.transaction((lines: Iterable<ResourceContribution>, infos: Iterable<ResourceInfo>) => {
    write(lines, lineValues, manyLines, oneLine);
    write(infos, infoValues, manyInfos, oneInfo);
  });
  return { add: (lines, infos) => addMany(lines, infos), clear };
}
