/**
 * The estimator as it was before its footprints were packed (commit 322617e), kept unchanged
 * but for its import paths, so a test can check that the packed estimator gives bit-identical
 * footprints. Not used by the product.
 */
/**
 * The estimator: energy and CO2e for a batch of cost lines. Two passes: physical estimates
 * first, then lines with no physical coefficient get the energy per dollar of the batch's
 * classified compute in the same region and month (cost-ratio proxy), each labelled as such.
 * Pure: the same lines and options give the same footprints.
 */

import { classify } from "../../../src/carbon/classify";
import { type FactorSet, factorSetByName, factorSetLabel } from "../../../src/carbon/factor-sets";
import { buildPlan, excludedPlan, type Plan } from "../../../src/carbon/plan";
import { resolveRegion, splitUsageType } from "../../../src/carbon/regions";
import type { CostLine, Footprint } from "../../../src/model";
import type { EstimatedLine } from "../../../src/store/cost-lines";
import { daysInMonthCached, newRatioTable, type RatioTable, ratioFor, recordRatio } from "./cost-ratio";

/** A measured CPU utilisation (0..1) for an instance type (or `lambda`, `fargate`, `aurora-serverless`) in a region on a day. */
export type UtilisationLookup = (key: { instanceType: string; region: string; day: string }) => number | undefined;

export interface EstimateOptions {
  /** A factor set name (`cairn-2026`, `ccf-2022`) or the set itself. */
  factorSet: string | FactorSet;
  utilisation?: UtilisationLookup;
}

interface CachedPlan {
  service: string;
  usageUnit: string;
  region: string;
  plan: Plan;
}

/** Plans by usage type, then a short scan on service, unit and region: no key strings to build per line. */
type PlanCache = Map<string, CachedPlan[]>;

function planFor(set: FactorSet, cache: PlanCache, line: CostLine): Plan {
  let bucket = cache.get(line.usageType);
  if (!bucket) {
    bucket = [];
    cache.set(line.usageType, bucket);
  }
  for (const c of bucket) {
    if (c.service === line.service && c.usageUnit === line.usageUnit && c.region === line.region) return c.plan;
  }
  const parts = splitUsageType(line.usageType);
  const { region, note } = resolveRegion(line.region, parts);
  const rule = classify(line.service, parts.bare, parts.peerRegion !== null);
  const plan = buildPlan(set, rule, region, line.usageUnit, note);
  plan.defaultReason =
    plan.cpuA > 0 || plan.gpuA > 0
      ? `${plan.reason}; default utilisation ${Math.round(set.defaultUtilisation * 1000) / 10}%`
      : plan.reason;
  bucket.push({ service: line.service, usageUnit: line.usageUnit, region: line.region, plan });
  return plan;
}

function excluded(set: FactorSet, label: string, region: string, reason: string): Footprint {
  const p = excludedPlan(set, region, reason);
  return zeroFootprint(p, label);
}

function zeroFootprint(plan: Plan, label: string): Footprint {
  return {
    usageClass: plan.usageClass,
    method: plan.method,
    factorSet: label,
    energyKwh: 0,
    cpuKwh: 0,
    memoryKwh: 0,
    storageKwh: 0,
    networkKwh: 0,
    gpuKwh: 0,
    co2eGrams: 0,
    marketCo2eGrams: 0,
    embodiedCo2eGrams: 0,
    energyKwhLow: 0,
    energyKwhHigh: 0,
    co2eGramsLow: 0,
    co2eGramsHigh: 0,
    reason: plan.reason,
    fallback: plan.fallback,
    utilisation: null,
  };
}

function measured(options: EstimateOptions, plan: Plan, line: CostLine): number | undefined {
  if (!options.utilisation || plan.utilKey === null) return undefined;
  const u = options.utilisation({ instanceType: plan.utilKey, region: plan.region, day: line.day });
  if (u === undefined || !Number.isFinite(u)) return undefined;
  return Math.min(1, Math.max(0, u));
}

function linear(set: FactorSet, label: string, plan: Plan, line: CostLine, options: EstimateOptions): Footprint {
  const amount = line.usageAmount;
  const m = measured(options, plan, line);
  const u = m ?? set.defaultUtilisation;
  const spread = set.uncertainty.measuredUtilisationSpread;
  const uLow = m === undefined ? plan.utilLow : Math.max(0, m - spread);
  const uHigh = m === undefined ? plan.utilHigh : Math.min(1, m + spread);
  const { pue, gridGPerKwh, marketGPerKwh } = plan.factors;
  const cpuIt = amount * plan.cpuA;
  const gpuIt = amount * plan.gpuA;
  const cpuKwh = cpuIt * (plan.cpuMin + u * plan.cpuDelta) * pue;
  const gpuKwh = gpuIt * (plan.gpuMin + u * plan.gpuDelta) * pue;
  const memoryKwh = amount * plan.memoryKwhPerUnit * pue;
  const storageAmount = plan.perMonthHours ? amount * 24 * daysInMonthCached(line.day) : amount;
  const storageKwh = storageAmount * plan.storageKwhPerUnit * pue;
  const networkKwh = amount * plan.networkKwhPerUnit * pue;
  const energyKwh = cpuKwh + gpuKwh + memoryKwh + storageKwh + networkKwh;
  // Low and high: every uncertain input at the same end of its range.
  const energyKwhLow =
    (cpuIt * (plan.cpuMin + uLow * plan.cpuDelta) +
      gpuIt * (plan.gpuMin + uLow * plan.gpuDelta) +
      storageAmount * plan.storageLowKwhPerUnit +
      amount * (plan.memoryKwhPerUnit + plan.networkKwhPerUnit * plan.networkLow)) *
    pue;
  const energyKwhHigh =
    (cpuIt * (plan.cpuMin + uHigh * plan.cpuDelta) +
      gpuIt * (plan.gpuMin + uHigh * plan.gpuDelta) +
      storageAmount * plan.storageHighKwhPerUnit +
      amount * (plan.memoryKwhPerUnit + plan.networkKwhPerUnit * plan.networkHigh)) *
    pue;
  const usesUtil = plan.cpuA > 0 || plan.gpuA > 0;
  return {
    usageClass: plan.usageClass,
    method: m !== undefined ? "measured-utilisation" : plan.method,
    factorSet: label,
    energyKwh,
    cpuKwh,
    memoryKwh,
    storageKwh,
    networkKwh,
    gpuKwh,
    co2eGrams: energyKwh * gridGPerKwh,
    marketCo2eGrams: energyKwh * marketGPerKwh,
    embodiedCo2eGrams: (plan.perMonthHours ? storageAmount : amount) * plan.embodiedGPerUnit,
    energyKwhLow,
    energyKwhHigh,
    co2eGramsLow: energyKwhLow * plan.factors.gridLowGPerKwh,
    co2eGramsHigh: energyKwhHigh * plan.factors.gridHighGPerKwh,
    reason: m === undefined ? plan.defaultReason : `${plan.reason}; measured utilisation ${Math.round(u * 1000) / 10}%`,
    fallback: plan.fallback,
    utilisation: usesUtil ? u : null,
  };
}

/** Checks what every line needs before any arithmetic, so nothing comes out NaN. */
function invalid(line: CostLine, plan: Plan): string | null {
  if (!Number.isFinite(line.usageAmount)) return `usage amount is not a number (${line.usageAmount})`;
  if (plan.mode === "linear" && line.usageAmount < 0) return `negative usage amount ${line.usageAmount}`;
  if (plan.mode === "cost-ratio" && !Number.isFinite(line.unblendedCostUsd))
    return `cost is not a number (${line.unblendedCostUsd})`;
  return null;
}

export function estimateLines(lines: readonly CostLine[], options: EstimateOptions): EstimatedLine[] {
  const set = typeof options.factorSet === "string" ? factorSetByName(options.factorSet) : options.factorSet;
  const label = factorSetLabel(set);
  const cache: PlanCache = new Map();
  const ratios: RatioTable = newRatioTable();
  const out: EstimatedLine[] = new Array(lines.length);
  const pending: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as CostLine;
    const plan = planFor(set, cache, line);
    const bad = invalid(line, plan);
    if (bad) {
      out[i] = { line, footprint: excluded(set, label, plan.region, `${bad}: excluded`) };
    } else if (plan.mode === "linear") {
      const f = linear(set, label, plan, line, options);
      out[i] = { line, footprint: f };
      recordRatio(ratios, plan, line, f);
    } else if (plan.mode === "cost-ratio") {
      pending.push(i);
    } else {
      out[i] = { line, footprint: zeroFootprint(plan, label) };
    }
  }
  for (const i of pending) {
    const line = lines[i] as CostLine;
    const plan = planFor(set, cache, line);
    out[i] = { line, footprint: ratioFor(set, label, ratios, plan, line) };
  }
  return out;
}

/** One line alone: a cost-ratio line then has only its own batch (itself) to take a ratio from. */
export function estimateLine(line: CostLine, options: EstimateOptions): Footprint {
  return (estimateLines([line], options)[0] as EstimatedLine).footprint as Footprint;
}
