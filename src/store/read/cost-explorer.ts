/**
 * The explorer for tuning work: one or two group-by dimensions (usage type among them), day or
 * month buckets, a charge-type filter, amortised or unblended cost, and the previous period of
 * the same length beside it. Questions the rollups can answer (no usage type, no charge type)
 * are answered from them (see ./costs.ts); the others read the lines of the period through the
 * day index, with their footprints. Every row's figures are exact sums, so two-level totals,
 * one-level totals and the period total agree.
 */
import { type SQL, sql } from "drizzle-orm";
import type { ChargeType } from "../../analysis/charge-type";
import type { Calibration } from "../../carbon/calibration-scales";
import { addDays, daysBetween } from "../../days";
import type { Period } from "../../model";
import { countedLine } from "../source-precedence";
import type { CairnDb } from "../store";
import { CHARGE_TYPE_SQL } from "./charge-type-sql";
import { type CostFilters, rollupSource } from "./costs";

export type ExploreDimension = "day" | "service" | "region" | "pipeline" | "account" | "source" | "usageType";
export const EXPLORE_DIMENSIONS: readonly ExploreDimension[] = [
  "day",
  "service",
  "region",
  "pipeline",
  "account",
  "source",
  "usageType",
];
export type Granularity = "day" | "month";
export type CostType = "amortised" | "unblended";

export interface ExploreFilters extends CostFilters {
  usageType?: string;
  chargeType?: ChargeType;
}

export interface ExploreQuery {
  period: Period;
  /** One or two dimensions: rows by the first, each with its rows by the second. */
  groupBy: readonly ExploreDimension[];
  granularity: Granularity;
  costType: CostType;
  compare: boolean;
  filters: ExploreFilters;
  /** CAIRN_CARBON_CALIBRATION=aws: CO2e scaled to AWS's figures (loaded for the period's months). */
  calibration?: Calibration | null;
}

export interface ExploreFigures {
  /** The chosen cost type's figure. */
  costUsd: number;
  unblendedCostUsd: number;
  amortizedCostUsd: number;
  co2eGrams: number;
  lines: number;
  /** With `compare`: the same key's cost over the previous period of the same length. */
  previousCostUsd?: number;
}

export interface ExploreRow extends ExploreFigures {
  key: string;
  children?: ExploreRow[];
}

export interface ExploreReport {
  rows: ExploreRow[];
  total: ExploreFigures;
  /** Cost per day or month bucket over the period (the chart's series). */
  series: { bucket: string; costUsd: number }[];
  previousPeriod?: Period;
  /** True when the CO2e figures are calibrated to AWS's (see src/carbon/calibration-scales.ts). */
  co2eCalibrated?: boolean;
}

const COLUMN: Record<Exclude<ExploreDimension, "day">, string> = {
  service: "service",
  region: "region",
  pipeline: "pipeline",
  account: "account_id",
  source: "source",
  usageType: "usage_type",
};

/** The period just before, of the same number of days. */
export function previousPeriod(period: Period): Period {
  const days = daysBetween(period.from, period.to);
  return { from: addDays(period.from, -days), to: period.from };
}

function needsLines(q: Pick<ExploreQuery, "groupBy" | "filters">): boolean {
  return q.groupBy.includes("usageType") || q.filters.usageType !== undefined || q.filters.chargeType !== undefined;
}

function lineFilters(period: Period, f: ExploreFilters): SQL {
  const parts: SQL[] = [sql`day >= ${period.from}`, sql`day < ${period.to}`];
  if (f.pipeline !== undefined) parts.push(sql`pipeline = ${f.pipeline}`);
  if (f.service !== undefined) parts.push(sql`service = ${f.service}`);
  if (f.region !== undefined) parts.push(sql`region = ${f.region}`);
  if (f.accountId !== undefined) parts.push(sql`account_id = ${f.accountId}`);
  if (f.source !== undefined) parts.push(sql`source = ${f.source}`);
  if (f.usageType !== undefined) parts.push(sql`usage_type = ${f.usageType}`);
  if (f.chargeType !== undefined) parts.push(sql`(${CHARGE_TYPE_SQL}) = ${f.chargeType}`);
  return sql.join(parts, sql` AND `);
}

function keyExpression(dim: ExploreDimension | undefined, granularity: Granularity, monthly: boolean): SQL {
  if (dim === undefined) return sql.raw("''");
  if (dim === "day") {
    if (monthly) return sql.raw("month");
    return sql.raw(granularity === "month" ? "substr(day, 1, 7)" : "day");
  }
  return sql.raw(COLUMN[dim]);
}

/** Rows keyed (k1, k2) with their figures, from the lines or the rollups. */
/** The calibration group of each row (month, account, service, region), when calibrating. */
function groupColumns(q: ExploreQuery, monthly: boolean): SQL {
  if (!q.calibration) return sql``;
  return sql.raw(`, ${monthly ? "month" : "substr(day, 1, 7)"} AS cm, account_id AS ca, service AS cs, region AS cr`);
}

function groupedSource(q: ExploreQuery, period: Period, dims: readonly (ExploreDimension | undefined)[]): SQL {
  const [d1, d2] = dims;
  if (needsLines(q)) {
    const k1 = keyExpression(d1, q.granularity, false);
    const k2 = keyExpression(d2, q.granularity, false);
    return sql`SELECT ${k1} AS k1, ${k2} AS k2, unblended_cost_usd AS c, amortized_cost_usd AS a,
      coalesce(co2e_grams, 0) AS g, 1 AS n${groupColumns(q, false)}
      FROM cost_lines LEFT JOIN footprints ON footprints.cost_line_id = cost_lines.id
      WHERE ${lineFilters(period, q.filters)} AND ${countedLine()}`;
  }
  const columns = (monthly: boolean) =>
    sql`${keyExpression(d1, q.granularity, monthly)} AS k1, ${keyExpression(d2, q.granularity, monthly)} AS k2,
      unblended_cost_usd AS c, amortized_cost_usd AS a, co2e_grams AS g, lines AS n${groupColumns(q, monthly)}`;
  // Day buckets need day rows; month buckets (or no time at all) may use whole months.
  const daysOnly = dims.includes("day") && q.granularity === "day";
  return rollupSource(columns(false), period, q.filters, daysOnly, columns(true));
}

interface Grouped {
  k1: string;
  k2: string;
  c: number;
  a: number;
  g: number;
  n: number;
}

async function grouped(
  db: CairnDb,
  q: ExploreQuery,
  period: Period,
  dims: readonly (ExploreDimension | undefined)[],
): Promise<Grouped[]> {
  const cal = q.calibration;
  if (!cal) {
    return db.all<Grouped>(
      sql`SELECT k1, k2, total(c) AS c, total(a) AS a, total(g) AS g, total(n) AS n
        FROM (${groupedSource(q, period, dims)}) GROUP BY k1, k2`,
    );
  }
  // Split by calibration group, scale each group's CO2e, then sum back by (k1, k2).
  const split = await db.all<Grouped & { cm: string; ca: string; cs: string; cr: string; p: number }>(
    sql`SELECT k1, k2, cm, ca, cs, cr, total(c) AS c, total(a) AS a, total(g) AS g, total(n) AS n,
        total(max(c, 0)) AS p
      FROM (${groupedSource(q, period, dims)}) GROUP BY k1, k2, cm, ca, cs, cr`,
  );
  const out = new Map<string, Grouped>();
  for (const r of split) {
    const scale = cal.scaleOf(r.cm, r.ca, r.cs, r.cr);
    const g = !scale ? r.g : scale.by === "co2e" ? r.g * scale.location : r.p * scale.location;
    const k = `${r.k1}\u0000${r.k2}`;
    const had = out.get(k);
    if (had) {
      had.c += r.c;
      had.a += r.a;
      had.g += g;
      had.n += r.n;
    } else out.set(k, { k1: r.k1, k2: r.k2, c: r.c, a: r.a, g, n: r.n });
  }
  return [...out.values()];
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function figuresOf(rows: readonly Grouped[], costType: CostType): ExploreFigures {
  let c = 0;
  let a = 0;
  let g = 0;
  let n = 0;
  for (const r of rows) {
    c += r.c;
    a += r.a;
    g += r.g;
    n += r.n;
  }
  return {
    costUsd: round6(costType === "amortised" ? a : c),
    unblendedCostUsd: round6(c),
    amortizedCostUsd: round6(a),
    co2eGrams: round6(g),
    lines: Math.round(n),
  };
}

function groupRows(rows: readonly Grouped[], key: (r: Grouped) => string): Map<string, Grouped[]> {
  const out = new Map<string, Grouped[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Time keys in time order; every other key by cost, largest first, then by name. */
function sortRows(rows: ExploreRow[], dim: ExploreDimension | undefined): ExploreRow[] {
  if (dim === "day") return rows.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return rows.sort((x, y) => y.costUsd - x.costUsd || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function buildRows(current: readonly Grouped[], previous: readonly Grouped[] | null, q: ExploreQuery): ExploreRow[] {
  const [d1, d2] = q.groupBy;
  const now1 = groupRows(current, (r) => r.k1);
  const before1 = previous ? groupRows(previous, (r) => r.k1) : new Map<string, Grouped[]>();
  // A time key of the previous period never matches one of this period: compare by time only in total.
  const keys = new Set([...now1.keys(), ...(d1 === "day" ? [] : before1.keys())]);
  const rows: ExploreRow[] = [];
  for (const k of keys) {
    const mine = now1.get(k) ?? [];
    const row: ExploreRow = { key: k, ...figuresOf(mine, q.costType) };
    if (previous && d1 !== "day") row.previousCostUsd = figuresOf(before1.get(k) ?? [], q.costType).costUsd;
    if (d2 !== undefined) {
      const now2 = groupRows(mine, (r) => r.k2);
      const before2 = groupRows(before1.get(k) ?? [], (r) => r.k2);
      const childKeys = new Set([...now2.keys(), ...(d2 === "day" ? [] : before2.keys())]);
      const children: ExploreRow[] = [];
      for (const k2 of childKeys) {
        const child: ExploreRow = { key: k2, ...figuresOf(now2.get(k2) ?? [], q.costType) };
        if (previous && d1 !== "day" && d2 !== "day") {
          child.previousCostUsd = figuresOf(before2.get(k2) ?? [], q.costType).costUsd;
        }
        children.push(child);
      }
      row.children = sortRows(children, d2);
    }
    rows.push(row);
  }
  return sortRows(rows, d1);
}

export async function explore(db: CairnDb, q: ExploreQuery): Promise<ExploreReport> {
  const dims = [q.groupBy[0], q.groupBy[1]];
  const before = q.compare ? previousPeriod(q.period) : null;
  const [current, previous, buckets] = await Promise.all([
    grouped(db, q, q.period, dims),
    before ? grouped(db, q, before, dims) : Promise.resolve(null),
    grouped(db, q, q.period, ["day", undefined]),
  ]);
  const total = figuresOf(current, q.costType);
  if (previous) total.previousCostUsd = figuresOf(previous, q.costType).costUsd;
  const series = buckets
    .map((b) => ({ bucket: b.k1, costUsd: round6(q.costType === "amortised" ? b.a : b.c) }))
    .sort((x, y) => (x.bucket < y.bucket ? -1 : 1));
  const report: ExploreReport = { rows: buildRows(current, previous, q), total, series };
  if (before) report.previousPeriod = before;
  if (q.calibration) report.co2eCalibrated = true;
  return report;
}

/** Distinct usage types of a period (optionally of one service), for the explorer's filter menu. */
export async function usageTypeMenu(db: CairnDb, period: Period, service?: string): Promise<string[]> {
  const rows = await db.all<{ u: string }>(
    sql`SELECT DISTINCT usage_type AS u FROM cost_lines WHERE day >= ${period.from} AND day < ${period.to} AND ${countedLine()}
      ${service !== undefined ? sql`AND service = ${service}` : sql``} ORDER BY u`,
  );
  return rows.map((r) => r.u);
}
