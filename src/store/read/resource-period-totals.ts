/**
 * Per resource: cost, amortised cost and CO2e of its counted lines over any period, as a SQL
 * subquery both drivers run, reading rollups only, never the lines:
 *
 * - a whole month is its row of `resource_months`;
 * - a partial month [lo, hi) is the month's running sums up to hi minus those up to lo. The sums
 *   before day X (first day of the month < X) are the `resource_days` row of X - 1 for
 *   resources billed on or around that day, or the whole month for those whose last billed day
 *   in the month is before it (`resource_months`), and nothing for those billed only later.
 *
 * - a run of three whole months or more is the running sums across months (`resource_month_sums`)
 *   through its last month minus those before its first.
 *
 * So a period costs a few rows per resource billed in it, whatever its length: ten days read two
 * days' rows, not ten days of lines; a year reads two months' sums, not twelve months. Whether a
 * resource is billed in the period at all is carried as a count of lines, which subtracts
 * exactly. Amounts differ from a plain sum of the lines only by floating-point rounding (tested
 * against one in test/integration/resource-period-totals.test.ts).
 */
import { type SQL, sql } from "drizzle-orm";
import { addDays, addMonths, firstDayOfMonth, monthOf } from "../../days";
import type { Day, Month, Period } from "../../model";

/** How a period splits over months: whole months, and partial months as [lo, hi) within them. */
export interface PeriodParts {
  /** The first and last whole month (a contiguous range), when there is one. */
  whole?: { from: Month; to: Month };
  partial: { month: Month; lo: Day; hi: Day }[];
}

export function periodParts(p: Period): PeriodParts {
  const parts: PeriodParts = { partial: [] };
  for (let m = monthOf(p.from); firstDayOfMonth(m) < p.to; m = addMonths(m, 1)) {
    const start = firstDayOfMonth(m);
    const end = firstDayOfMonth(addMonths(m, 1));
    const lo = p.from > start ? p.from : start;
    const hi = p.to < end ? p.to : end;
    if (lo === start && hi === end) parts.whole = { from: parts.whole?.from ?? m, to: m };
    else parts.partial.push({ month: m, lo, hi });
  }
  return parts;
}

/** From this many whole months on, the running sums across months read fewer rows than the months. */
const SUMS_FROM_MONTHS = 3;

function monthsBetween(from: Month, to: Month): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

const FIGURES = (sign: "" | "-") =>
  sql.raw(`${sign}unblended_cost_usd AS c, ${sign}amortized_cost_usd AS a, ${sign}co2e_grams AS g, ${sign}lines AS n`);
const CUM_FIGURES = (sign: "" | "-") =>
  sql.raw(
    `${sign}cum_unblended_cost_usd AS c, ${sign}cum_amortized_cost_usd AS a, ${sign}cum_co2e_grams AS g, ${sign}cum_lines AS n`,
  );

/** The month's running sums per resource over the days before `x` (strictly inside the month). */
function prefixBefore(month: Month, x: Day, sign: "" | "-", pipe: SQL): SQL[] {
  const eve = addDays(x, -1);
  return [
    sql`SELECT resource_id, ${CUM_FIGURES(sign)} FROM resource_days WHERE day = ${eve}${pipe}`,
    sql`SELECT resource_id, ${FIGURES(sign)} FROM resource_months WHERE month = ${month} AND last_day < ${eve}${pipe}`,
  ];
}

/** D1 refuses a compound SELECT of many terms: at most this many per UNION ALL, nested beyond. */
const MAX_TERMS = 4;

function unionAll(parts: SQL[]): SQL {
  if (parts.length <= MAX_TERMS) return sql.join(parts, sql` UNION ALL `);
  const groups: SQL[] = [];
  for (let i = 0; i < parts.length; i += MAX_TERMS) {
    groups.push(sql`SELECT * FROM (${sql.join(parts.slice(i, i + MAX_TERMS), sql` UNION ALL `)})`);
  }
  return unionAll(groups);
}

/**
 * Per resource over the period: `resource_id, cost, amortized, co2e` (only resources billed in
 * it), for every resource or only those `only` selects.
 */
export function periodTotals(p: Period, pipeline: string | undefined, only?: SQL): SQL {
  const pipeOnly = pipeline === undefined ? sql`` : sql` AND pipeline = ${pipeline}`;
  // Only some resources (a subquery of ids): each part skips the others before any sum, while
  // still reading its rows by period (the unary + keeps SQLite from looking each id up instead).
  const pipe = only === undefined ? pipeOnly : sql`${pipeOnly} AND +resource_id IN (${only})`;
  const { whole, partial } = periodParts(p);
  const parts: SQL[] = [];
  if (whole && monthsBetween(whole.from, whole.to) >= SUMS_FROM_MONTHS) {
    // The sums through the last month (or through the last billed month, for those that stopped
    // before it), minus the sums before the first: those billed only before or only after the
    // range are not read at all.
    const before = addMonths(whole.from, -1);
    parts.push(
      sql`SELECT resource_id, ${CUM_FIGURES("")} FROM resource_month_sums WHERE month = ${whole.to}${pipe}`,
      sql`SELECT resource_id, ${CUM_FIGURES("")} FROM resource_month_sums
        WHERE month = last_month AND month >= ${whole.from} AND month < ${whole.to}${pipe}`,
      sql`SELECT resource_id, ${CUM_FIGURES("-")} FROM resource_month_sums
        WHERE month = ${before} AND last_month >= ${whole.from}${pipe}`,
    );
  } else if (whole) {
    // A range on the covering index's first column, not an IN list: one bound value per end. A
    // whole month's row means the resource was billed in it (n = 1 even before `lines` is filled).
    parts.push(sql`SELECT resource_id, unblended_cost_usd AS c, amortized_cost_usd AS a, co2e_grams AS g, 1 AS n
      FROM resource_months WHERE month >= ${whole.from} AND month <= ${whole.to}${pipe}`);
  }
  for (const { month, lo, hi } of partial) {
    const end = firstDayOfMonth(addMonths(month, 1));
    if (hi === end)
      parts.push(sql`SELECT resource_id, ${FIGURES("")} FROM resource_months WHERE month = ${month}${pipe}`);
    else parts.push(...prefixBefore(month, hi, "", pipe));
    if (lo !== firstDayOfMonth(month)) parts.push(...prefixBefore(month, lo, "-", pipe));
  }
  if (parts.length === 0) parts.push(sql`SELECT '' AS resource_id, 0 AS c, 0 AS a, 0 AS g, 0 AS n WHERE 0`);
  return sql`SELECT resource_id, total(c) AS cost, total(a) AS amortized, total(g) AS co2e
    FROM (${unionAll(parts)}) GROUP BY resource_id HAVING total(n) > 0`;
}
