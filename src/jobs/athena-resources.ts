/**
 * The Resources views on Athena, for periods whose resource lines are not kept locally (an
 * organisation too big for one SQLite file, or periods collected on Athena), in the same row
 * shapes as the local reader (src/store/read/resources.ts): top resources by cost or by CO2e for
 * a period and a pipeline, the resources new or gone in it, and one resource's page.
 *
 * Each view is one partitioned query (its cost counted against the monthly cap like any other),
 * read through the import's own mapping; each group takes its share of the same day's stored
 * footprint (src/store/read/footprint-ratios.ts), as the local resource lines do. Answers are
 * cached in the store keyed by the query's text (which names the table, its columns, the periods
 * and the days): asking again costs nothing until a collection re-reads one of its periods,
 * which drops the entry (src/jobs/collect-athena.ts).
 *
 * Where the two engines cannot agree, and why:
 * - "new" and "gone" are judged over the view's billing periods with the one before and the one
 *   after (the local store judges over all it keeps): a resource idle for more than a whole
 *   billing period and then billed again shows as new on Athena. Reading every period would scan
 *   (and bill) the whole export on every view.
 * - a resource's page gives its first and last billed day and its months over the period shown,
 *   not over its whole history, for the same reason.
 */
import { athenaCell, type Row } from "../../collectors/athena/charges";
import { rowObjects } from "../../collectors/athena/run";
import {
  type PartitionedQuery,
  periodsOf,
  resourceDaysQuery,
  resourceDetailQuery,
  resourceSpanQuery,
} from "../../collectors/athena/sql";
import { type FocusCharge, isAwsProvider, parseCharge } from "../../collectors/focus/parse-charge";
import { addDays, addMonths, firstDayOfMonth, monthOf } from "../days";
import type { Day, Month, Period } from "../model";
import { readAthenaCache, writeAthenaCache } from "../store/athena-queries";
import { dailyKeyFootprints, footprintKey, type KeyFootprint, shareOf } from "../store/read/footprint-ratios";
import type {
  ResourceChange,
  ResourceChanges,
  ResourceDay,
  ResourceDetail,
  ResourceQuery,
  ResourceTotal,
  ResourceUsageType,
  TopResources,
} from "../store/read/resources";
import { readDb } from "../store/store";
import { athenaQuery, focusTable, type SessionDeps } from "./athena-session";

export const RESOURCES_PURPOSE = "resources-top";
export const CHANGES_PURPOSE = "resources-changes";
export const DETAIL_PURPOSE = "resource-detail";

/** One resource's sums for one pipeline, as cached (the ranking is made from them at each view). */
interface CachedResource extends ResourceTotal {
  pipeline: string;
}

/** The cached answer of `query`, or `compute`'s, then cached. */
async function cachedAnswer<T>(
  deps: SessionDeps,
  purpose: string,
  query: PartitionedQuery,
  compute: (rows: Row[]) => Promise<T>,
): Promise<{ value: T; cached: boolean }> {
  const hit = await readAthenaCache(deps.store, query.text);
  if (hit !== null) return { value: JSON.parse(hit) as T, cached: true };
  const result = await athenaQuery(deps, purpose, query);
  const value = await compute(rowObjects(result));
  await writeAthenaCache(deps.store, {
    queryText: query.text,
    purpose,
    billingPeriods: query.periods.join(","),
    createdAt: deps.now().toISOString(),
    payload: JSON.stringify(value),
  });
  return { value, cached: false };
}

/** An answer row as the import reads it, with its share of the day's stored footprint; null for rows the import skips. */
function chargeWithShare(
  row: Row,
  pipelineTag: string,
  footprints: Map<string, KeyFootprint>,
): { charge: FocusCharge; key: KeyFootprint | undefined; share: number } | null {
  const parsed = parseCharge(athenaCell(row, pipelineTag), pipelineTag);
  if (!parsed.ok || !parsed.charge.isAws) return null;
  const c = parsed.charge;
  const key = footprints.get(footprintKey(c.day, c.accountId, c.service, c.region, c.usageType, c.pipeline));
  return { charge: c, key, share: shareOf(key, c.usageAmount, c.billedCost) };
}

export interface AthenaResourceQuery extends ResourceQuery {
  pipelineTag: string;
}

/** Every resource's sums per pipeline over the view's days (cached). */
async function resourceSums(
  deps: SessionDeps,
  view: Period & { pipelineTag: string },
): Promise<{ value: CachedResource[]; cached: boolean }> {
  const table = await focusTable(deps, "resources");
  const query = resourceDaysQuery(table, view);
  return cachedAnswer(deps, RESOURCES_PURPOSE, query, async (rows) => {
    const footprints = await dailyKeyFootprints(readDb(deps.store), view);
    const byKey = new Map<string, CachedResource & { best: number }>();
    for (const row of rows) {
      // One row per resource, key and month; its days come as arrays (collectors/athena/sql.ts).
      const parsed = parseCharge(
        athenaCell({ ...row, charge_day: `${row.charge_month}-01` }, view.pipelineTag),
        view.pipelineTag,
      );
      if (!parsed.ok || !parsed.charge.isAws) continue;
      const c = parsed.charge;
      const co2e = dailyGrams(row, footprints, c);
      const key = `${row.resource_id}\u0000${c.pipeline}`;
      const known = byKey.get(key);
      if (known) {
        known.costUsd += c.billedCost;
        known.amortizedCostUsd += c.effectiveCost;
        known.co2eGrams += co2e;
        // The resource's service, account and region: those of its largest cost.
        if (c.billedCost > known.best)
          Object.assign(known, { best: c.billedCost, service: c.service, accountId: c.accountId, region: c.region });
        if (c.resourceName > known.name) known.name = c.resourceName;
        if (c.resourceType > known.type) known.type = c.resourceType;
      } else {
        byKey.set(key, {
          resourceId: row.resource_id ?? "",
          pipeline: c.pipeline,
          name: c.resourceName,
          type: c.resourceType,
          service: c.service,
          accountId: c.accountId,
          region: c.region,
          costUsd: c.billedCost,
          amortizedCostUsd: c.effectiveCost,
          co2eGrams: co2e,
          best: c.billedCost,
        });
      }
    }
    return [...byKey.values()].map(({ best: _, ...r }) => r);
  });
}

const jsonArray = (text: string | null | undefined): unknown[] => {
  if (!text) return [];
  const parsed = JSON.parse(text) as unknown;
  return Array.isArray(parsed) ? parsed : [];
};

/**
 * A month's group's grams: each of its days takes its share of that day's stored footprint of the
 * key (of the day's usage, or of its cost when the key's line has no usage that day), as the local
 * resource lines do.
 */
function dailyGrams(row: Row, footprints: Map<string, KeyFootprint>, c: FocusCharge): number {
  const days = jsonArray(row.days);
  const billed = jsonArray(row.day_billed);
  const quantity = jsonArray(row.day_quantity);
  let grams = 0;
  days.forEach((day, i) => {
    const fp = footprints.get(
      footprintKey(String(day).slice(0, 10), c.accountId, c.service, c.region, c.usageType, c.pipeline),
    );
    grams += (fp?.co2eGrams ?? 0) * shareOf(fp, Number(quantity[i] ?? 0), Number(billed[i] ?? 0));
  });
  return grams;
}

/** The pipeline's sums, or every pipeline's summed per resource. */
function totalsFor(sums: readonly CachedResource[], pipeline: string | undefined): Map<string, ResourceTotal> {
  const totals = new Map<string, ResourceTotal & { best: number }>();
  for (const r of sums) {
    if (pipeline !== undefined && r.pipeline !== pipeline) continue;
    const { pipeline: _, ...row } = r;
    const t = totals.get(r.resourceId);
    if (!t) totals.set(r.resourceId, { ...row, best: row.costUsd });
    else {
      if (row.costUsd > t.best)
        Object.assign(t, { best: row.costUsd, service: row.service, accountId: row.accountId, region: row.region });
      t.costUsd += row.costUsd;
      t.amortizedCostUsd += row.amortizedCostUsd;
      t.co2eGrams += row.co2eGrams;
      if (row.name > t.name) t.name = row.name;
      if (row.type > t.type) t.type = row.type;
    }
  }
  return new Map([...totals].map(([id, { best: _, ...t }]) => [id, t]));
}

export interface AthenaTopResources extends TopResources {
  /** Whether the answer came from the store's cache (no query sent). */
  cached: boolean;
}

export async function topResourcesOnAthena(deps: SessionDeps, q: AthenaResourceQuery): Promise<AthenaTopResources> {
  const sums = await resourceSums(deps, q);
  const all = [...totalsFor(sums.value, q.pipeline).values()];
  const rank = (a: ResourceTotal, b: ResourceTotal) =>
    q.by === "co2e"
      ? b.co2eGrams - a.co2eGrams || b.costUsd - a.costUsd || (a.resourceId < b.resourceId ? -1 : 1)
      : b.costUsd - a.costUsd || b.co2eGrams - a.co2eGrams || (a.resourceId < b.resourceId ? -1 : 1);
  return {
    resources: all.sort(rank).slice(0, q.limit),
    count: all.length,
    totalCostUsd: all.reduce((s, r) => s + r.costUsd, 0),
    totalCo2eGrams: all.reduce((s, r) => s + r.co2eGrams, 0),
    cached: sums.cached,
  };
}

/** The view's billing periods with the one before and the one after: where "new" and "gone" are judged. */
export function changeWindow(p: Period): Month[] {
  const first = addMonths(monthOf(p.from), -1);
  const last = addMonths(monthOf(addDays(p.to, -1)), 1);
  return periodsOf(firstDayOfMonth(first), firstDayOfMonth(addMonths(last, 1)));
}

interface Span {
  firstDay: Day;
  lastDay: Day;
}

export interface AthenaResourceChanges extends ResourceChanges {
  /** Whether both answers (spans and sums) came from the cache. */
  cached: boolean;
}

/**
 * Resources first billed in the period (not in the billing period before it) and those last
 * billed in it (not after it, up to the last day the next billing period holds), with their
 * figures for the period and pipeline, largest cost first (see the module comment).
 */
export async function resourceChangesOnAthena(
  deps: SessionDeps,
  q: Period & { pipelineTag: string; pipeline?: string; limit?: number },
): Promise<AthenaResourceChanges> {
  const table = await focusTable(deps, "resources");
  const spans = await cachedAnswer(deps, CHANGES_PURPOSE, resourceSpanQuery(table, changeWindow(q)), async (rows) => {
    const out: Record<string, Span> = {};
    for (const r of rows) {
      if (!r.resource_id || !r.first_day || !r.last_day || !isAwsProvider(r.provider ?? "")) continue;
      const known = out[r.resource_id];
      const first = r.first_day.slice(0, 10);
      const last = r.last_day.slice(0, 10);
      out[r.resource_id] = known
        ? { firstDay: [first, known.firstDay].sort()[0] as Day, lastDay: [last, known.lastDay].sort()[1] as Day }
        : { firstDay: first, lastDay: last };
    }
    return out;
  });
  const sums = await resourceSums(deps, q);
  const totals = totalsFor(sums.value, q.pipeline);
  // Days are ISO strings: the latest sorts last.
  const lastDataDay = Object.values(spans.value)
    .map((s) => s.lastDay)
    .sort()
    .at(-1);
  const pick = (keep: (s: Span) => boolean): ResourceChange[] =>
    Object.entries(spans.value)
      .filter(([id, s]) => keep(s) && totals.has(id))
      .map(([id, s]) => ({ ...(totals.get(id) as ResourceTotal), firstDay: s.firstDay, lastDay: s.lastDay }))
      .sort((a, b) => b.costUsd - a.costUsd || (a.resourceId < b.resourceId ? -1 : 1))
      .slice(0, q.limit ?? 50);
  return {
    appeared: pick((s) => s.firstDay >= q.from && s.firstDay < q.to),
    gone: pick((s) => s.lastDay >= q.from && s.lastDay < q.to && lastDataDay !== undefined && s.lastDay < lastDataDay),
    cached: spans.cached && sums.cached,
  };
}

export interface AthenaResourceDetail extends ResourceDetail {
  cached: boolean;
}

function tagsOf(text: string | null | undefined): Record<string, string> {
  if (!text) return {};
  try {
    const obj = JSON.parse(text) as unknown;
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) return {};
    return Object.fromEntries(Object.entries(obj as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

/** One resource's page over the period (null when Athena holds no line of it then; see the module comment). */
export async function resourceDetailOnAthena(
  deps: SessionDeps,
  q: Period & { pipelineTag: string; resourceId: string },
): Promise<AthenaResourceDetail | null> {
  const table = await focusTable(deps, "resources");
  const answer = await cachedAnswer(
    deps,
    DETAIL_PURPOSE,
    resourceDetailQuery(table, q),
    async (rows): Promise<ResourceDetail | null> => {
      const footprints = await dailyKeyFootprints(readDb(deps.store), q);
      const days = new Map<Day, ResourceDay>();
      const usage = new Map<string, ResourceUsageType>();
      const months = new Map<Month, { month: Month; costUsd: number; co2eGrams: number }>();
      let name = "";
      let type = "";
      let best: FocusCharge | null = null;
      let latest: { day: Day; tags: string | null } | null = null;
      for (const row of rows) {
        const read = chargeWithShare(row, q.pipelineTag, footprints);
        if (!read) continue;
        const { charge: c, key, share } = read;
        const co2e = (key?.co2eGrams ?? 0) * share;
        const d = days.get(c.day) ?? { day: c.day, costUsd: 0, amortizedCostUsd: 0, co2eGrams: 0 };
        d.costUsd += c.billedCost;
        d.amortizedCostUsd += c.effectiveCost;
        d.co2eGrams += co2e;
        days.set(c.day, d);
        const uk = [c.service, c.region, c.usageType, c.pipeline].join("\u0000");
        const u = usage.get(uk) ?? {
          service: c.service,
          region: c.region,
          usageType: c.usageType,
          pipeline: c.pipeline,
          usageUnit: "",
          usageAmount: 0,
          costUsd: 0,
          amortizedCostUsd: 0,
          energyKwh: 0,
          co2eGrams: 0,
          embodiedCo2eGrams: 0,
        };
        // As the local reader: the largest unit name of the group.
        if (c.usageUnit > u.usageUnit) u.usageUnit = c.usageUnit;
        u.usageAmount += c.usageAmount;
        u.costUsd += c.billedCost;
        u.amortizedCostUsd += c.effectiveCost;
        u.energyKwh += (key?.energyKwh ?? 0) * share;
        u.co2eGrams += co2e;
        u.embodiedCo2eGrams += (key?.embodiedCo2eGrams ?? 0) * share;
        usage.set(uk, u);
        const m = months.get(monthOf(c.day)) ?? { month: monthOf(c.day), costUsd: 0, co2eGrams: 0 };
        m.costUsd += c.billedCost;
        m.co2eGrams += co2e;
        months.set(m.month, m);
        if (c.resourceName > name) name = c.resourceName;
        if (c.resourceType > type) type = c.resourceType;
        if (!best || c.billedCost > best.billedCost) best = c;
        if (!latest || c.day > latest.day) latest = { day: c.day, tags: row.tags ?? null };
      }
      if (!best) return null;
      const billed = [...days.keys()].sort();
      const usageTypes = [...usage.values()].sort(
        (a, b) => b.costUsd - a.costUsd || (a.usageType < b.usageType ? -1 : a.usageType > b.usageType ? 1 : 0),
      );
      const period = { costUsd: 0, amortizedCostUsd: 0, energyKwh: 0, co2eGrams: 0, embodiedCo2eGrams: 0 };
      for (const u of usageTypes) {
        period.costUsd += u.costUsd;
        period.amortizedCostUsd += u.amortizedCostUsd;
        period.energyKwh += u.energyKwh;
        period.co2eGrams += u.co2eGrams;
        period.embodiedCo2eGrams += u.embodiedCo2eGrams;
      }
      const everyDay: ResourceDay[] = [];
      for (let d = q.from; d < q.to; d = addDays(d, 1)) {
        everyDay.push(days.get(d) ?? { day: d, costUsd: 0, amortizedCostUsd: 0, co2eGrams: 0 });
      }
      return {
        resourceId: q.resourceId,
        name,
        type,
        service: best.service,
        accountId: best.accountId,
        region: best.region,
        tags: tagsOf(latest?.tags),
        firstDay: billed[0] ?? null,
        lastDay: billed.at(-1) ?? null,
        days: everyDay,
        usageTypes,
        period,
        months: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
      };
    },
  );
  return answer.value === null ? null : { ...answer.value, cached: answer.cached };
}
