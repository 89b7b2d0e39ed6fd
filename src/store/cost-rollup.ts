/**
 * Keeps `cost_daily` and `cost_monthly` in step with the lines: triggers mark the days a write
 * touched, and this recomputes exactly those days (and their months) from cost_lines +
 * footprints, atomically (one transaction on SQLite, one batch on D1), keeping only the lines of
 * the source counted for each account and day (./source-precedence.ts). Writers call it after
 * they write, and opening a SQLite file calls it once after the migrations: readers never
 * write, so a reader never waits on a writer (nor fails with SQLITE_BUSY).
 */
import { sql } from "drizzle-orm";
import { EXCLUDED_METHOD, PROXY_METHOD } from "../carbon/coverage";
import { RESOURCE_RECOMPUTE } from "./resource-rollup";
import { PRECEDENCE } from "./source-precedence";
import type { CairnDb } from "./store";

// The coverage buckets of src/carbon/coverage.ts, as SQL over a footprint's method `f.method`.
const PROXY = sql.raw(`'${PROXY_METHOD}'`);
const EXCLUDED = sql.raw(`'${EXCLUDED_METHOD}'`);

const RECOMPUTE = [
  // Which source counts for each (account, day) first: the rollups keep only its lines.
  ...PRECEDENCE,
  sql`DELETE FROM cost_daily WHERE day IN (SELECT day FROM cost_rollup_dirty)`,
  sql`INSERT OR REPLACE INTO cost_daily (day, account_id, service, region, pipeline, source, unblended_cost_usd,
      amortized_cost_usd, co2e_grams, market_co2e_grams, energy_kwh, lines, embodied_co2e_grams,
      physical_abs_usd, proxy_abs_usd, excluded_abs_usd, unestimated_abs_usd, co2e_grams_low, co2e_grams_high)
    SELECT l.day, l.account_id, l.service, l.region, l.pipeline, l.source, sum(l.unblended_cost_usd),
      sum(l.amortized_cost_usd), coalesce(sum(f.co2e_grams), 0), coalesce(sum(f.market_co2e_grams), 0),
      coalesce(sum(f.energy_kwh), 0), count(*), total(f.embodied_co2e_grams),
      total(CASE WHEN f.method IS NOT NULL AND f.method NOT IN (${PROXY}, ${EXCLUDED}) THEN abs(l.unblended_cost_usd) END),
      total(CASE WHEN f.method = ${PROXY} THEN abs(l.unblended_cost_usd) END),
      total(CASE WHEN f.method = ${EXCLUDED} THEN abs(l.unblended_cost_usd) END),
      total(CASE WHEN f.method IS NULL THEN abs(l.unblended_cost_usd) END),
      total(f.co2e_grams_low), total(f.co2e_grams_high)
    FROM cost_lines l
      JOIN cost_source_days s ON s.day = l.day AND s.account_id = l.account_id AND s.source = l.source AND s.counted = 1
      LEFT JOIN footprints f ON f.cost_line_id = l.id
    WHERE l.day IN (SELECT day FROM cost_rollup_dirty)
    GROUP BY l.day, l.account_id, l.service, l.region, l.pipeline, l.source`,
  // Months of marked days, rebuilt from the (now current) daily rows. The day bounds let the
  // primary key narrow the scan; the IN keeps untouched months in between out.
  sql`DELETE FROM cost_monthly WHERE month IN (SELECT DISTINCT substr(day, 1, 7) FROM cost_rollup_dirty)`,
  sql`INSERT OR REPLACE INTO cost_monthly (month, account_id, service, region, pipeline, source, unblended_cost_usd,
      amortized_cost_usd, co2e_grams, market_co2e_grams, energy_kwh, lines, embodied_co2e_grams,
      physical_abs_usd, proxy_abs_usd, excluded_abs_usd, unestimated_abs_usd, co2e_grams_low, co2e_grams_high)
    SELECT substr(d.day, 1, 7), d.account_id, d.service, d.region, d.pipeline, d.source, sum(d.unblended_cost_usd),
      sum(d.amortized_cost_usd), sum(d.co2e_grams), sum(d.market_co2e_grams), sum(d.energy_kwh), sum(d.lines),
      sum(d.embodied_co2e_grams),
      sum(d.physical_abs_usd), sum(d.proxy_abs_usd), sum(d.excluded_abs_usd), sum(d.unestimated_abs_usd),
      sum(d.co2e_grams_low), sum(d.co2e_grams_high)
    FROM cost_daily d
    WHERE d.day >= (SELECT substr(min(day), 1, 7) || '-00' FROM cost_rollup_dirty)
      AND d.day <= (SELECT substr(max(day), 1, 7) || '-99' FROM cost_rollup_dirty)
      AND substr(d.day, 1, 7) IN (SELECT DISTINCT substr(day, 1, 7) FROM cost_rollup_dirty)
    GROUP BY substr(d.day, 1, 7), d.account_id, d.service, d.region, d.pipeline, d.source`,
  // Resource lines follow the same precedence and footprints (./resource-rollup.ts).
  ...RESOURCE_RECOMPUTE,
  sql`DELETE FROM cost_rollup_dirty`,
];

/**
 * The same on better-sqlite3, synchronously: opening a file runs it once after the migrations
 * (which mark every day), so no reader ever finds a stale rollup and none has to write.
 */
export function refreshCostRollupSqlite(
  sqlite: { prepare: (sql: string) => { get: () => unknown } },
  db: CairnDb,
): boolean {
  if (sqlite.prepare("SELECT day FROM cost_rollup_dirty LIMIT 1").get() === undefined) return false;
  // biome-ignore lint/suspicious/noExplicitAny: better-sqlite3's transaction runs its callback synchronously.
  (db as any).transaction((tx: any) => {
    for (const statement of RECOMPUTE) tx.run(statement);
  });
  return true;
}

/** Recomputes the marked days; returns whether anything was marked. */
export async function refreshCostRollup(db: CairnDb): Promise<boolean> {
  const marked = await db.all<{ day: string }>(sql`SELECT day FROM cost_rollup_dirty LIMIT 1`);
  if (marked.length === 0) return false;
  // biome-ignore lint/suspicious/noExplicitAny: the driver decides: D1 has batch, better-sqlite3 has sync transactions.
  const anyDb = db as any;
  if (typeof anyDb.batch === "function") {
    await anyDb.batch(RECOMPUTE.map((statement) => anyDb.run(statement)));
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: better-sqlite3's transaction runs its callback synchronously.
    anyDb.transaction((tx: any) => {
      for (const statement of RECOMPUTE) tx.run(statement);
    });
  }
  return true;
}
