/**
 * Turns one account's two answers into cost lines, allocating pipelines.
 *
 * `lines` (SERVICE x USAGE_TYPE) is the truth for amounts: every line, and so every total, is
 * exactly what AWS answered. `pipelines` (TAG x USAGE_TYPE) only says how each (day, usage type)
 * cell splits between pipeline tag values. Each line of a cell is split in those proportions,
 * metric by metric: unblended cost by the pipelines' unblended cost, amortized by amortized,
 * usage by usage. When a usage type appears in a single service that day (nearly always), the
 * result is exactly AWS's figure per pipeline; when it appears in several services, each service
 * gets the same pipeline split. A metric whose pipeline weights sum to zero (free usage, or
 * credits cancelling charges) borrows another metric's split; a cell with no tag answer at all
 * (the two queries read a second apart while AWS refreshed) is untagged, `''`. The part of the
 * largest share is computed as the rest, so a line's parts always add up to the line. Pure.
 */
import type { CostLine } from "../../src/model";
import type { GroupRow } from "./parse";
import { regionOfUsageType } from "./region";

type Metric = "unblendedCostUsd" | "amortizedCostUsd" | "usageAmount";
const METRICS: readonly Metric[] = ["unblendedCostUsd", "amortizedCostUsd", "usageAmount"];
const FALLBACK: Readonly<Record<Metric, readonly Metric[]>> = {
  unblendedCostUsd: ["unblendedCostUsd", "amortizedCostUsd", "usageAmount"],
  amortizedCostUsd: ["amortizedCostUsd", "unblendedCostUsd", "usageAmount"],
  usageAmount: ["usageAmount", "unblendedCostUsd", "amortizedCostUsd"],
};

interface PipelineWeights {
  pipeline: string;
  unblendedCostUsd: number;
  amortizedCostUsd: number;
  usageAmount: number;
}

/** `pipeline$probes` -> `probes`; `pipeline$` (untagged) -> `''`. */
export function pipelineOfTagKey(key: string, tagKey: string): string {
  if (key.startsWith(`${tagKey}$`)) return key.slice(tagKey.length + 1);
  const dollar = key.indexOf("$");
  return dollar >= 0 ? key.slice(dollar + 1) : key;
}

/** Shares of one metric, or null when they cannot be had (no weight, or weights cancelling). */
function sharesOf(weights: readonly PipelineWeights[], metric: Metric): number[] | null {
  const total = weights.reduce((s, w) => s + w[metric], 0);
  const magnitude = weights.reduce((s, w) => s + Math.abs(w[metric]), 0);
  if (total === 0 || Math.abs(total) < 1e-9 * magnitude) return null;
  return weights.map((w) => w[metric] / total);
}

/** Splits `value` by `shares`; the largest share takes the rest, so the parts add up to `value`. */
export function split(value: number, shares: readonly number[]): number[] {
  let largest = 0;
  for (let i = 1; i < shares.length; i++) if (Math.abs(shares[i] ?? 0) > Math.abs(shares[largest] ?? 0)) largest = i;
  const parts = shares.map((s) => (s === 0 ? 0 : value * s));
  const others = parts.reduce((sum, part, i) => (i === largest ? sum : sum + part), 0);
  parts[largest] = value - others;
  return parts;
}

export interface AllocateInput {
  accountId: string;
  pipelineTag: string;
  /** Rows of the SERVICE x USAGE_TYPE query. */
  lines: readonly GroupRow[];
  /** Rows of the TAG x USAGE_TYPE query. */
  pipelines: readonly GroupRow[];
}

export function allocateLines(input: AllocateInput): CostLine[] {
  const cells = new Map<string, PipelineWeights[]>();
  for (const row of input.pipelines) {
    const cell = `${row.day}\u0000${row.keys[1]}`;
    const list = cells.get(cell) ?? [];
    list.push({
      pipeline: pipelineOfTagKey(row.keys[0], input.pipelineTag),
      unblendedCostUsd: row.unblendedCostUsd,
      amortizedCostUsd: row.amortizedCostUsd,
      usageAmount: row.usageAmount,
    });
    cells.set(cell, list);
  }
  for (const list of cells.values())
    list.sort((a, b) => (a.pipeline < b.pipeline ? -1 : a.pipeline > b.pipeline ? 1 : 0));

  const out: CostLine[] = [];
  for (const row of input.lines) {
    const [service, usageType] = row.keys;
    const base = {
      day: row.day,
      accountId: input.accountId,
      service,
      region: regionOfUsageType(usageType, service),
      usageType,
      usageUnit: row.usageUnit,
      estimated: row.estimated,
      source: "cost-explorer" as const,
    };
    const weights = cells.get(`${row.day}\u0000${usageType}`) ?? [];
    const perMetric = new Map<Metric, number[]>();
    for (const metric of METRICS) {
      const shares = FALLBACK[metric].map((m) => sharesOf(weights, m)).find((s) => s !== null);
      if (shares) perMetric.set(metric, split(row[metric], shares));
    }
    if (perMetric.size < METRICS.length) {
      // No usable split at all: the whole line is untagged spend.
      if (row.unblendedCostUsd !== 0 || row.amortizedCostUsd !== 0 || row.usageAmount !== 0) {
        out.push({
          ...base,
          pipeline: "",
          unblendedCostUsd: row.unblendedCostUsd,
          amortizedCostUsd: row.amortizedCostUsd,
          usageAmount: row.usageAmount,
        });
      }
      continue;
    }
    weights.forEach((w, i) => {
      const part = (metric: Metric) => perMetric.get(metric)?.[i] ?? 0;
      const line: CostLine = {
        ...base,
        pipeline: w.pipeline,
        unblendedCostUsd: part("unblendedCostUsd"),
        amortizedCostUsd: part("amortizedCostUsd"),
        usageAmount: part("usageAmount"),
      };
      if (line.unblendedCostUsd !== 0 || line.amortizedCostUsd !== 0 || line.usageAmount !== 0) out.push(line);
    });
  }
  return out;
}
