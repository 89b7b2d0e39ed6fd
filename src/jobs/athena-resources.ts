/**
 * The Resources views on Athena, for periods whose resource lines are not kept locally (an
 * organisation too big for one SQLite file, or periods collected on Athena): top resources by
 * cost or by CO2e for a period and a pipeline, in the same row shapes as the local reader
 * (src/store/read/resources.ts). One partitioned query per view and period (its cost counted
 * against the monthly cap like any other), its answer read through the import's own mapping, each
 * resource given its share of the stored cost lines' footprint, and the result cached in the
 * store, keyed by the query's text (which names the table, the periods and the days): asking
 * again costs nothing until a collection re-reads one of its periods, which drops the entry.
 */
import { rowObjects } from "../../collectors/athena/run";
import { COST_LINE_COLUMNS, type PartitionedQuery, resourceTotalsQuery } from "../../collectors/athena/sql";
import type { FocusColumn } from "../../collectors/focus/columns";
import { parseCharge } from "../../collectors/focus/parse-charge";
import type { Period } from "../model";
import { readAthenaCache, writeAthenaCache } from "../store/athena-queries";
import { footprintKey, monthlyKeyFootprints, shareOf } from "../store/read/footprint-ratios";
import type { ResourceQuery, ResourceTotal, TopResources } from "../store/read/resources";
import { readDb } from "../store/store";
import { athenaQuery, type SessionDeps } from "./athena-session";

export const RESOURCES_PURPOSE = "resources-top";

/** One resource's sums for one pipeline, as cached (the ranking is made from them at each view). */
interface CachedResource extends ResourceTotal {
  pipeline: string;
}

const BY_FOCUS = new Map<FocusColumn, string>(
  Object.entries(COST_LINE_COLUMNS).map(([alias, focus]) => [focus as FocusColumn, alias]),
);

/** The query's answer as resource sums per pipeline (every pipeline: the filter is applied after). */
async function resourceSums(
  deps: SessionDeps,
  query: PartitionedQuery,
  pipelineTag: string,
  period: Period,
): Promise<CachedResource[]> {
  const result = await athenaQuery(deps, RESOURCES_PURPOSE, query);
  const footprints = await monthlyKeyFootprints(readDb(deps.store), period);
  const byKey = new Map<string, CachedResource & { best: number }>();
  for (const row of rowObjects(result)) {
    const cell = (column: FocusColumn): unknown => {
      if (column === "BilledCost") return row.billed_cost;
      if (column === "EffectiveCost") return row.effective_cost;
      if (column === "ConsumedQuantity") return row.consumed_quantity;
      if (column === "ChargePeriodStart") return `${row.charge_month}-01`;
      if (column === "ResourceId") return row.resource_id;
      if (column === "Tags") return row.pipeline === null ? null : { [pipelineTag]: row.pipeline };
      const alias = BY_FOCUS.get(column);
      return alias === undefined ? undefined : row[alias];
    };
    const parsed = parseCharge(cell, pipelineTag);
    if (!parsed.ok || !parsed.charge.isAws) continue;
    const c = parsed.charge;
    const co2e = shareOf(
      footprints.get(footprintKey(c.day.slice(0, 7), c.accountId, c.service, c.region, c.usageType, c.pipeline)),
      c.usageAmount,
      c.billedCost,
    );
    const key = `${row.resource_id}\u0000${c.pipeline}`;
    const known = byKey.get(key);
    if (known) {
      known.costUsd += c.billedCost;
      known.amortizedCostUsd += c.effectiveCost;
      known.co2eGrams += co2e;
      // The resource's service, account and region: those of its largest cost.
      if (c.billedCost > known.best)
        Object.assign(known, { best: c.billedCost, service: c.service, accountId: c.accountId, region: c.region });
      known.name ||= row.resource_name ?? "";
      known.type ||= row.resource_type ?? "";
    } else {
      byKey.set(key, {
        resourceId: row.resource_id ?? "",
        pipeline: c.pipeline,
        name: row.resource_name ?? "",
        type: row.resource_type ?? "",
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
}

export interface AthenaResourceQuery extends ResourceQuery {
  pipelineTag: string;
  table: string;
}

export interface AthenaTopResources extends TopResources {
  /** Whether the answer came from the store's cache (no query sent). */
  cached: boolean;
}

export async function topResourcesOnAthena(deps: SessionDeps, q: AthenaResourceQuery): Promise<AthenaTopResources> {
  const query = resourceTotalsQuery({ table: q.table, pipelineTag: q.pipelineTag, from: q.from, to: q.to });
  const hit = await readAthenaCache(deps.store, query.text);
  let sums: CachedResource[];
  if (hit !== null) sums = JSON.parse(hit) as CachedResource[];
  else {
    sums = await resourceSums(deps, query, q.pipelineTag, q);
    await writeAthenaCache(deps.store, {
      queryText: query.text,
      purpose: RESOURCES_PURPOSE,
      billingPeriods: query.periods.join(","),
      createdAt: deps.now().toISOString(),
      payload: JSON.stringify(sums),
    });
  }
  // The pipeline's rows, or every pipeline's summed per resource.
  const totals = new Map<string, ResourceTotal>();
  for (const r of sums) {
    if (q.pipeline !== undefined && r.pipeline !== q.pipeline) continue;
    const { pipeline: _, ...row } = r;
    const t = totals.get(r.resourceId);
    if (!t) totals.set(r.resourceId, { ...row });
    else {
      if (row.costUsd > t.costUsd)
        Object.assign(t, { service: row.service, accountId: row.accountId, region: row.region });
      t.costUsd += row.costUsd;
      t.amortizedCostUsd += row.amortizedCostUsd;
      t.co2eGrams += row.co2eGrams;
    }
  }
  const all = [...totals.values()];
  const rank = (a: ResourceTotal, b: ResourceTotal) =>
    q.by === "co2e"
      ? b.co2eGrams - a.co2eGrams || b.costUsd - a.costUsd || (a.resourceId < b.resourceId ? -1 : 1)
      : b.costUsd - a.costUsd || b.co2eGrams - a.co2eGrams || (a.resourceId < b.resourceId ? -1 : 1);
  return {
    resources: all.sort(rank).slice(0, q.limit),
    count: all.length,
    totalCostUsd: all.reduce((s, r) => s + r.costUsd, 0),
    totalCo2eGrams: all.reduce((s, r) => s + r.co2eGrams, 0),
    cached: hit !== null,
  };
}
