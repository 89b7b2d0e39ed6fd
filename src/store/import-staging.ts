/**
 * Where a FOCUS import's sums wait while its files are read, so memory does not grow with the
 * file: the reader flushes its in-memory sums here whenever they pass a bound, and nothing
 * reaches `import_lines` or `cost_lines` until every file has been read to a clean end. A TEMP
 * table: private to this connection (readers never see a half-read import), on disk rather than
 * in the heap, and gone with the connection if the process dies. SQLite under Node only, like
 * the import itself.
 */
import type { Contribution } from "../../collectors/focus/aggregate";
import type { ResourceContribution, ResourceInfo } from "../../collectors/focus/resource-lines";
import type { ExportKey } from "./imports";
import { openResourceStaging } from "./resource-staging";
import type { Store } from "./store";

export type SqliteStore = Extract<Store, { kind: "sqlite" }>;

export const STAGING_COLUMNS = [
  "billing_account_id",
  "billing_period",
  "day",
  "account_id",
  "service",
  "region",
  "usage_type",
  "pipeline",
  "usage_unit",
  "unblended_cost_usd",
  "amortized_cost_usd",
  "usage_amount",
  "rows",
] as const;

export interface Staging {
  /** Adds partial sums of one export (the same key may come again: summed when committed). */
  add: (key: ExportKey, lines: Iterable<Contribution>) => void;
  /** Adds partial sums of resource lines and resources' latest facts (./resource-staging.ts). */
  addResources: (lines: Iterable<ResourceContribution>, infos: Iterable<ResourceInfo>) => void;
  /** Empties the table and gives the connection its page cache back (after the import, written or refused). */
  close: () => void;
}

/** Pages (KiB when negative, SQLite's convention) the import's connection caches per database. */
export const IMPORT_CACHE_KIB = 2000;

export function openStaging(store: SqliteStore): Staging {
  const sqlite = store.db.$client;
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS import_staging (
    billing_account_id TEXT NOT NULL, billing_period TEXT NOT NULL, day TEXT NOT NULL,
    account_id TEXT NOT NULL, service TEXT NOT NULL, region TEXT NOT NULL, usage_type TEXT NOT NULL,
    pipeline TEXT NOT NULL, usage_unit TEXT NOT NULL, unblended_cost_usd REAL NOT NULL,
    amortized_cost_usd REAL NOT NULL, usage_amount REAL NOT NULL, rows INTEGER NOT NULL)`);
  sqlite.exec("DELETE FROM temp.import_staging");
  const resources = openResourceStaging(sqlite);
  // The staging table is written once and read once, and each period's commit touches every
  // page of its lines once: small page caches (2 MB each, not better-sqlite3's 16 MB) cost
  // little time and keep the import's resident memory down (measured: a 3-month file's peak
  // RSS fell by about 25 MB). SQLite's sorter (the GROUP BYs) is bounded by the same setting.
  const mainCache = sqlite.pragma("main.cache_size", { simple: true }) as number;
  sqlite.pragma(`main.cache_size = -${IMPORT_CACHE_KIB}`);
  sqlite.pragma(`temp.cache_size = -${IMPORT_CACHE_KIB}`);
  const insert = sqlite.prepare(
    `INSERT INTO temp.import_staging (${STAGING_COLUMNS.join(", ")}) VALUES (${STAGING_COLUMNS.map(() => "?").join(", ")})`,
  );
  const addMany = sqlite.transaction((key: ExportKey, lines: Iterable<Contribution>) => {
    for (const c of lines) {
      insert.run(
        key.billingAccountId,
        key.billingPeriod,
        c.day,
        c.accountId,
        c.service,
        c.region,
        c.usageType,
        c.pipeline,
        c.usageUnit,
        c.unblendedCostUsd,
        c.amortizedCostUsd,
        c.usageAmount,
        c.rows,
      );
    }
  });
  return {
    add: (key, lines) => addMany(key, lines),
    addResources: resources.add,
    close: () => {
      sqlite.exec("DELETE FROM temp.import_staging");
      resources.clear();
      sqlite.pragma(`main.cache_size = ${mainCache}`);
    },
  };
}
