/**
 * Keeps resource lines in step with the cost lines they belong to, run inside the cost rollup's
 * refresh (./cost-rollup.ts, same transaction or batch) for the months of the marked days:
 *
 * 1. Each resource line of those months learns whether its source is the one counted for its day
 *    and account (cost_source_days, the README's source precedence), and takes its share of its
 *    cost line's footprint (same day, account, service, region, usage type, pipeline and
 *    source): the share of the line's usage, or of its cost when the line has no usage. Resource
 *    footprints so never disagree with the carbon pages, which read the cost lines.
 * 2. The monthly rollup the Resources page reads is rebuilt for those months, counted lines only.
 * 3. So are the running sums within each month (`resource_days`, one row per day from the first
 *    to the last day a resource is billed in the month), which give partial months in two rows.
 * 4. So are the running sums across months (`resource_month_sums`) of every resource billed in
 *    them, which give a run of whole months in two rows.
 * 5. Resources billed in those months get their first and last billed day again.
 *
 * Plain SQL, no bound parameters: the same statements run on better-sqlite3 and D1.
 */
import { sql } from "drizzle-orm";

const DIRTY_MONTHS = sql`(SELECT DISTINCT substr(day, 1, 7) FROM cost_rollup_dirty)`;
/** Days of the dirty months, as a range the day index can narrow, then the exact months. */
const IN_DIRTY_MONTHS = (
  col: string,
) => sql`${sql.raw(col)} >= (SELECT substr(min(day), 1, 7) || '-00' FROM cost_rollup_dirty)
  AND ${sql.raw(col)} <= (SELECT substr(max(day), 1, 7) || '-99' FROM cost_rollup_dirty)
  AND substr(${sql.raw(col)}, 1, 7) IN ${DIRTY_MONTHS}`;

const NEXT_MONTH = sql.raw("substr(date(month || '-01', '+1 month'), 1, 7)");
const NEXT_MONTH_OF_S = sql.raw("substr(date(s.month || '-01', '+1 month'), 1, 7)");

const SHARE = sql`CASE WHEN c.usage_amount > 0 THEN resource_lines.usage_amount / c.usage_amount
  WHEN c.unblended_cost_usd <> 0 THEN resource_lines.unblended_cost_usd / c.unblended_cost_usd ELSE 0 END`;

const FOOTPRINT_AND_PRECEDENCE = sql`UPDATE resource_lines SET
      counted = EXISTS (SELECT 1 FROM cost_source_days s WHERE s.day = resource_lines.day
        AND s.account_id = resource_lines.account_id AND s.source = resource_lines.source AND s.counted = 1),
      (energy_kwh, co2e_grams, embodied_co2e_grams) = (SELECT total(f.energy_kwh * ${SHARE}),
        total(f.co2e_grams * ${SHARE}), total(f.embodied_co2e_grams * ${SHARE})
        FROM cost_lines c JOIN footprints f ON f.cost_line_id = c.id
        WHERE c.day = resource_lines.day AND c.account_id = resource_lines.account_id
          AND c.service = resource_lines.service AND c.region = resource_lines.region
          AND c.usage_type = resource_lines.usage_type AND c.pipeline = resource_lines.pipeline
          AND c.source = resource_lines.source)
    WHERE ${IN_DIRTY_MONTHS("day")}`;

/** Steps 2 to 5: the rollups of the lines as they are (also what the Resources bench builds its file with). */
export const RESOURCE_ROLLUPS = [
  sql`DELETE FROM resource_months WHERE month IN ${DIRTY_MONTHS}`,
  sql`INSERT INTO resource_months (month, resource_id, pipeline, unblended_cost_usd, amortized_cost_usd, co2e_grams,
      lines, first_day, last_day)
    SELECT substr(day, 1, 7), resource_id, pipeline, total(unblended_cost_usd), total(amortized_cost_usd),
      total(co2e_grams), count(*), min(day), max(day)
    FROM resource_lines WHERE ${IN_DIRTY_MONTHS("day")} AND counted = 1
    GROUP BY substr(day, 1, 7), resource_id, pipeline`,
  sql`DELETE FROM resource_days WHERE ${IN_DIRTY_MONTHS("day")}`,
  // The day's sums of each resource where it has lines, summed in day order within the month,
  // each row knowing the next day billed in the month...
  sql`WITH daily AS (
      SELECT resource_id, pipeline, substr(day, 1, 7) AS month, day, total(unblended_cost_usd) AS c,
        total(amortized_cost_usd) AS a, total(co2e_grams) AS g, count(*) AS n
      FROM resource_lines WHERE ${IN_DIRTY_MONTHS("day")} AND counted = 1
      GROUP BY resource_id, pipeline, substr(day, 1, 7), day
    )
    INSERT INTO resource_days (day, resource_id, pipeline, cum_unblended_cost_usd, cum_amortized_cost_usd,
      cum_co2e_grams, cum_lines, next_day)
    SELECT day, resource_id, pipeline, total(c) OVER w, total(a) OVER w, total(g) OVER w, sum(n) OVER w,
      lead(day) OVER w
    FROM daily
    WINDOW w AS (PARTITION BY resource_id, pipeline, month ORDER BY day ROWS UNBOUNDED PRECEDING)`,
  // Then the days in the gaps, from the rows followed by one only (most resources are billed
  // every day, or once): a second statement, so no statement holds every row in a temporary table.
  sql`WITH RECURSIVE gaps(day, resource_id, pipeline, c, a, g, n, next_day) AS (
      SELECT date(day, '+1 day'), resource_id, pipeline, cum_unblended_cost_usd, cum_amortized_cost_usd,
        cum_co2e_grams, cum_lines, next_day
      FROM resource_days WHERE ${IN_DIRTY_MONTHS("day")} AND date(day, '+1 day') < next_day
      UNION ALL SELECT date(day, '+1 day'), resource_id, pipeline, c, a, g, n, next_day FROM gaps
      WHERE date(day, '+1 day') < next_day
    )
    INSERT INTO resource_days (day, resource_id, pipeline, cum_unblended_cost_usd, cum_amortized_cost_usd,
      cum_co2e_grams, cum_lines, next_day)
    SELECT day, resource_id, pipeline, c, a, g, n, next_day FROM gaps`,
  // Running sums across months, for every resource and pipeline billed in a marked month now
  // or before (their whole history: a month's change moves every later sum): theirs go, then
  // every resource and pipeline without sums gets them again from the monthly rollup.
  sql`DELETE FROM resource_month_sums WHERE (resource_id, pipeline) IN (
      SELECT resource_id, pipeline FROM resource_month_sums WHERE month IN ${DIRTY_MONTHS}
      UNION SELECT resource_id, pipeline FROM resource_months WHERE month IN ${DIRTY_MONTHS})`,
  sql`INSERT INTO resource_month_sums (month, resource_id, pipeline, cum_unblended_cost_usd, cum_amortized_cost_usd,
      cum_co2e_grams, cum_lines, last_month, next_month)
    SELECT month, resource_id, pipeline, total(unblended_cost_usd) OVER w, total(amortized_cost_usd) OVER w,
      total(co2e_grams) OVER w, sum(lines) OVER w,
      last_value(month) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), lead(month) OVER w
    FROM resource_months
    WHERE (resource_id, pipeline) NOT IN (SELECT resource_id, pipeline FROM resource_month_sums)
    WINDOW w AS (PARTITION BY resource_id, pipeline ORDER BY month)`,
  // The months in the gaps, from rows followed by one whose gap is not filled yet.
  sql`WITH RECURSIVE gaps(month, resource_id, pipeline, c, a, g, n, last_month, next_month) AS (
      SELECT ${NEXT_MONTH}, resource_id, pipeline, cum_unblended_cost_usd, cum_amortized_cost_usd, cum_co2e_grams,
        cum_lines, last_month, next_month
      FROM resource_month_sums s WHERE ${NEXT_MONTH} < next_month
        AND NOT EXISTS (SELECT 1 FROM resource_month_sums f WHERE f.month = ${NEXT_MONTH_OF_S}
          AND f.pipeline = s.pipeline AND f.resource_id = s.resource_id)
      UNION ALL SELECT ${NEXT_MONTH}, resource_id, pipeline, c, a, g, n, last_month, next_month FROM gaps
      WHERE ${NEXT_MONTH} < next_month
    )
    INSERT INTO resource_month_sums (month, resource_id, pipeline, cum_unblended_cost_usd, cum_amortized_cost_usd,
      cum_co2e_grams, cum_lines, last_month, next_month)
    SELECT month, resource_id, pipeline, c, a, g, n, last_month, next_month FROM gaps`,
  sql`UPDATE resources SET
      first_day = (SELECT min(m.first_day) FROM resource_months m WHERE m.resource_id = resources.resource_id),
      last_day = (SELECT max(m.last_day) FROM resource_months m WHERE m.resource_id = resources.resource_id)
    WHERE resource_id IN (SELECT resource_id FROM resource_months WHERE month IN ${DIRTY_MONTHS})
      OR substr(first_day, 1, 7) IN ${DIRTY_MONTHS} OR substr(last_day, 1, 7) IN ${DIRTY_MONTHS}
      OR first_day IS NULL`,
];

export const RESOURCE_RECOMPUTE = [FOOTPRINT_AND_PRECEDENCE, ...RESOURCE_ROLLUPS];
