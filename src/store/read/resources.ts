/**
 * What the Resources page and API read, as pure store queries (both drivers): top resources by
 * cost or CO2e for a period and a pipeline, the resources that appeared or went in a period, and
 * one resource's detail (daily cost, usage types, tags, footprint, monthly history). Only lines
 * of the source counted for their day and account (`counted = 1`) are read. Period totals come
 * from the rollups only (./resource-period-totals.ts: whole months, and running sums within a
 * month for the partial ones), so any period of a year of millions of resource-day rows answers
 * from a few rows per resource.
 *
 * The exported row types are the contract another engine (Athena, for periods not kept locally)
 * answers in too: keep them plain data.
 */
import { sql } from "drizzle-orm";
import { addDays } from "../../days";
import type { Day, Month, Period } from "../../model";
import type { CairnDb } from "../store";
import { periodTotals } from "./resource-period-totals";

export type ResourceRanking = "cost" | "co2e";

export interface ResourceQuery extends Period {
  /** One pipeline ("" for untagged spend); every pipeline when absent. */
  pipeline?: string;
  by: ResourceRanking;
  limit: number;
}

/** One resource's totals over a period: the row of every resource list. */
export interface ResourceTotal {
  resourceId: string;
  name: string;
  type: string;
  service: string;
  accountId: string;
  region: string;
  costUsd: number;
  amortizedCostUsd: number;
  /** Location-based operational CO2e (embodied apart), as the carbon pages count it. */
  co2eGrams: number;
}

export interface TopResources {
  resources: ResourceTotal[];
  /** Resources billed in the period (all of them, not only the top). */
  count: number;
  /** Cost and CO2e of every counted resource line in the period. */
  totalCostUsd: number;
  totalCo2eGrams: number;
}

export interface ResourceChange extends ResourceTotal {
  firstDay: Day;
  lastDay: Day;
}

export interface ResourceChanges {
  /** First billed inside the period. */
  appeared: ResourceChange[];
  /** Last billed inside the period, before the last day the data covers. */
  gone: ResourceChange[];
}

export interface ResourceDay {
  day: Day;
  costUsd: number;
  amortizedCostUsd: number;
  co2eGrams: number;
}

export interface ResourceUsageType {
  service: string;
  region: string;
  usageType: string;
  pipeline: string;
  usageUnit: string;
  usageAmount: number;
  costUsd: number;
  amortizedCostUsd: number;
  energyKwh: number;
  co2eGrams: number;
  embodiedCo2eGrams: number;
}

export interface ResourceFootprint {
  costUsd: number;
  amortizedCostUsd: number;
  energyKwh: number;
  co2eGrams: number;
  embodiedCo2eGrams: number;
}

export interface ResourceDetail {
  resourceId: string;
  name: string;
  type: string;
  service: string;
  accountId: string;
  region: string;
  tags: Record<string, string>;
  /** First and last day billed, over all the data kept. */
  firstDay: Day | null;
  lastDay: Day | null;
  /** Every day of the period, billed or not. */
  days: ResourceDay[];
  usageTypes: ResourceUsageType[];
  /** The period's sums. */
  period: ResourceFootprint;
  /** Every month kept, oldest first: the resource's whole history. */
  months: { month: Month; costUsd: number; co2eGrams: number }[];
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
  const order = q.by === "co2e" ? sql`t.co2e DESC, t.cost DESC` : sql`t.cost DESC, t.co2e DESC`;
  // Totals computed once; window sums carry the count and grand totals on every row kept.
  const rows = await db.all<TotalRow & { n: number; all_cost: number; all_co2e: number }>(sql`SELECT t.resource_id,
      r.name, r.type, r.service, r.account_id, r.region, t.cost, t.amortized, t.co2e, t.n, t.all_cost, t.all_co2e
    FROM (SELECT *, count(*) OVER () AS n, sum(cost) OVER () AS all_cost, sum(co2e) OVER () AS all_co2e
      FROM (${periodTotals(q, q.pipeline)}) ORDER BY ${sql.raw(q.by === "co2e" ? "co2e DESC, cost DESC" : "cost DESC, co2e DESC")}, resource_id
      LIMIT ${q.limit}) t
    LEFT JOIN resources r ON r.resource_id = t.resource_id
    ORDER BY ${order}, t.resource_id`);
  const first = rows[0];
  return {
    resources: rows.map(toTotal),
    count: Number(first?.n ?? 0),
    totalCostUsd: Number(first?.all_cost ?? 0),
    totalCo2eGrams: Number(first?.all_co2e ?? 0),
  };
}

export async function resourceChanges(db: CairnDb, p: Period, pipeline?: string, limit = 50): Promise<ResourceChanges> {
  const latest = await db.all<{ d: string | null }>(sql`SELECT max(last_day) AS d FROM resources`);
  const lastDataDay = latest[0]?.d ?? "";
  const appearedIn = sql`r.first_day >= ${p.from} AND r.first_day < ${p.to}`;
  const goneIn = sql`r.last_day >= ${p.from} AND r.last_day < ${p.to} AND r.last_day < ${lastDataDay}`;
  // Usually few resources appear or go in a period: then only theirs are summed. When most do
  // (the first year of data), filtering by them costs more than it saves.
  const candidates = sql`SELECT resource_id FROM resources r WHERE (${appearedIn}) OR (${goneIn})`;
  const counts = await db.all<{ candidates: number; all: number }>(
    sql`SELECT (SELECT count(*) FROM (${candidates})) AS candidates, (SELECT count(*) FROM resources) AS "all"`,
  );
  const narrow = Number(counts[0]?.candidates ?? 0) * 2 < Number(counts[0]?.all ?? 0);
  // The period's totals once (from the rollups), narrowed to the resources that appeared or went
  // in it; each list's top kept on those narrow rows, and only then their names joined.
  const rows = await db.all<TotalRow & { first_day: string; last_day: string; list: "appeared" | "gone" }>(
    sql`WITH t AS (${periodTotals(p, pipeline, narrow ? candidates : undefined)}),
      c AS (SELECT t.resource_id, t.cost, t.amortized, t.co2e, (${appearedIn}) AS appeared, (${goneIn}) AS gone
        FROM t JOIN resources r ON r.resource_id = t.resource_id WHERE (${appearedIn}) OR (${goneIn})),
      kept AS (SELECT * FROM (SELECT 'appeared' AS list, * FROM c WHERE appeared ORDER BY cost DESC, resource_id LIMIT ${limit})
        UNION ALL SELECT * FROM (SELECT 'gone' AS list, * FROM c WHERE gone ORDER BY cost DESC, resource_id LIMIT ${limit}))
    SELECT k.list, k.resource_id, r.name, r.type, r.service, r.account_id, r.region, r.first_day, r.last_day,
      k.cost, k.amortized, k.co2e
    FROM kept k JOIN resources r ON r.resource_id = k.resource_id ORDER BY k.cost DESC, k.resource_id`,
  );
  const withDays = (kept: typeof rows): ResourceChange[] =>
    kept.map((r) => ({ ...toTotal(r), firstDay: r.first_day, lastDay: r.last_day }));
  return {
    appeared: withDays(rows.filter((r) => r.list === "appeared")),
    gone: withDays(rows.filter((r) => r.list === "gone")),
  };
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
  const where = sql`resource_id = ${resourceId} AND day >= ${p.from} AND day < ${p.to} AND counted = 1`;
  const daily = await db.all<{ day: string; cost: number; amortized: number; co2e: number }>(sql`SELECT day,
      total(unblended_cost_usd) AS cost, total(amortized_cost_usd) AS amortized, total(co2e_grams) AS co2e
    FROM resource_lines WHERE ${where} GROUP BY day`);
  const byDay = new Map(daily.map((d) => [d.day, d]));
  const days: ResourceDay[] = [];
  for (let d = p.from; d < p.to; d = addDays(d, 1)) {
    const x = byDay.get(d);
    days.push({
      day: d,
      costUsd: Number(x?.cost ?? 0),
      amortizedCostUsd: Number(x?.amortized ?? 0),
      co2eGrams: Number(x?.co2e ?? 0),
    });
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
    embodied: number;
  }>(sql`SELECT service, region, usage_type, pipeline, max(usage_unit) AS unit, total(usage_amount) AS usage,
      total(unblended_cost_usd) AS cost, total(amortized_cost_usd) AS amortized, total(energy_kwh) AS energy,
      total(co2e_grams) AS co2e, total(embodied_co2e_grams) AS embodied
    FROM resource_lines WHERE ${where}
    GROUP BY service, region, usage_type, pipeline ORDER BY cost DESC, usage_type`);
  const period: ResourceFootprint = {
    costUsd: 0,
    amortizedCostUsd: 0,
    energyKwh: 0,
    co2eGrams: 0,
    embodiedCo2eGrams: 0,
  };
  const usageTypes: ResourceUsageType[] = usage.map((u) => ({
    service: u.service,
    region: u.region,
    usageType: u.usage_type,
    pipeline: u.pipeline,
    usageUnit: u.unit,
    usageAmount: Number(u.usage),
    costUsd: Number(u.cost),
    amortizedCostUsd: Number(u.amortized),
    energyKwh: Number(u.energy),
    co2eGrams: Number(u.co2e),
    embodiedCo2eGrams: Number(u.embodied),
  }));
  for (const u of usageTypes) {
    period.costUsd += u.costUsd;
    period.amortizedCostUsd += u.amortizedCostUsd;
    period.energyKwh += u.energyKwh;
    period.co2eGrams += u.co2eGrams;
    period.embodiedCo2eGrams += u.embodiedCo2eGrams;
  }
  const months = await db.all<{ month: string; cost: number; co2e: number }>(sql`SELECT month,
      total(unblended_cost_usd) AS cost, total(co2e_grams) AS co2e FROM resource_months
    WHERE resource_id = ${resourceId} GROUP BY month ORDER BY month`);
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
    usageTypes,
    period,
    months: months.map((m) => ({ month: m.month, costUsd: Number(m.cost), co2eGrams: Number(m.co2e) })),
  };
}

/** The latest day any counted resource line covers (null when there are none). */
export async function latestResourceDay(db: CairnDb): Promise<Day | null> {
  const rows = await db.all<{ d: string | null }>(sql`SELECT max(last_day) AS d FROM resources`);
  return rows[0]?.d ?? null;
}
