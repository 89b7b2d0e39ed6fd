/**
 * The estimator: energy and CO2e for a batch of cost lines. Two passes: physical estimates
 * first, then lines with no physical coefficient get the energy per dollar of the batch's
 * classified compute in the same region and month (cost-ratio proxy), each labelled as such.
 * Pure: the same lines and options give the same footprints. The footprints come packed
 * (footprint-batch.ts): one array of numbers for the batch, one small view per line.
 */
import type { CostLine, Footprint } from "../model";
import type { EstimatedLine } from "../store/cost-lines";
import { classify } from "./classify";
import {
  daysInMonthCached,
  isRatioReference,
  newRatioTable,
  type RatioTable,
  ratioFor,
  recordRatio,
} from "./cost-ratio";
import { type FactorSet, factorSetByName, factorSetLabel } from "./factor-sets";
import { type FootprintWords, PackedFootprint, SLOTS } from "./footprint-batch";
import { buildPlan, excludedPlan, type Plan } from "./plan";
import { resolveRegion, splitUsageType } from "./regions";

/*
 * The imported helpers the per-line loop calls, bound once here: under a CommonJS transform
 * (tsx, which runs the bench) every read of an imported name is a getter call, which the profile
 * showed in the hot path.
 */
const daysOfMonth = daysInMonthCached;
const record = recordRatio;
const proxy = ratioFor;
const View = PackedFootprint;
const SLOT_COUNT = SLOTS;

/** A measured CPU utilisation (0..1) for an instance type (or `lambda`, `fargate`, `aurora-serverless`) in a region on a day. */
export type UtilisationLookup = (key: { instanceType: string; region: string; day: string }) => number | undefined;

export interface EstimateOptions {
  /** A factor set name (`cairn-2026`, `ccf-2022`) or the set itself. */
  factorSet: string | FactorSet;
  utilisation?: UtilisationLookup;
}

/**
 * A plan with what its lines share, worked out once: the words of its footprints and the CPU and
 * GPU watts at the default utilisation and its bounds. Each product is the same expression the
 * per-line formula had, so the footprints are bit-identical to computing it line by line.
 */
interface LinePlan {
  service: string;
  usageUnit: string;
  region: string;
  plan: Plan;
  words: FootprintWords;
  usesUtil: boolean;
  /** Lines of this plan set the cost-ratio proxy's energy per dollar. */
  records: boolean;
  cpuW: number;
  cpuWLow: number;
  cpuWHigh: number;
  gpuW: number;
  gpuWLow: number;
  gpuWHigh: number;
  memNetLow: number;
  memNetHigh: number;
}

/** Plans by usage type, then a short scan on service, unit and region: no key strings to build per line. */
type PlanCache = Map<string, LinePlan[]>;

function planFor(set: FactorSet, label: string, cache: PlanCache, line: CostLine): LinePlan {
  let bucket = cache.get(line.usageType);
  if (!bucket) {
    bucket = [];
    cache.set(line.usageType, bucket);
  }
  for (const c of bucket) {
    if (c.service === line.service && c.usageUnit === line.usageUnit && c.region === line.region) return c;
  }
  const parts = splitUsageType(line.usageType);
  const { region, note } = resolveRegion(line.region, parts);
  const rule = classify(line.service, parts.bare, parts.peerRegion !== null);
  const plan = buildPlan(set, rule, region, line.usageUnit, note);
  const usesUtil = plan.cpuA > 0 || plan.gpuA > 0;
  plan.defaultReason = usesUtil
    ? `${plan.reason}; default utilisation ${Math.round(set.defaultUtilisation * 1000) / 10}%`
    : plan.reason;
  const u = set.defaultUtilisation;
  const lp: LinePlan = {
    service: line.service,
    usageUnit: line.usageUnit,
    region: line.region,
    plan,
    words: {
      usageClass: plan.usageClass,
      method: plan.method,
      factorSet: label,
      reason: plan.mode === "linear" ? plan.defaultReason : plan.reason,
      fallback: plan.fallback,
    },
    usesUtil,
    records: isRatioReference(plan.usageClass),
    cpuW: plan.cpuMin + u * plan.cpuDelta,
    cpuWLow: plan.cpuMin + plan.utilLow * plan.cpuDelta,
    cpuWHigh: plan.cpuMin + plan.utilHigh * plan.cpuDelta,
    gpuW: plan.gpuMin + u * plan.gpuDelta,
    gpuWLow: plan.gpuMin + plan.utilLow * plan.gpuDelta,
    gpuWHigh: plan.gpuMin + plan.utilHigh * plan.gpuDelta,
    memNetLow: plan.memoryKwhPerUnit + plan.networkKwhPerUnit * plan.networkLow,
    memNetHigh: plan.memoryKwhPerUnit + plan.networkKwhPerUnit * plan.networkHigh,
  };
  bucket.push(lp);
  return lp;
}

function measured(options: EstimateOptions, plan: Plan, line: CostLine): number | undefined {
  if (!options.utilisation || plan.utilKey === null) return undefined;
  const u = options.utilisation({ instanceType: plan.utilKey, region: plan.region, day: line.day });
  if (u === undefined || !Number.isFinite(u)) return undefined;
  return Math.min(1, Math.max(0, u));
}

/**
 * A physical estimate written into the batch's numbers at `at`; returns its words (the plan's,
 * or the line's own when its utilisation was measured).
 */
function linear(
  set: FactorSet,
  lp: LinePlan,
  line: CostLine,
  options: EstimateOptions,
  v: Float64Array,
  at: number,
): FootprintWords {
  const plan = lp.plan;
  const amount = line.usageAmount;
  const m = measured(options, plan, line);
  let cpuW = lp.cpuW;
  let cpuWLow = lp.cpuWLow;
  let cpuWHigh = lp.cpuWHigh;
  let gpuW = lp.gpuW;
  let gpuWLow = lp.gpuWLow;
  let gpuWHigh = lp.gpuWHigh;
  if (m !== undefined) {
    const spread = set.uncertainty.measuredUtilisationSpread;
    const uLow = Math.max(0, m - spread);
    const uHigh = Math.min(1, m + spread);
    cpuW = plan.cpuMin + m * plan.cpuDelta;
    cpuWLow = plan.cpuMin + uLow * plan.cpuDelta;
    cpuWHigh = plan.cpuMin + uHigh * plan.cpuDelta;
    gpuW = plan.gpuMin + m * plan.gpuDelta;
    gpuWLow = plan.gpuMin + uLow * plan.gpuDelta;
    gpuWHigh = plan.gpuMin + uHigh * plan.gpuDelta;
  }
  const f = plan.factors;
  const pue = f.pue;
  const cpuIt = amount * plan.cpuA;
  const gpuIt = amount * plan.gpuA;
  const cpuKwh = cpuIt * cpuW * pue;
  const gpuKwh = gpuIt * gpuW * pue;
  const memoryKwh = amount * plan.memoryKwhPerUnit * pue;
  const storageAmount = plan.perMonthHours ? amount * 24 * daysOfMonth(line.day) : amount;
  const storageKwh = storageAmount * plan.storageKwhPerUnit * pue;
  const networkKwh = amount * plan.networkKwhPerUnit * pue;
  const energyKwh = cpuKwh + gpuKwh + memoryKwh + storageKwh + networkKwh;
  // Low and high: every uncertain input at the same end of its range.
  const energyKwhLow =
    (cpuIt * cpuWLow + gpuIt * gpuWLow + storageAmount * plan.storageLowKwhPerUnit + amount * lp.memNetLow) * pue;
  const energyKwhHigh =
    (cpuIt * cpuWHigh + gpuIt * gpuWHigh + storageAmount * plan.storageHighKwhPerUnit + amount * lp.memNetHigh) * pue;
  v[at] = energyKwh;
  v[at + 1] = cpuKwh;
  v[at + 2] = memoryKwh;
  v[at + 3] = storageKwh;
  v[at + 4] = networkKwh;
  v[at + 5] = gpuKwh;
  v[at + 6] = energyKwh * f.gridGPerKwh;
  v[at + 7] = energyKwh * f.marketGPerKwh;
  v[at + 8] = (plan.perMonthHours ? storageAmount : amount) * plan.embodiedGPerUnit;
  v[at + 9] = energyKwhLow;
  v[at + 10] = energyKwhHigh;
  v[at + 11] = energyKwhLow * f.gridLowGPerKwh;
  v[at + 12] = energyKwhHigh * f.gridHighGPerKwh;
  if (m === undefined) {
    v[at + 13] = lp.usesUtil ? set.defaultUtilisation : Number.NaN;
    return lp.words;
  }
  v[at + 13] = lp.usesUtil ? m : Number.NaN;
  return {
    ...lp.words,
    method: "measured-utilisation",
    reason: `${plan.reason}; measured utilisation ${Math.round(m * 1000) / 10}%`,
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

function excludedWords(set: FactorSet, label: string, region: string, reason: string): FootprintWords {
  const p = excludedPlan(set, region, reason);
  return { usageClass: p.usageClass, method: p.method, factorSet: label, reason: p.reason, fallback: p.fallback };
}

export function estimateLines(lines: readonly CostLine[], options: EstimateOptions): EstimatedLine[] {
  const set = typeof options.factorSet === "string" ? factorSetByName(options.factorSet) : options.factorSet;
  const label = factorSetLabel(set);
  const cache: PlanCache = new Map();
  const ratios: RatioTable = newRatioTable();
  const out: EstimatedLine[] = new Array(lines.length);
  // Every footprint's numbers, SLOTS per line, zero until written (excluded lines stay zero).
  const v = new Float64Array(lines.length * SLOT_COUNT);
  const pending: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as CostLine;
    const lp = planFor(set, label, cache, line);
    const plan = lp.plan;
    const at = i * SLOT_COUNT;
    const bad = invalid(line, plan);
    if (bad) {
      v[at + 13] = Number.NaN;
      out[i] = {
        line,
        footprint: new View(v, at, excludedWords(set, label, plan.region, `${bad}: excluded`)),
      };
    } else if (plan.mode === "linear") {
      const words = linear(set, lp, line, options, v, at);
      out[i] = { line, footprint: new View(v, at, words) };
      if (lp.records) record(ratios, plan, line, v, at);
    } else if (plan.mode === "cost-ratio") {
      pending.push(i);
    } else {
      v[at + 13] = Number.NaN;
      out[i] = { line, footprint: new View(v, at, lp.words) };
    }
  }
  for (const i of pending) {
    const line = lines[i] as CostLine;
    const lp = planFor(set, label, cache, line);
    const at = i * SLOT_COUNT;
    out[i] = { line, footprint: new View(v, at, proxy(set, label, ratios, lp.plan, line, v, at)) };
  }
  return out;
}

/** One line alone: a cost-ratio line then has only its own batch (itself) to take a ratio from. */
export function estimateLine(line: CostLine, options: EstimateOptions): Footprint {
  return (estimateLines([line], options)[0] as EstimatedLine).footprint as Footprint;
}
