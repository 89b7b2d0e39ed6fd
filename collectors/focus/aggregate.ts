/**
 * Resource-level FOCUS rows summed to Cairn's cost-line natural key (day, account, service,
 * region, usage type, pipeline), kept per billing account and billing period: the unit an import
 * replaces. Other providers' rows are only counted and summed, apart. Pure; memory grows with
 * the number of distinct keys, not with the number of rows.
 */
import type { CostLine, Day, Month } from "../../src/model";
import type { FocusCharge } from "./parse-charge";
import { addResourceCharge, newResourceSums, type ResourceSums } from "./resource-lines";

/** A cost line being summed from FOCUS rows (estimated and source are set when it is stored). */
export interface Contribution extends Omit<CostLine, "estimated" | "source"> {
  /** FOCUS rows summed into this line. */
  rows: number;
}

export interface PeriodAggregate {
  billingAccountId: string;
  billingPeriod: Month;
  lines: Map<string, Contribution>;
  rows: number;
  correctionRows: number;
}

export interface OtherProviderTotal {
  billingAccountId: string;
  billingPeriod: Month;
  provider: string;
  currency: string;
  rows: number;
  billedCost: number;
}

export interface FocusAggregate {
  periods: Map<string, PeriodAggregate>;
  others: Map<string, OtherProviderTotal>;
  /**
   * One copy of each account, service, region, usage type, pipeline, unit and day, shared by
   * every line that names it: a line then costs its key and its sums, not seven strings of its
   * own (measured: about 40% of the held sums' memory). Few distinct values, so it stays small.
   */
  names: Map<string, string>;
  /** Resource lines and resources (./resource-lines.ts), flushed with the cost-line sums. */
  resources: ResourceSums;
}

export function newAggregate(): FocusAggregate {
  return { periods: new Map(), others: new Map(), names: new Map(), resources: newResourceSums() };
}

const SEP = "\u0000";

/**
 * A copy that owns its characters. Field strings are slices of the reader's chunk, and V8 keeps
 * a whole chunk alive for any slice of it: a key stored from every chunk would keep the file.
 */
export function detached(s: string): string {
  return s.length === 0 ? "" : (JSON.parse(JSON.stringify(s)) as string);
}

/** The aggregate's own copy of `s` (see `names`). */
function shared(agg: FocusAggregate, s: string): string {
  const known = agg.names.get(s);
  if (known !== undefined) return known;
  const copy = detached(s);
  agg.names.set(copy, copy);
  return copy;
}

export function periodKey(billingAccountId: string, billingPeriod: Month): string {
  return `${billingAccountId}${SEP}${billingPeriod}`;
}

/**
 * Adds a charge to its export's sums. `rows` > 1 adds that many identical FOCUS rows at once, with
 * their costs and quantity already summed in `c` (an Athena answer is grouped this way).
 */
export function addCharge(agg: FocusAggregate, c: FocusCharge, rows = 1): void {
  addResourceCharge(agg.resources, c, (s) => shared(agg, s));
  const pk = periodKey(c.billingAccountId, c.billingPeriod);
  if (!c.isAws) {
    const ok = `${pk}${SEP}${c.provider}${SEP}${c.currency}`;
    const other = agg.others.get(ok);
    if (other) {
      other.rows += rows;
      other.billedCost += c.billedCost;
    } else {
      agg.others.set(detached(ok), {
        billingAccountId: detached(c.billingAccountId),
        billingPeriod: detached(c.billingPeriod),
        provider: detached(c.provider),
        currency: detached(c.currency),
        rows,
        billedCost: c.billedCost,
      });
    }
    return;
  }
  let period = agg.periods.get(pk);
  if (!period) {
    period = {
      billingAccountId: detached(c.billingAccountId),
      billingPeriod: detached(c.billingPeriod),
      lines: new Map(),
      rows: 0,
      correctionRows: 0,
    };
    agg.periods.set(detached(pk), period);
  }
  period.rows += rows;
  if (c.correction) period.correctionRows += rows;
  const key = `${c.day}${SEP}${c.accountId}${SEP}${c.service}${SEP}${c.region}${SEP}${c.usageType}${SEP}${c.pipeline}`;
  const line = period.lines.get(key);
  if (line) {
    line.unblendedCostUsd += c.billedCost;
    line.amortizedCostUsd += c.effectiveCost;
    line.usageAmount += c.usageAmount;
    line.rows += rows;
    if (line.usageUnit === "") line.usageUnit = shared(agg, c.usageUnit);
  } else {
    period.lines.set(detached(key), {
      day: shared(agg, c.day),
      accountId: shared(agg, c.accountId),
      service: shared(agg, c.service),
      region: shared(agg, c.region),
      usageType: shared(agg, c.usageType),
      pipeline: shared(agg, c.pipeline),
      usageUnit: shared(agg, c.usageUnit),
      unblendedCostUsd: c.billedCost,
      amortizedCostUsd: c.effectiveCost,
      usageAmount: c.usageAmount,
      rows,
    });
  }
}
