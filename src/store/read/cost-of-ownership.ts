/**
 * A pipeline's cost of ownership for a period: its cloud cost (unblended, from the rollups) plus
 * its upkeep hours valued at each person's hourly value, else the default
 * (CAIRN_UPKEEP_HOUR_VALUE). Upkeep logged against a resource only counts under "" (no pipeline).
 */
import type { Period } from "../../model";
import type { CairnDb } from "../store";
import { listUpkeep, readUpkeepRates } from "../upkeep";
import { costsBy } from "./costs";

export interface OwnershipRow {
  pipeline: string;
  cloudCostUsd: number;
  upkeepHours: number;
  volunteeredHours: number;
  upkeepValueUsd: number;
  totalUsd: number;
}

export async function costOfOwnership(
  db: CairnDb,
  period: Period,
  defaultHourValueUsd: number,
): Promise<OwnershipRow[]> {
  const [cloud, entries, rates] = await Promise.all([
    costsBy(db, { period, groupBy: "pipeline" }),
    listUpkeep(db, period),
    readUpkeepRates(db),
  ]);
  const rows = new Map<string, OwnershipRow>();
  const row = (pipeline: string) => {
    let r = rows.get(pipeline);
    if (!r) {
      r = { pipeline, cloudCostUsd: 0, upkeepHours: 0, volunteeredHours: 0, upkeepValueUsd: 0, totalUsd: 0 };
      rows.set(pipeline, r);
    }
    return r;
  };
  for (const c of cloud.rows) row(c.key).cloudCostUsd = c.costUsd;
  for (const e of entries) {
    const r = row(e.pipeline);
    r.upkeepHours += e.hours;
    if (e.volunteered) r.volunteeredHours += e.hours;
    r.upkeepValueUsd += e.hours * (rates.get(e.person) ?? defaultHourValueUsd);
  }
  const round2 = (n: number) => Math.round(n * 100) / 100;
  return [...rows.values()]
    .map((r) => ({
      ...r,
      upkeepValueUsd: round2(r.upkeepValueUsd),
      totalUsd: round2(r.cloudCostUsd + r.upkeepValueUsd),
    }))
    .sort((a, b) => b.totalUsd - a.totalUsd || a.pipeline.localeCompare(b.pipeline));
}
