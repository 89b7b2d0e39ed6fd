/**
 * What the Resources page and API read: top resources by cost or CO2e for a period and a
 * pipeline, one resource's detail (daily cost, usage types, footprint, lifetime cost), and the
 * resources that appeared or disappeared in a period. Whole months are read from the monthly
 * rollup (`resource_months`), only the partial months at the edges from the lines, so a year of
 * a few million resource-day rows answers from tens of thousands of rollup rows.
 */
import { type SQL, sql } from "drizzle-orm";
import { addDays, addMonths, firstDayOfMonth, monthOf } from "../../days";
import type { Day, Month, Period } from "../../model";
import type { CairnDb } from "../store";

export type ResourceRanking = "cost" | "co2e";

export interface ResourceQuery extends Period {
  /** One pipeline (the empty string for untagged spend); every pipeline when absent. */
  pipeline?: string;
  by: ResourceRanking;
  limit: number;
}

export interface ResourceTotal {
  resourceId: string;
  name: string;
  type: string;
  service: string;
  accountId: string;
  region: string;
  costUsd: number;
  amortizedCostUsd: number;
  co2eGrams: number;
}

export interface TopResources {
  resources: ResourceTotal[];
  /** Resources billed in the period (all of them, not only the top). */
  count: number;
  /** Cost and CO2e of every resource line in the period. */
  totalCostUsd: number;
  totalCo2eGrams: number;
}

/** The whole months inside a period, and the days before and after them. */
export function splitPeriod(p: Period): { months: Month[]; edges: Period[] } {
  let firstWhole = monthOf(p.from);
  if (firstDayOfMonth(firstWhole) < p.from) firstWhole = addMonths(firstWhole, 1);
  const months: Month[] = [];
  for (let m = firstWhole; firstDayOfMonth(addMonths(m, 1)) <= p.to; m = addMonths(m, 1)) months.push(m);
  if (months.length === 0) return { months, edges: p.from < p.to ? [p] : [] };
  const start = firstDayOfMonth(months[0] as Month);
  const end = firstDayOfMonth(addMonths(months.at(-1) as Month, 1));
  const edges: Period[] = [];
  if (p.from < start) edges.push({ from: p.from, to: start });
  if (end < p.to) edges.push({ from: end, to: p.to });
  return { months, edges };
}

/** Per resource: cost, amortised cost and CO2e over a period (a subquery). */
function periodTotals(p: Period, pipeline: string | undefined): SQL {
  const { months, edges } = splitPeriod(p);
  const pipe = (col: string) => (pipeline === undefined ? sql`` : sql` AND ${sql.raw(col)} = ${pipeline}`);
  const parts: SQL[] = [];
  if (months.length > 0) {
    parts.push(sql`SELECT resource_id, unblended_cost_usd AS c, amortized_cost_usd AS a, co2e_grams AS g
      FROM resource_months WHERE month IN (${sql.join(
        months.map((m) => sql`${m}`),
        sql`, `,
      )})${pipe("pipeline")}`);
  }
  for (const e of edges) {
    parts.push(sql`SELECT resource_id, unblended_cost_usd AS c, amortized_cost_usd AS a, co2e_grams AS g
      FROM resource_lines WHERE day >= ${e.from} AND day < ${e.to}${pipe("pipeline")}`);
  }
  if (parts.length === 0) parts.push(sql`SELECT '' AS resource_id, 0 AS c, 0 AS a, 0 AS g WHERE 0`);
  return sql`SELECT resource_id, sum(c) AS cost, sum(a) AS amortized, sum(g) AS co2e
    FROM (${sql.join(parts, sql` UNION ALL `)}) GROUP BY resource_id`;
}

interface TotalRow {
  resource_id: string;
  name: string | null;
  type: string | null;
  service: string | null;
  account_id: string | null;
  region: string | null;
  cost: number;
  amortized: number;
  co2e: number;
}

const toTotal = (r: TotalRow): ResourceTotal => ({
  resourceId: r.resource_id,
  name: r.name ?? "",
  type: r.type ?? "",
  service: r.service ?? "",
  accountId: r.account_id ?? "",
  region: r.region ?? "",
  costUsd: Number(r.cost),
  amortizedCostUsd: Number(r.amortized),
  co2eGrams: Number(r.co2e),
});

export async function topResources(db: CairnDb, q: ResourceQuery): Promise<TopResources> {
  const totals = periodTotals(q, q.pipeline);
  const order = q.by === "co2e" ? sql`t.co2e DESC, t.cost DESC` : sql`t.cost DESC, t.co2e DESC`;
  // The totals are computed once: window sums carry the count and totals on every row kept.
  const rows = await db.all<TotalRow & { n: number; all_cost: number; all_co2e: number }>(sql`SELECT t.resource_id,
      r.name, r.type, r.service, r.account_id, r.region, t.cost, t.amortized, t.co2e, t.n, t.all_cost, t.all_co2e
    FROM (SELECT *, count(*) OVER () AS n, sum(cost) OVER () AS all_cost, sum(co2e) OVER () AS all_co2e
      FROM (${totals})) t LEFT JOIN resources r ON r.resource_id = t.resource_id
    ORDER BY ${order}, t.resource_id LIMIT ${q.limit}`);
  const s = rows[0];
  return {
    resources: rows.map(toTotal),
    count: Number(s?.n ?? 0),
    totalCostUsd: Number(s?.all_cost ?? 0),
    totalCo2eGrams: Number(s?.all_co2e ?? 0),
  };
}

export interface ResourceChange extends ResourceTotal {
  firstDay: Day;
  lastDay: Day;
}

export interface ResourceChanges {
  /** First billed inside the period. */
  appeared: ResourceChange[];
  /** Last billed inside the period, before the last day the data covers. */
  disappeared: ResourceChange[];
}

export async function resourceChanges(db: CairnDb, p: Period, limit = 50): Promise<ResourceChanges> {
  const latest = await db.all<{ d: string | null }>(sql`SELECT max(last_day) AS d FROM resources`);
  const lastDataDay = latest[0]?.d ?? "";
  // Few resources appear or go in a period: their figures are read per resource (indexed).
  const figure = (col: string) =>
    sql`(SELECT coalesce(sum(${sql.raw(col)}), 0) FROM resource_lines l WHERE l.resource_id = r.resource_id
      AND l.day >= ${p.from} AND l.day < ${p.to})`;
  const select = (where: SQL) =>
    db.all<TotalRow & { first_day: string; last_day: string }>(sql`SELECT * FROM (SELECT r.resource_id, r.name, r.type,
        r.service, r.account_id, r.region, r.first_day, r.last_day, ${figure("unblended_cost_usd")} AS cost,
        ${figure("amortized_cost_usd")} AS amortized, ${figure("co2e_grams")} AS co2e
      FROM resources r WHERE ${where}) ORDER BY cost DESC, resource_id LIMIT ${limit}`);
  const appeared = await select(sql`r.first_day >= ${p.from} AND r.first_day < ${p.to}`);
  const disappeared = await select(
    sql`r.last_day >= ${p.from} AND r.last_day < ${p.to} AND r.last_day < ${lastDataDay}`,
  );
  const withDays = (rows: typeof appeared) =>
    rows.map((r) => ({ ...toTotal(r), firstDay: r.first_day, lastDay: r.last_day }));
  return { appeared: withDays(appeared), disappeared: withDays(disappeared) };
}

export interface ResourceUsageType {
  service: string;
  region: string;
  usageType: string;
  pipeline: string;
  usageUnit: string;
  usageAmount: number;
  costUsd: number;
  energyKwh: number;
  co2eGrams: number;
}

export interface ResourceDetail {
  resourceId: string;
  name: string;
  type: string;
  service: string;
  accountId: string;
  region: string;
  tags: Record<string, string>;
  firstDay: Day | null;
  lastDay: Day | null;
  /** Every day of the period, billed or not. */
  days: { day: Day; costUsd: number; co2eGrams: number }[];
  usageTypes: ResourceUsageType[];
  period: { costUsd: number; amortizedCostUsd: number; energyKwh: number; co2eGrams: number };
  /** Cost of ownership: everything the resource was billed since its first day, by month. */
  lifetime: { costUsd: number; co2eGrams: number; months: { month: Month; costUsd: number; co2eGrams: number }[] };
}

function parseTags(text: string): Record<string, string> {
  try {
    const obj = JSON.parse(text) as unknown;
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) return {};
    return Object.fromEntries(Object.entries(obj as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

export async function resourceDetail(db: CairnDb, resourceId: string, p: Period): Promise<ResourceDetail | null> {
  const found = await db.all<{
    name: string;
    type: string;
    service: string;
    account_id: string;
    region: string;
    tags: string;
    first_day: string | null;
    last_day: string | null;
  }>(sql`SELECT name, type, service, account_id, region, tags, first_day, last_day FROM resources
    WHERE resource_id = ${resourceId}`);
  const r = found[0];
  if (!r) return null;
  const daily = await db.all<{
    day: string;
    cost: number;
    co2e: number;
  }>(sql`SELECT day, sum(unblended_cost_usd) AS cost,
      sum(co2e_grams) AS co2e FROM resource_lines WHERE resource_id = ${resourceId} AND day >= ${p.from} AND day < ${p.to}
    GROUP BY day`);
  const byDay = new Map(daily.map((d) => [d.day, d]));
  const days: ResourceDetail["days"] = [];
  for (let d = p.from; d < p.to; d = addDays(d, 1)) {
    const x = byDay.get(d);
    days.push({ day: d, costUsd: Number(x?.cost ?? 0), co2eGrams: Number(x?.co2e ?? 0) });
  }
  const usage = await db.all<{
    service: string;
    region: string;
    usage_type: string;
    pipeline: string;
    unit: string;
    usage: number;
    cost: number;
    amortized: number;
    energy: number;
    co2e: number;
  }>(sql`SELECT service, region, usage_type, pipeline, max(usage_unit) AS unit, sum(usage_amount) AS usage,
      sum(unblended_cost_usd) AS cost, sum(amortized_cost_usd) AS amortized, sum(energy_kwh) AS energy,
      sum(co2e_grams) AS co2e
    FROM resource_lines WHERE resource_id = ${resourceId} AND day >= ${p.from} AND day < ${p.to}
    GROUP BY service, region, usage_type, pipeline ORDER BY cost DESC`);
  const period = { costUsd: 0, amortizedCostUsd: 0, energyKwh: 0, co2eGrams: 0 };
  for (const u of usage) {
    period.costUsd += Number(u.cost);
    period.amortizedCostUsd += Number(u.amortized);
    period.energyKwh += Number(u.energy);
    period.co2eGrams += Number(u.co2e);
  }
  const months = await db.all<{ month: string; cost: number; co2e: number }>(sql`SELECT month,
      sum(unblended_cost_usd) AS cost, sum(co2e_grams) AS co2e FROM resource_months
    WHERE resource_id = ${resourceId} GROUP BY month ORDER BY month`);
  const lifetime = { costUsd: 0, co2eGrams: 0, months: [] as ResourceDetail["lifetime"]["months"] };
  for (const m of months) {
    lifetime.costUsd += Number(m.cost);
    lifetime.co2eGrams += Number(m.co2e);
    lifetime.months.push({ month: m.month, costUsd: Number(m.cost), co2eGrams: Number(m.co2e) });
  }
  return {
    resourceId,
    name: r.name,
    type: r.type,
    service: r.service,
    accountId: r.account_id,
    region: r.region,
    tags: parseTags(r.tags),
    firstDay: r.first_day,
    lastDay: r.last_day,
    days,
    usageTypes: usage.map((u) => ({
      service: u.service,
      region: u.region,
      usageType: u.usage_type,
      pipeline: u.pipeline,
      usageUnit: u.unit,
      usageAmount: Number(u.usage),
      costUsd: Number(u.cost),
      energyKwh: Number(u.energy),
      co2eGrams: Number(u.co2e),
    })),
    period,
    lifetime,
  };
}
