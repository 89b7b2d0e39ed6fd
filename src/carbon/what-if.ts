/**
 * Region what-if: the same footprints had the work run in another region. IT energy stays,
 * the PUE, grid and market factors change; embodied emissions do not depend on the region.
 * Excluded and unestimated lines stay out.
 */
import type { Footprint } from "../model";
import type { EstimatedLine } from "../store/cost-lines";
import { factorSetByName, regionFactors } from "./factor-sets";
import { footprintRecord } from "./footprint-batch";
import { resolveRegion, splitUsageType } from "./regions";

export const WHAT_IF_REGIONS = ["eu-west-3", "eu-north-1", "eu-west-1", "eu-central-1"] as const;

/** The footprint of `item` re-expressed in `targetRegion`, with the factor set it was made with. */
export function inRegion(item: EstimatedLine, targetRegion: string): Footprint | null {
  const f = item.footprint;
  if (!f || f.method === "excluded") return f;
  const set = factorSetByName(f.factorSet);
  const source = resolveRegion(item.line.region, splitUsageType(item.line.usageType)).region;
  const from = regionFactors(set, source);
  const to = regionFactors(set, targetRegion);
  const k = to.pue / from.pue;
  const energyKwh = f.energyKwh * k;
  return {
    ...footprintRecord(f),
    energyKwh,
    cpuKwh: f.cpuKwh * k,
    memoryKwh: f.memoryKwh * k,
    storageKwh: f.storageKwh * k,
    networkKwh: f.networkKwh * k,
    gpuKwh: f.gpuKwh * k,
    co2eGrams: energyKwh * to.gridGPerKwh,
    marketCo2eGrams: energyKwh * to.marketGPerKwh,
    reason: `${f.reason}; re-expressed in ${targetRegion} (what-if)`,
    fallback: to.fallback,
  };
}

export interface CarbonTotals {
  energyKwh: number;
  co2eGrams: number;
  marketCo2eGrams: number;
  embodiedCo2eGrams: number;
}

export interface PipelineWhatIf {
  pipeline: string;
  current: CarbonTotals;
  /** Region code -> the totals had the pipeline run there. */
  byRegion: Record<string, CarbonTotals>;
}

const zero = (): CarbonTotals => ({ energyKwh: 0, co2eGrams: 0, marketCo2eGrams: 0, embodiedCo2eGrams: 0 });

function add(t: CarbonTotals, f: Footprint): void {
  t.energyKwh += f.energyKwh;
  t.co2eGrams += f.co2eGrams;
  t.marketCo2eGrams += f.marketCo2eGrams;
  t.embodiedCo2eGrams += f.embodiedCo2eGrams;
}

/** Each pipeline's totals now and in each target region, pipelines sorted by name. */
export function regionWhatIf(
  items: readonly EstimatedLine[],
  targets: readonly string[] = WHAT_IF_REGIONS,
): PipelineWhatIf[] {
  const rows = new Map<string, PipelineWhatIf>();
  for (const item of items) {
    if (!item.footprint || item.footprint.method === "excluded") continue;
    const key = item.line.pipeline;
    let row = rows.get(key);
    if (!row) {
      row = { pipeline: key, current: zero(), byRegion: Object.fromEntries(targets.map((t) => [t, zero()])) };
      rows.set(key, row);
    }
    add(row.current, item.footprint);
    for (const t of targets) add(row.byRegion[t] as CarbonTotals, inRegion(item, t) as Footprint);
  }
  return [...rows.values()].sort((a, b) => a.pipeline.localeCompare(b.pipeline));
}
