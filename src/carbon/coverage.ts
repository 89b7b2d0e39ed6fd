/**
 * Coverage: the share of cost with a physical estimate, a cost-ratio proxy, or excluded, so every
 * total can say how much of it rests on a real estimate.
 */
import type { CarbonCoverage, EstimateMethod } from "../model";
import type { EstimatedLine } from "../store/cost-lines";

export type CoverageBucket = "physical" | "proxy" | "excluded" | "unestimated";

/** The methods that are not a physical estimate; every other method is (the SQL rollups read these too). */
export const PROXY_METHOD: EstimateMethod = "cost-ratio";
export const EXCLUDED_METHOD: EstimateMethod = "excluded";

export function coverageBucket(method: EstimateMethod | null | undefined): CoverageBucket {
  if (!method) return "unestimated";
  if (method === PROXY_METHOD) return "proxy";
  if (method === EXCLUDED_METHOD) return "excluded";
  return "physical";
}

/** Builds the shares from absolute cost sums per bucket (shared by the batch and SQL paths). */
export function coverageFromSums(sums: Readonly<Record<CoverageBucket, number>>): CarbonCoverage {
  const total = sums.physical + sums.proxy + sums.excluded + sums.unestimated;
  const share = (x: number) => (total > 0 ? x / total : 0);
  const included = total - sums.excluded;
  return {
    totalCostUsd: total,
    physicalCostUsd: sums.physical,
    proxyCostUsd: sums.proxy,
    excludedCostUsd: sums.excluded,
    unestimatedCostUsd: sums.unestimated,
    physicalShare: share(sums.physical),
    proxyShare: share(sums.proxy),
    excludedShare: share(sums.excluded),
    unestimatedShare: share(sums.unestimated),
    physicalShareOfIncluded: included > 0 ? sums.physical / included : 0,
  };
}

export function coverageOf(items: readonly EstimatedLine[]): CarbonCoverage {
  const sums: Record<CoverageBucket, number> = { physical: 0, proxy: 0, excluded: 0, unestimated: 0 };
  for (const { line, footprint } of items) {
    const cost = Math.abs(line.unblendedCostUsd);
    if (Number.isFinite(cost)) sums[coverageBucket(footprint?.method)] += cost;
  }
  return coverageFromSums(sums);
}
