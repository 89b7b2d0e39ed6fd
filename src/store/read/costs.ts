/**
 * Cost (and its location-based CO2e) over a period, grouped by one dimension. Answered from the
 * daily rollup (`cost_daily`, see ../cost-rollup.ts), never by scanning every line.
 */
import { and, asc, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { GroupBy, Period } from "../../model";
import { refreshCostRollup } from "../cost-rollup";
import { costDaily } from "../schema/index";
import type { CairnDb } from "../store";

export interface CostFilters {
  pipeline?: string;
  service?: string;
  region?: string;
  accountId?: string;
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
} as const;

/** Sums of floats drift in the last bits; six decimals keep micro-dollars exact enough. */
const round6 = (n: number | null) => Math.round((n ?? 0) * 1e6) / 1e6;

export function costWhere(period: Period, filters: CostFilters = {}): SQL | undefined {
  return and(
    gte(costDaily.day, period.from),
    lt(costDaily.day, period.to),
    filters.pipeline !== undefined ? eq(costDaily.pipeline, filters.pipeline) : undefined,
    filters.service !== undefined ? eq(costDaily.service, filters.service) : undefined,
    filters.region !== undefined ? eq(costDaily.region, filters.region) : undefined,
    filters.accountId !== undefined ? eq(costDaily.accountId, filters.accountId) : undefined,
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

export async function costsBy(db: CairnDb, query: CostQuery): Promise<CostReport> {
  const key = KEY_COLUMN[query.groupBy];
  const where = costWhere(query.period, query.filters);
  await refreshCostRollup(db);
  const rows = await db
    .select({ key, ...figures })
    .from(costDaily)
    .where(where)
    .groupBy(key)
    .orderBy(query.groupBy === "day" ? asc(key) : desc(figures.costUsd));
  const [total] = await db.select(figures).from(costDaily).where(where);
  return {
    rows: rows.map((r) => ({ key: r.key, ...toFigures(r) })),
    total: toFigures(total ?? { costUsd: 0, amortizedCostUsd: 0, co2eGrams: 0, lines: 0 }),
  };
}

/** Daily cost split by a second dimension, for stacked charts. */
export async function dailyCostsBy(
  db: CairnDb,
  period: Period,
  by: Exclude<GroupBy, "day">,
  filters?: CostFilters,
): Promise<{ day: string; key: string; costUsd: number }[]> {
  const key = KEY_COLUMN[by];
  await refreshCostRollup(db);
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
  await refreshCostRollup(db);
  const [row] = await db.select({ day: sql<string | null>`max(${costDaily.day})` }).from(costDaily);
  return row?.day ?? null;
}

/** Distinct values of a dimension over a period, for filter menus. */
export async function dimensionValues(db: CairnDb, period: Period, by: Exclude<GroupBy, "day">): Promise<string[]> {
  const key = KEY_COLUMN[by];
  await refreshCostRollup(db);
  const rows = await db.selectDistinct({ key }).from(costDaily).where(costWhere(period)).orderBy(asc(key));
  return rows.map((r) => r.key);
}
