/**
 * Reads Cost Explorer pages into plain rows, refusing anything malformed: a missing
 * `ResultsByTime`, a day that is not a day, an amount that is not a decimal number, a cost not in
 * USD. A refused page fails the run before anything is written. Pure.
 */
import type { ResultByTime } from "@aws-sdk/client-cost-explorer";
import { isValidDay } from "../../src/days";
import type { Day } from "../../src/model";
import { CostExplorerError } from "./errors";

/** One group of one day: the two group-by keys and the three metrics. */
export interface GroupRow {
  day: Day;
  keys: [string, string];
  unblendedCostUsd: number;
  amortizedCostUsd: number;
  usageAmount: number;
  usageUnit: string;
  estimated: boolean;
}

/** Everything one query returned, over all its pages. */
export interface QueryResult {
  rows: GroupRow[];
  /** Every day the answer covered, and whether AWS still calls it estimated. */
  estimatedByDay: Map<Day, boolean>;
  pages: number;
}

const DECIMAL = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function malformed(operation: string, why: string): CostExplorerError {
  return new CostExplorerError(
    "malformed-answer",
    `Cost Explorer's answer to ${operation} could not be read (${why}); nothing was written, the next run will try again.`,
    operation,
  );
}

function amount(operation: string, metric: { Amount?: string | undefined } | undefined, name: string): number {
  // A metric absent from a group means zero of it (AWS omits nothing in practice, but be exact).
  if (metric === undefined || metric.Amount === undefined) return 0;
  if (!DECIMAL.test(metric.Amount)) throw malformed(operation, `${name} amount ${JSON.stringify(metric.Amount)}`);
  return Number(metric.Amount);
}

export function emptyResult(): QueryResult {
  return { rows: [], estimatedByDay: new Map(), pages: 0 };
}

/** Adds one page to `into`; `seen` guards against a group given twice for the same day. */
export function addPage(
  into: QueryResult,
  page: { ResultsByTime?: ResultByTime[] | undefined },
  operation: string,
  seen: Set<string>,
): void {
  if (!Array.isArray(page.ResultsByTime)) throw malformed(operation, "no ResultsByTime");
  into.pages += 1;
  for (const entry of page.ResultsByTime) {
    const day = entry?.TimePeriod?.Start;
    if (typeof day !== "string" || !isValidDay(day)) throw malformed(operation, `time period ${JSON.stringify(day)}`);
    // Absent means unknown: treat it as still estimated, so the month is never taken as final by mistake.
    const estimated = entry.Estimated !== false;
    into.estimatedByDay.set(day, (into.estimatedByDay.get(day) ?? false) || estimated);
    for (const group of entry.Groups ?? []) {
      const keys = group.Keys;
      if (!Array.isArray(keys) || keys.length !== 2 || keys.some((k) => typeof k !== "string")) {
        throw malformed(operation, `group keys ${JSON.stringify(keys)}`);
      }
      const id = `${day}\u0000${keys[0]}\u0000${keys[1]}`;
      if (seen.has(id)) throw malformed(operation, `group ${keys.join(" / ")} given twice for ${day}`);
      seen.add(id);
      const m = group.Metrics ?? {};
      for (const cost of [m.UnblendedCost, m.AmortizedCost]) {
        if (cost?.Unit !== undefined && cost.Unit !== "USD")
          throw malformed(operation, `a cost in ${cost.Unit}, not USD`);
      }
      into.rows.push({
        day,
        keys: [keys[0] as string, keys[1] as string],
        unblendedCostUsd: amount(operation, m.UnblendedCost, "UnblendedCost"),
        amortizedCostUsd: amount(operation, m.AmortizedCost, "AmortizedCost"),
        usageAmount: amount(operation, m.UsageQuantity, "UsageQuantity"),
        usageUnit: m.UsageQuantity?.Unit ?? "",
        estimated,
      });
    }
  }
}
