/**
 * Cairn's own month-end forecast, used when AWS has none (DataUnavailableException: a young
 * account, or too little history). From the month so far: each remaining day is forecast at the
 * mean spend of the days of the same weekday already seen this month (pipelines that run on
 * weekdays only, or weekly jobs, keep their rhythm), or at the mean of all days seen when that
 * weekday has not come up yet. A day without any cost line counts as a day at zero. Charges
 * posted once a month (the month's tax on its first day) are counted once, not repeated. Pure.
 */
import { addMonths, eachDay, firstDayOfMonth, monthOf, weekday } from "../days";
import type { Day, Month } from "../model";

export interface DailyCost {
  day: Day;
  costUsd: number;
  /**
   * The part of `costUsd` AWS posts once a month (tax, fees, support: src/store/read/once-charges.ts):
   * spent, but not a daily habit, so it is left out of the profile the remaining days follow.
   */
  onceUsd?: number;
}

export interface CairnForecast {
  month: Month;
  /** First forecast day; the days before it are actual. */
  asOfDay: Day;
  monthToDateUsd: number;
  remainingUsd: number;
  totalUsd: number;
  /** Days of the month seen so far (before `asOfDay`). */
  observedDays: number;
  method: "weekday-profile";
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Forecast of the month of `asOfDay`, from the daily costs before it (other days are ignored).
 * Null on the month's first day: nothing seen yet, nothing to build a profile from.
 */
export function forecastMonthEnd(asOfDay: Day, daily: readonly DailyCost[]): CairnForecast | null {
  const month = monthOf(asOfDay);
  const start = firstDayOfMonth(month);
  const end = firstDayOfMonth(addMonths(month, 1));
  const observed = eachDay(start, asOfDay);
  if (observed.length === 0) return null;

  const byDay = new Map<Day, number>();
  let once = 0;
  for (const { day, costUsd, onceUsd = 0 } of daily) {
    if (day < start || day >= asOfDay) continue;
    byDay.set(day, (byDay.get(day) ?? 0) + costUsd - onceUsd);
    once += onceUsd;
  }
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  let monthToDate = 0;
  for (const day of observed) {
    const cost = byDay.get(day) ?? 0;
    const w = weekday(day);
    sums[w] = (sums[w] ?? 0) + cost;
    counts[w] = (counts[w] ?? 0) + 1;
    monthToDate += cost;
  }
  const overallMean = monthToDate / observed.length;
  monthToDate += once;
  let remaining = 0;
  for (const day of eachDay(asOfDay, end)) {
    const w = weekday(day);
    const n = counts[w] ?? 0;
    remaining += n > 0 ? (sums[w] ?? 0) / n : overallMean;
  }
  return {
    month,
    asOfDay,
    monthToDateUsd: round6(monthToDate),
    remainingUsd: round6(remaining),
    totalUsd: round6(monthToDate + remaining),
    observedDays: observed.length,
    method: "weekday-profile",
  };
}
