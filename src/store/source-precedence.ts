/**
 * Never count a dollar twice: which source counts for each (account, day). The statements here
 * run first in the rollup refresh (../cost-rollup.ts), inside its transaction / batch:
 *
 * 1. `cost_source_days` is rebuilt for the marked days from cost_lines (sums per source).
 * 2. Every row of a month that has a marked day gets its rank: a FOCUS billing period is
 *    complete for an account and month when the account has FOCUS lines that month and the
 *    export reaches the month's last day (AWS delivers a closed month whole). Complete FOCUS
 *    ranks 0 and every other source of that account and month is suppressed (never counted,
 *    even on a day the export has no line for); otherwise Cost Explorer ranks 1, the demo 2,
 *    other imports 3, and FOCUS of a period not complete yet 9 (it counts only on days no
 *    other source covers, such as an account collected by nobody else).
 * 3. Days whose counted source changes are marked too, so their rollup rows are rebuilt.
 * 4. The lowest rank present on each (day, account) is the one counted.
 *
 * Readers of cost_lines keep only counted lines with `countedLine`; the rollups hold only them.
 */
import { sql } from "drizzle-orm";
import { costLines } from "./schema/index";

const DIRTY_MONTHS = sql`(SELECT DISTINCT substr(day, 1, 7) FROM cost_rollup_dirty)`;

const LAST_DAY_OF_ROW_MONTH = sql`date(substr(cost_source_days.day, 1, 7) || '-01', '+1 month', '-1 day')`;

const MONTH_OF_ROW = sql`substr(cost_source_days.day, 1, 7)`;

/** The row's account has FOCUS lines this month, and the export reaches the month's last day. */
const FOCUS_COMPLETE = sql`(EXISTS (SELECT 1 FROM cost_source_days f
      WHERE f.day = ${LAST_DAY_OF_ROW_MONTH} AND f.source = 'focus')
    AND EXISTS (SELECT 1 FROM cost_source_days a WHERE a.account_id = cost_source_days.account_id
      AND a.day >= ${MONTH_OF_ROW} || '-01' AND a.day <= ${MONTH_OF_ROW} || '-31' AND a.source = 'focus'))`;

/** Never counted: another source's line in a month a complete FOCUS period covers. */
export const SUPPRESSED_RANK = 99;

const RANK = sql`CASE WHEN cost_source_days.source = 'focus'
    THEN CASE WHEN ${FOCUS_COMPLETE} THEN 0 ELSE 9 END
    WHEN ${FOCUS_COMPLETE} THEN ${sql.raw(String(SUPPRESSED_RANK))}
    ELSE CASE cost_source_days.source WHEN 'cost-explorer' THEN 1 WHEN 'demo' THEN 2 ELSE 3 END END`;

/** Whether a row of cost_source_days is the one counted: the lowest rank of its (day, account). */
const IS_LOWEST = sql`(cost_source_days.rank < ${sql.raw(String(SUPPRESSED_RANK))}
    AND cost_source_days.rank = (SELECT min(o.rank) FROM cost_source_days o
      WHERE o.day = cost_source_days.day AND o.account_id = cost_source_days.account_id))`;

/** Statements run before the rollups are recomputed; they only read and write derived tables. */
export const PRECEDENCE = [
  sql`DELETE FROM cost_source_days WHERE day IN (SELECT day FROM cost_rollup_dirty)`,
  sql`INSERT INTO cost_source_days (day, account_id, source, unblended_cost_usd, amortized_cost_usd, lines, rank, counted)
    SELECT day, account_id, source, total(unblended_cost_usd), total(amortized_cost_usd), count(*), 99, -1
    FROM cost_lines WHERE day IN (SELECT day FROM cost_rollup_dirty)
    GROUP BY day, account_id, source`,
  sql`UPDATE cost_source_days SET rank = ${RANK} WHERE substr(day, 1, 7) IN ${DIRTY_MONTHS}`,
  sql`INSERT OR IGNORE INTO cost_rollup_dirty (day)
    SELECT DISTINCT day FROM cost_source_days
    WHERE substr(day, 1, 7) IN ${DIRTY_MONTHS} AND counted <> ${IS_LOWEST}`,
  sql`UPDATE cost_source_days SET counted = ${IS_LOWEST} WHERE substr(day, 1, 7) IN ${DIRTY_MONTHS}`,
];

/**
 * A condition on a query over cost_lines: the line belongs to the source counted for its
 * account and day. The primary key of cost_source_days makes it one lookup per line.
 */
export function countedLine() {
  return sql`EXISTS (SELECT 1 FROM cost_source_days cs WHERE cs.day = ${costLines.day}
    AND cs.account_id = ${costLines.accountId} AND cs.source = ${costLines.source} AND cs.counted = 1)`;
}
