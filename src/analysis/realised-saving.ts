/**
 * The saving a done finding realised: its usage types' daily cost on each day after the done
 * day against the average of the same weekday over the four weeks before it (weekday-matched, so
 * a weekday-only workload is not mistaken for a saving), as a monthly figure with a range of two
 * standard errors of the daily differences. Measured until four weeks after "done" have passed,
 * then final (the caller freezes it). The done day itself is left out: the change happened
 * during it. Pure.
 */
import { addDays, weekday } from "../days";
import type { Day } from "../model";

export const MEASURE_DAYS = 28;
export const BASELINE_DAYS = 28;
export const DAYS_PER_MONTH = 30;

export interface RealisedSaving {
  /** Monthly saving in USD (positive: cost went down). */
  monthlyUsd: number;
  lowUsd: number;
  highUsd: number;
  /** Days after "done" measured so far, out of 28. */
  daysMeasured: number;
  /** True once the four weeks have passed: the figure no longer moves. */
  final: boolean;
  /** Average daily cost before and after, for the sentence that explains it. */
  beforeDailyUsd: number;
  afterDailyUsd: number;
}

/**
 * `costOn(day)` is the finding's usage types' cost that day (0 when nothing was billed).
 * `today` is the first day without complete data (exclusive end). Null before any day is measured.
 */
export function realisedSaving(costOn: (day: Day) => number, doneOn: Day, today: Day): RealisedSaving | null {
  const baseline = new Map<number, number[]>();
  for (let i = 1; i <= BASELINE_DAYS; i++) {
    const day = addDays(doneOn, -i);
    const list = baseline.get(weekday(day)) ?? [];
    list.push(costOn(day));
    baseline.set(weekday(day), list);
  }
  const differences: number[] = [];
  let before = 0;
  let after = 0;
  for (let i = 1; i <= MEASURE_DAYS; i++) {
    const day = addDays(doneOn, i);
    if (day >= today) break;
    const same = baseline.get(weekday(day)) ?? [];
    const usual = same.reduce((s, c) => s + c, 0) / Math.max(1, same.length);
    const cost = costOn(day);
    differences.push(usual - cost);
    before += usual;
    after += cost;
  }
  const n = differences.length;
  if (n === 0) return null;
  const mean = differences.reduce((s, d) => s + d, 0) / n;
  const variance = n > 1 ? differences.reduce((s, d) => s + (d - mean) ** 2, 0) / (n - 1) : 0;
  const margin = 2 * Math.sqrt(variance / n);
  const round2 = (x: number) => Math.round(x * 100) / 100;
  return {
    monthlyUsd: round2(mean * DAYS_PER_MONTH),
    lowUsd: round2((mean - margin) * DAYS_PER_MONTH),
    highUsd: round2((mean + margin) * DAYS_PER_MONTH),
    daysMeasured: n,
    final: n === MEASURE_DAYS,
    beforeDailyUsd: round2(before / n),
    afterDailyUsd: round2(after / n),
  };
}
