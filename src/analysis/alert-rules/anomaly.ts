/**
 * A day's cost far above its own recent baseline, per service and per pipeline. Pure.
 *
 * Weekday-aware: a day is compared with the same weekday of the four weeks before it (median),
 * and the noise is the MAD of the 28 days before it, each measured against its own weekday's
 * median, so that a weekday/weekend rhythm is not mistaken for noise nor for a spike; and what
 * the same day of the month cost above its own baseline in the three months before is expected
 * again (monthly fees billed on the 1st are not spikes). A day is
 * anomalous when its excess over the expected level is more than `sigmas` robust standard
 * deviations, more than `minRelative` of the expected level, and at least `minImpactUsd`: cents
 * never alert. Consecutive anomalous days are one episode, keyed by its first day. Days covered
 * by a planned activity are skipped.
 */
import { addDays, addMonths, eachDay, isValidDay, monthOf } from "../../days";
import type { Currency, Day } from "../../model";
import { convertAmount } from "../budget-status";
import type { MonthlyRate } from "../currency";
import { type Alert, alertKey } from "./alert";
import { isPlanned, type PlannedActivity } from "./planned";
import { MAD_TO_SIGMA, mad, median } from "./robust";

export interface CostSeries {
  dimension: "service" | "pipeline";
  value: string;
  /** USD per day; a missing day is a day at zero. */
  costs: ReadonlyMap<Day, number>;
  /** First day this series ever had a cost (younger series have no baseline yet). */
  firstDay: Day;
}

export interface AnomalySettings {
  sigmas: number;
  minRelative: number;
  minImpactUsd: number;
}

export const DEFAULT_ANOMALY_SETTINGS: AnomalySettings = { sigmas: 4, minRelative: 0.5, minImpactUsd: 5 };

export interface AnomalyInput {
  /** The days examined: [from, to). */
  from: Day;
  to: Day;
  series: readonly CostSeries[];
  planned: readonly PlannedActivity[];
  display: Currency;
  rates: readonly MonthlyRate[];
  settings?: Partial<AnomalySettings>;
}

export const BASELINE_DAYS = 28;
const EPISODE_LOOKBACK_DAYS = 7;

export interface DayVerdict {
  cost: number;
  expected: number;
  excess: number;
  anomalous: boolean;
}

/** The same-weekday expectation of a day, and the noise of the 28 days before it. */
function weekdayBaseline(costs: ReadonlyMap<Day, number>, day: Day): { expected: number; sigma: number } {
  const at = (d: Day) => costs.get(d) ?? 0;
  // Key k (0..6) holds the median of the weekday of `day - k`, from the four weeks before `day`.
  const weekdayMedian = new Map<number, number>();
  for (let k = 0; k < 7; k++) weekdayMedian.set(k, median([7, 14, 21, 28].map((w) => at(addDays(day, -w + (k === 0 ? 0 : 7 - k))))));
  const window = eachDay(addDays(day, -BASELINE_DAYS), day);
  const residuals = window.map((d, i) => at(d) - (weekdayMedian.get((BASELINE_DAYS - i) % 7) ?? 0));
  return { expected: weekdayMedian.get(0) ?? 0, sigma: MAD_TO_SIGMA * mad(residuals, 0) };
}

/** The verdict on one day of a series, against the 28 days before it and its monthly charges. */
export function judgeDay(costs: ReadonlyMap<Day, number>, day: Day, settings: AnomalySettings): DayVerdict {
  const at = (d: Day) => costs.get(d) ?? 0;
  const { expected: weekly, sigma } = weekdayBaseline(costs, day);
  // Monthly charges (tax, support, hosted zones) land on the same day each month: what that day
  // cost above its own weekday baseline in the three months before is expected again.
  const monthly = [1, 2, 3]
    .map((m) => addMonths(monthOf(day), -m) + day.slice(7))
    .filter(isValidDay)
    .map((d) => at(d) - weekdayBaseline(costs, d).expected);
  const expected = weekly + Math.max(0, median(monthly));
  const cost = at(day);
  const excess = cost - expected;
  const anomalous =
    excess > settings.sigmas * sigma && excess > settings.minRelative * expected && excess >= settings.minImpactUsd;
  return { cost, expected, excess, anomalous };
}

export function anomalyAlerts(input: AnomalyInput): Alert[] {
  const settings = { ...DEFAULT_ANOMALY_SETTINGS, ...input.settings };
  const alerts: Alert[] = [];
  for (const series of input.series) {
    let episode: { days: Day[]; cost: number; expected: number; excess: number } | null = null;
    const flush = () => {
      if (!episode) return;
      const last = episode.days[episode.days.length - 1] as Day;
      // An episode over before the window was judged by an earlier run.
      if (last < input.from) {
        episode = null;
        return;
      }
      const first = episode.days[0] as Day;
      const conv = (usd: number) =>
        Math.round(convertAmount(usd, "USD", input.display, input.rates, first) * 100) / 100;
      alerts.push({
        key: alertKey("anomaly", `${series.dimension}:${series.value}`, first, "robust"),
        rule: "anomaly",
        severity: "warning",
        facts: {
          rule: "anomaly",
          data: {
            dimension: series.dimension,
            value: series.value,
            day: first,
            days: episode.days,
            currency: input.display,
            cost: conv(episode.cost),
            expected: conv(episode.expected),
            excess: conv(episode.excess),
          },
        },
        path: `/?${series.dimension}=${encodeURIComponent(series.value)}`,
        covers: [],
      });
      episode = null;
    };
    // Look a week back so an episode that began before the window keeps its first day as key.
    for (const day of eachDay(addDays(input.from, -EPISODE_LOOKBACK_DAYS), input.to)) {
      if (day < addDays(series.firstDay, BASELINE_DAYS) || isPlanned(input.planned, day, series)) {
        flush();
        continue;
      }
      const v = judgeDay(series.costs, day, settings);
      if (!v.anomalous) {
        flush();
        continue;
      }
      episode ??= { days: [], cost: 0, expected: 0, excess: 0 };
      episode.days.push(day);
      episode.cost += v.cost;
      episode.expected += v.expected;
      episode.excess += v.excess;
    }
    flush();
  }
  return alerts;
}
