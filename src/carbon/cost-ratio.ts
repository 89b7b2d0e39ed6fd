/**
 * The cost-ratio proxy for managed services with no physical coefficient (Step Functions,
 * API Gateway, SQS, SNS, CloudWatch, KMS, ...): the energy per dollar of the batch's classified
 * compute (instances, GPU, serverless, memory) in the same region and month, else the same month
 * in any region, else the whole batch, else the factor set's stated default. Each table belongs
 * to one batch: nothing carries over between runs.
 */
import type { CostLine } from "../model";
import type { FactorSet } from "./factor-sets";
import { type FootprintWords, SLOT } from "./footprint-batch";
import type { Plan } from "./plan";

interface Totals {
  costUsd: number;
  cpuKwh: number;
  memoryKwh: number;
  gpuKwh: number;
  embodiedGrams: number;
}

/**
 * Totals by region then month, by month, and for the whole batch; plus resolved scopes. Months
 * are keyed by a number (year x 12 + month) read from the day's characters: no substring and no
 * string hashing per line, which the bench (500,000 lines/s) showed mattered.
 */
export interface RatioTable {
  byRegion: Map<string, Map<number, Totals>>;
  byMonth: Map<number, Totals>;
  all: Totals;
  /** (region, month) -> the scope chosen for it, its reason and fallback: built once. */
  resolved: Map<string, Map<number, Resolved>>;
}

interface Resolved {
  totals: Totals | null;
  how: string;
  fallback: string | null;
  /** The words of a line of each plan, built once per plan (not per line). */
  texts: Map<Plan, FootprintWords>;
}

const newTotals = (): Totals => ({ costUsd: 0, cpuKwh: 0, memoryKwh: 0, gpuKwh: 0, embodiedGrams: 0 });

export function newRatioTable(): RatioTable {
  return { byRegion: new Map(), byMonth: new Map(), all: newTotals(), resolved: new Map() };
}

function inner<V>(outer: Map<string, Map<number, V>>, key: string): Map<number, V> {
  let m = outer.get(key);
  if (!m) {
    m = new Map();
    outer.set(key, m);
  }
  return m;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const yearOf = (day: string) => digit(day, 0) * 1000 + digit(day, 1) * 100 + digit(day, 2) * 10 + digit(day, 3);
const monthNumberOf = (day: string) => digit(day, 5) * 10 + digit(day, 6);

/** A `YYYY-MM-DD` day's month as one number (year x 12 + month - 1), read without allocating. */
export const monthKeyOf = (day: string): number => yearOf(day) * 12 + monthNumberOf(day) - 1;

/** Days in the month of a `YYYY-MM-DD` day, by arithmetic (called once per storage line). */
export function daysInMonthCached(day: string): number {
  const y = yearOf(day);
  const m = monthNumberOf(day);
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[m - 1] ?? 30;
}

function add(t: Totals, cost: number, v: Float64Array, at: number, pue: number): void {
  t.costUsd += cost;
  // Kept as IT energy (before PUE): the proxied line's own region applies its PUE.
  t.cpuKwh += (v[at + SLOT.cpuKwh] as number) / pue;
  t.memoryKwh += (v[at + SLOT.memoryKwh] as number) / pue;
  t.gpuKwh += (v[at + SLOT.gpuKwh] as number) / pue;
  t.embodiedGrams += v[at + SLOT.embodiedCo2eGrams] as number;
}

const REFERENCE_CLASSES: ReadonlySet<string> = new Set(["compute", "gpu", "serverless", "memory"]);

/** Whether lines of this class set the energy per dollar that proxied lines borrow. */
export const isRatioReference = (usageClass: string): boolean => REFERENCE_CLASSES.has(usageClass);

/** Counts a reference-class line's footprint (its numbers at `at` in the batch's array). */
export function recordRatio(table: RatioTable, plan: Plan, line: CostLine, v: Float64Array, at: number): void {
  const cost = line.unblendedCostUsd;
  if (!(cost > 0) || !((v[at + SLOT.energyKwh] as number) > 0)) return;
  const month = monthKeyOf(line.day);
  const months = inner(table.byRegion, plan.region);
  let t = months.get(month);
  if (!t) {
    t = newTotals();
    months.set(month, t);
  }
  add(t, cost, v, at, plan.factors.pue);
  let m = table.byMonth.get(month);
  if (!m) {
    m = newTotals();
    table.byMonth.set(month, m);
  }
  add(m, cost, v, at, plan.factors.pue);
  add(table.all, cost, v, at, plan.factors.pue);
}

function resolve(set: FactorSet, table: RatioTable, region: string, day: string): Resolved {
  const key = monthKeyOf(day);
  const cached = table.resolved.get(region)?.get(key);
  if (cached) return cached;
  const month = day.slice(0, 7);
  const candidates: [Totals | undefined, string][] = [
    [table.byRegion.get(region)?.get(key), `${region} in ${month}`],
    [table.byMonth.get(key), `all regions in ${month}`],
    [table.all, "the whole batch"],
  ];
  let r: Resolved = {
    totals: null,
    how: `default ${set.costRatioFallbackKwhPerUsd} kWh (IT) per USD`,
    fallback: `no classified compute in the batch: ${set.name}'s default ${set.costRatioFallbackKwhPerUsd} kWh per USD`,
    texts: new Map(),
  };
  for (const [i, [t, scope]] of candidates.entries()) {
    if (t && t.costUsd > 0) {
      const perUsd = (t.cpuKwh + t.memoryKwh + t.gpuKwh) / t.costUsd;
      r = {
        totals: t,
        how: `${perUsd.toPrecision(3)} kWh (IT) per USD of classified compute in ${scope}`,
        fallback: i === 0 ? null : `no classified compute in ${region} in ${month}: ratio of ${scope}`,
        texts: new Map(),
      };
      break;
    }
  }
  inner(table.resolved, region).set(key, r);
  return r;
}

function textsOf(r: Resolved, plan: Plan, label: string): FootprintWords {
  let t = r.texts.get(plan);
  if (!t) {
    t = {
      usageClass: "cost-ratio",
      method: "cost-ratio",
      factorSet: label,
      reason: `${plan.reason}; proxy from its cost at ${r.how}`,
      fallback: plan.fallback && r.fallback ? `${plan.fallback}; ${r.fallback}` : (plan.fallback ?? r.fallback),
    };
    r.texts.set(plan, t);
  }
  return t;
}

/** A proxied line's footprint written into the batch's numbers at `at`; returns its words. */
export function ratioFor(
  set: FactorSet,
  label: string,
  table: RatioTable,
  plan: Plan,
  line: CostLine,
  v: Float64Array,
  at: number,
): FootprintWords {
  const cost = Math.max(0, line.unblendedCostUsd);
  const r = resolve(set, table, plan.region, line.day);
  const t = r.totals;
  const k = t ? cost / t.costUsd : 0;
  const { pue, gridGPerKwh, marketGPerKwh } = plan.factors;
  const cpuKwh = (t ? t.cpuKwh * k : cost * set.costRatioFallbackKwhPerUsd) * pue;
  const memoryKwh = t ? t.memoryKwh * k * pue : 0;
  const gpuKwh = t ? t.gpuKwh * k * pue : 0;
  const energyKwh = cpuKwh + memoryKwh + gpuKwh;
  v[at + SLOT.energyKwh] = energyKwh;
  v[at + SLOT.cpuKwh] = cpuKwh;
  v[at + SLOT.memoryKwh] = memoryKwh;
  v[at + SLOT.storageKwh] = 0;
  v[at + SLOT.networkKwh] = 0;
  v[at + SLOT.gpuKwh] = gpuKwh;
  v[at + SLOT.co2eGrams] = energyKwh * gridGPerKwh;
  v[at + SLOT.marketCo2eGrams] = energyKwh * marketGPerKwh;
  v[at + SLOT.embodiedCo2eGrams] = t ? t.embodiedGrams * k : 0;
  v[at + SLOT.energyKwhLow] = energyKwh * set.uncertainty.costRatio[0];
  v[at + SLOT.energyKwhHigh] = energyKwh * set.uncertainty.costRatio[1];
  v[at + SLOT.co2eGramsLow] = energyKwh * set.uncertainty.costRatio[0] * plan.factors.gridLowGPerKwh;
  v[at + SLOT.co2eGramsHigh] = energyKwh * set.uncertainty.costRatio[1] * plan.factors.gridHighGPerKwh;
  v[at + SLOT.utilisation] = Number.NaN;
  const words = textsOf(r, plan, label);
  return line.unblendedCostUsd < 0 ? { ...words, reason: `${words.reason} (negative cost counted as 0)` } : words;
}
