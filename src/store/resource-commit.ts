/**
 * Moves a FOCUS import's staged resource lines into `resource_lines`, inside the export's commit
 * transaction (./import-commit.ts): the export's old lines go and its new ones come, summed to
 * their key, so a re-import replaces and never doubles. The days either touches are marked for
 * the rollup refresh, which gives the lines their footprint, their precedence and their monthly
 * rollup (./resource-rollup.ts). Resources' latest facts are upserted once all exports are in.
 */
import type Database from "better-sqlite3";
import type { ExportKey } from "./imports";
import { RESOURCE_INFO_COLUMNS, RESOURCE_LINE_COLUMNS } from "./resource-staging";

export const FOCUS_SOURCE = "focus";
const KEY = "billing_account_id = ? AND billing_period = ?";
const GROUP = "day, resource_id, account_id, service, region, usage_type, pipeline";

/** Returns the resource lines the export now holds. */
export function commitStagedResources(sqlite: Database.Database, key: ExportKey): number {
  const args = [key.billingAccountId, key.billingPeriod, FOCUS_SOURCE];
  const mark = sqlite.prepare(
    `INSERT OR IGNORE INTO cost_rollup_dirty (day) SELECT DISTINCT day FROM resource_lines WHERE ${KEY} AND source = ?`,
  );
  mark.run(...args);
  sqlite.prepare(`DELETE FROM resource_lines WHERE ${KEY} AND source = ?`).run(...args);
  const inserted = sqlite
    .prepare(
      `INSERT INTO resource_lines (${RESOURCE_LINE_COLUMNS.join(", ")}, source)
       SELECT billing_account_id, billing_period, ${GROUP}, max(usage_unit), sum(unblended_cost_usd),
         sum(amortized_cost_usd), sum(usage_amount), ?
       FROM temp.import_resource_staging WHERE ${KEY}
       GROUP BY ${GROUP}`,
    )
    .run(FOCUS_SOURCE, key.billingAccountId, key.billingPeriod);
  mark.run(...args);
  return inserted.changes;
}

/**
 * Each staged resource's facts as of its latest day (SQLite returns the other columns of the
 * row holding the max), kept only when not older than what is stored; an empty name or type
 * never erases a known one.
 */
export function commitStagedResourceInfos(sqlite: Database.Database): number {
  const cols = RESOURCE_INFO_COLUMNS.filter((c) => c !== "seen_on");
  return sqlite
    .prepare(
      `INSERT INTO resources (${RESOURCE_INFO_COLUMNS.join(", ")})
       SELECT ${cols.join(", ")}, max(seen_on) FROM temp.import_resource_info_staging WHERE true GROUP BY resource_id
       ON CONFLICT (resource_id) DO UPDATE SET account_id = excluded.account_id,
         name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE resources.name END,
         type = CASE WHEN excluded.type <> '' THEN excluded.type ELSE resources.type END,
         service = excluded.service, region = excluded.region, tags = excluded.tags, seen_on = excluded.seen_on
       WHERE excluded.seen_on >= resources.seen_on`,
    )
    .run().changes;
}
