/**
 * Cost (and its location-based CO2e) over a period, grouped by one dimension. Answered from the
 * rollups (see ../cost-rollup.ts), never by scanning every line: whole months from
 * `cost_monthly`, the ragged ends of a period (and day-level views) from `cost_daily`.
 */
import { and, asc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { canonicalServiceFilter } from "../../aws/service-names";
import { addMonths, firstDayOfMonth, monthOf } from "../../days";
import type { CostSource, GroupBy, Period } from "../../model";
import { costDaily } from "../schema/index";
import type { CairnDb } from "../store";

export interface CostFilters {
  pipeline?: string;
  service?: string;
  region?: string;
  accountId?: string;
  source?: CostSource;
}

export interface CostQuery {
  period: Period;
  groupBy: GroupBy;
  filters?: CostFilters;
}

export interface CostFigures {
  costUsd: number;
  amortizedCostUsd: number;
  /** Location-based CO2e of the lines that have a footprint. */
  co2eGrams: number;
  lines: number;
}

export interface CostRow extends CostFigures {
  key: string;
}

export interface CostReport {
  rows: CostRow[];
  total: CostFigures;
}

const KEY_COLUMN = {
  day: costDaily.day,
  service: costDaily.service,
  region: costDaily.region,
  pipeline: costDaily.pipeline,
  account: costDaily.accountId,
  source: costDaily.source,
} as const;

/** Sums of floats drift in the last bits; six decimals keep micro-dollars exact enough. */
const round6 = (n: number | null) => Math.round((n ?? 0) * 1e6) / 1e6;

export function costWhere(period: Period, filters: CostFilters = {}): SQL | undefined {
  return and(
    gte(costDaily.day, period.from),
    lt(costDaily.day, period.to),
    filters.pipeline !== undefined ? eq(costDaily.pipeline, filters.pipeline) : undefined,
    filters.service !== undefined ? eq(costDaily.service, canonicalServiceFilter(filters.service)) : undefined,
    filters.region !== undefined ? eq(costDaily.region, filters.region) : undefined,
    filters.accountId !== undefined ? eq(costDaily.accountId, filters.accountId) : undefined,
    filters.source !== undefined ? eq(costDaily.source, filters.source) : undefined,
  );
}

const figures = {
  costUsd: sql<number>`sum(${costDaily.unblendedCostUsd})`,
  amortizedCostUsd: sql<number>`sum(${costDaily.amortizedCostUsd})`,
  co2eGrams: sql<number>`sum(${costDaily.co2eGrams})`,
  lines: sql<number>`coalesce(sum(${costDaily.lines}), 0)`,
};

function toFigures(r: {
  costUsd: number | null;
  amortizedCostUsd: number | null;
  co2eGrams: number | null;
  lines: number;
}) {
  return {
    costUsd: round6(r.costUsd),
    amortizedCostUsd: round6(r.amortizedCostUsd),
    co2eGrams: round6(r.co2eGrams),
    lines: Number(r.lines),
  };
}

const KEY_SQL: Record<GroupBy, SQL> = {
  day: sql.raw("day"),
  service: sql.raw("service"),
  region: sql.raw("region"),
  pipeline: sql.raw("pipeline"),
  account: sql.raw("account_id"),
  source: sql.raw("source"),
};

/** A period as whole months plus day ranges at its ends (months only when it spans one). */
export function splitPeriod(period: Period): { days: Period[]; months: { from: string; to: string } | null } {
  const firstWhole = period.from.endsWith("-01") ? period.from : firstDayOfMonth(addMonths(monthOf(period.from), 1));
  const afterWhole = firstDayOfMonth(monthOf(period.to));
  if (firstWhole >= afterWhole) return { days: [period], months: null };
  const days = [
    { from: period.from, to: firstWhole },
    { from: afterWhole, to: period.to },
  ].filter((p) => p.from < p.to);
  return { days, months: { from: monthOf(firstWhole), to: monthOf(afterWhole) } };
}

function filterSql(filters: CostFilters = {}): SQL {
  const parts: SQL[] = [];
  if (filters.pipeline !== undefined) parts.push(sql`pipeline = ${filters.pipeline}`);
  if (filters.service !== undefined) parts.push(sql`service = ${canonicalServiceFilter(filters.service)}`);
  if (filters.region !== undefined) parts.push(sql`region = ${filters.region}`);
  if (filters.accountId !== undefined) parts.push(sql`account_id = ${filters.accountId}`);
  if (filters.source !== undefined) parts.push(sql`source = ${filters.source}`);
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` AND `);
}

/** `SELECT <columns> FROM` the rollup rows covering the period, daily and monthly, as one union. */
export function rollupSource(
  columns: SQL,
  period: Period,
  filters: CostFilters | undefined,
  daysOnly: boolean,
  /** Columns for the monthly branch when they differ (cost_monthly has `month`, not `day`). */
  monthlyColumns: SQL = columns,
): SQL {
  const split = daysOnly ? { days: [period], months: null } : splitPeriod(period);
  const where = filterSql(filters);
  const branches: SQL[] = [];
  if (split.days.length > 0) {
    const ranges = sql.join(
      split.days.map((d) => sql`(day >= ${d.from} AND day < ${d.to})`),
      sql` OR `,
    );
    branches.push(sql`SELECT ${columns} FROM cost_daily WHERE (${ranges}) AND ${where}`);
  }
  if (split.months) {
    branches.push(
      sql`SELECT ${monthlyColumns} FROM cost_monthly WHERE month >= ${split.months.from} AND month < ${split.months.to} AND ${where}`,
    );
  }
  return sql.join(branches, sql` UNION ALL `);
}

export async function costsBy(db: CairnDb, query: CostQuery): Promise<CostReport> {
  const key = KEY_SQL[query.groupBy];
  const columns = sql`${key} AS k, unblended_cost_usd AS c, amortized_cost_usd AS a, co2e_grams AS g, lines AS n`;
  const source = rollupSource(columns, query.period, query.filters, query.groupBy === "day");
  const order = query.groupBy === "day" ? sql`k ASC` : sql`costUsd DESC, k ASC`;
  const rows = await db.all<{
    key: string;
    costUsd: number;
    amortizedCostUsd: number;
    co2eGrams: number;
    lines: number;
  }>(
    sql`SELECT k AS key, sum(c) AS costUsd, sum(a) AS amortizedCostUsd, sum(g) AS co2eGrams, sum(n) AS lines
      FROM (${source}) GROUP BY k ORDER BY ${order}`,
  );
  // The groups partition the selection, so the total is their sum: no second scan.
  const total = { costUsd: 0, amortizedCostUsd: 0, co2eGrams: 0, lines: 0 };
  for (const r of rows) {
    total.costUsd += r.costUsd ?? 0;
    total.amortizedCostUsd += r.amortizedCostUsd ?? 0;
    total.co2eGrams += r.co2eGrams ?? 0;
    total.lines += Number(r.lines);
  }
  return { rows: rows.map((r) => ({ key: r.key, ...toFigures(r) })), total: toFigures(total) };
}

/** Daily cost split by a second dimension, for stacked charts. */
export async function dailyCostsBy(
  db: CairnDb,
  period: Period,
  by: Exclude<GroupBy, "day">,
  filters?: CostFilters,
): Promise<{ day: string; key: string; costUsd: number }[]> {
  const key = KEY_COLUMN[by];
  const rows = await db
    .select({ day: costDaily.day, key, costUsd: figures.costUsd })
    .from(costDaily)
    .where(costWhere(period, filters))
    .groupBy(costDaily.day, key)
    .orderBy(asc(costDaily.day), asc(key));
  return rows.map((r) => ({ day: r.day, key: r.key, costUsd: round6(r.costUsd) }));
}

/** The newest day that has any cost line, or null for an empty store. */
export async function latestCostDay(db: CairnDb): Promise<string | null> {
  const [row] = await db.select({ day: sql<string | null>`max(${costDaily.day})` }).from(costDaily);
  return row?.day ?? null;
}

/** Every filter menu of a period in one pass: distinct pipelines, services, regions, accounts, sources. */
export async function dimensionMenus(
  db: CairnDb,
  period: Period,
): Promise<{ pipeline: string[]; service: string[]; region: string[]; account: string[]; source: string[] }> {
  const source = rollupSource(sql`pipeline, service, region, account_id AS account, source`, period, undefined, false);
  const rows = await db.all<{ pipeline: string; service: string; region: string; account: string; source: string }>(
    sql`SELECT DISTINCT pipeline, service, region, account, source FROM (${source})`,
  );
  const sorted = (pick: (r: (typeof rows)[number]) => string) => [...new Set(rows.map(pick))].sort();
  return {
    pipeline: sorted((r) => r.pipeline),
    service: sorted((r) => r.service),
    region: sorted((r) => r.region),
    account: sorted((r) => r.account),
    source: sorted((r) => r.source),
  };
}

/** Absolute cost of a selection by how its footprints were obtained, from the rollups. */
export interface CoverageSums {
  physical: number;
  proxy: number;
  excluded: number;
  unestimated: number;
}

export async function coverageSums(db: CairnDb, period: Period, filters?: CostFilters): Promise<CoverageSums> {
  const columns = sql`physical_abs_usd AS p, proxy_abs_usd AS x, excluded_abs_usd AS e, unestimated_abs_usd AS u`;
  const [row] = await db.all<{ p: number | null; x: number | null; e: number | null; u: number | null }>(
    sql`SELECT total(p) AS p, total(x) AS x, total(e) AS e, total(u) AS u FROM (${rollupSource(columns, period, filters, false)})`,
  );
  return { physical: row?.p ?? 0, proxy: row?.x ?? 0, excluded: row?.e ?? 0, unestimated: row?.u ?? 0 };
}
