/**
 * What AWS posts once a month, per day: tax, fees and support (src/analysis/charge-type.ts). The
 * forecasts leave it out of the daily profile they extend to the month's end (the month's tax on
 * its first day is not a Wednesday habit), so the month-end figure counts it once.
 */
import { type SQL, sql } from "drizzle-orm";
import type { DailyCost } from "../../analysis/forecast";
import type { Day, Period } from "../../model";
import { countedLine } from "../source-precedence";
import type { CairnDb } from "../store";
import { CHARGE_TYPE_SQL } from "./charge-type-sql";
import type { CostFilters } from "./costs";

/** The SQL condition "this cost line is posted once a month". */
export const ONCE_CHARGE_SQL: SQL = sql`(${CHARGE_TYPE_SQL}) IN ('tax', 'fee', 'support')`;

function filterSql(f: CostFilters): SQL[] {
  const parts: SQL[] = [];
  if (f.pipeline !== undefined) parts.push(sql`pipeline = ${f.pipeline}`);
  if (f.service !== undefined) parts.push(sql`service = ${f.service}`);
  if (f.region !== undefined) parts.push(sql`region = ${f.region}`);
  if (f.accountId !== undefined) parts.push(sql`account_id = ${f.accountId}`);
  if (f.source !== undefined) parts.push(sql`source = ${f.source}`);
  return parts;
}

/** The once-a-month charges of each day of the period, in USD (days without any are absent). */
export async function onceChargesByDay(
  db: CairnDb,
  period: Period,
  filters: CostFilters = {},
): Promise<Map<Day, number>> {
  const where = sql.join(
    [sql`day >= ${period.from}`, sql`day < ${period.to}`, ...filterSql(filters), ONCE_CHARGE_SQL, countedLine()],
    sql` AND `,
  );
  const rows = await db.all<{ day: Day; costUsd: number }>(
    sql`SELECT day, sum(unblended_cost_usd) AS costUsd FROM cost_lines WHERE ${where} GROUP BY day`,
  );
  return new Map(rows.map((r) => [r.day, Number(r.costUsd ?? 0)]));
}

/** The daily costs with each day's once-a-month part marked for the forecast. */
export function withOnceCharges(daily: readonly DailyCost[], once: ReadonlyMap<Day, number>): DailyCost[] {
  return daily.map((d) => {
    const onceUsd = once.get(d.day);
    return onceUsd ? { ...d, onceUsd } : d;
  });
}
