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
import { addDays, addMonths, daysBetween, eachDay, isValidDay, monthOf } from "../../days";
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

/** A series as an array indexed by days since `base`, so baselines cost no date arithmetic. */
interface DenseSeries {
  base: Day;
  values: Float64Array;
}

export function densify(costs: ReadonlyMap<Day, number>): DenseSeries {
  const days = [...costs.keys()].sort();
  const base = days[0] ?? "1970-01-01";
  const values = new Float64Array(days.length > 0 ? daysBetween(base, days[days.length - 1] as Day) + 1 : 0);
  for (const [d, v] of costs) values[daysBetween(base, d)] = v;
  return { base, values };
}

const valueAt = (s: DenseSeries, i: number) => (i >= 0 && i < s.values.length ? (s.values[i] ?? 0) : 0);

/** The same-weekday expectation of day `i`, and the noise of the 28 days before it. */
function weekdayBaseline(s: DenseSeries, i: number): { expected: number; sigma: number } {
  // medians[k] is the median of the weekday of day i-k over the four weeks before day i.
  const medians: number[] = [];
  for (let k = 0; k < 7; k++) {
    const back = k === 0 ? 0 : 7 - k;
    medians.push(median([7, 14, 21, 28].map((w) => valueAt(s, i - w + back))));
  }
  const residuals: number[] = [];
  for (let distance = 1; distance <= BASELINE_DAYS; distance++) {
    residuals.push(valueAt(s, i - distance) - (medians[distance % 7] ?? 0));
  }
  return { expected: medians[0] ?? 0, sigma: MAD_TO_SIGMA * mad(residuals, 0) };
}

function judgeDense(s: DenseSeries, day: Day, settings: AnomalySettings): DayVerdict {
  const i = daysBetween(s.base, day);
  const { expected: weekly, sigma } = weekdayBaseline(s, i);
  // Monthly charges (tax, support, hosted zones) land on the same day each month: what that day
  // cost above its own weekday baseline in the three months before is expected again.
  const monthly = [1, 2, 3]
    .map((m) => addMonths(monthOf(day), -m) + day.slice(7))
    .filter(isValidDay)
    .map((d) => {
      const j = daysBetween(s.base, d);
      return valueAt(s, j) - weekdayBaseline(s, j).expected;
    });
  const expected = weekly + Math.max(0, median(monthly));
  const cost = valueAt(s, i);
  const excess = cost - expected;
  const anomalous =
    excess > settings.sigmas * sigma && excess > settings.minRelative * expected && excess >= settings.minImpactUsd;
  return { cost, expected, excess, anomalous };
}

/** The verdict on one day of a series, against the 28 days before it and its monthly charges. */
export function judgeDay(costs: ReadonlyMap<Day, number>, day: Day, settings: AnomalySettings): DayVerdict {
  return judgeDense(densify(costs), day, settings);
}

export function anomalyAlerts(input: AnomalyInput): Alert[] {
  const settings = { ...DEFAULT_ANOMALY_SETTINGS, ...input.settings };
  const alerts: Alert[] = [];
  for (const series of input.series) {
    const dense = densify(series.costs);
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
      // A month without a rate keeps the episode in USD, said so by its currency (never a guess).
      const hasRate = convertAmount(1, "USD", input.display, input.rates, first) !== null;
      const currency = hasRate ? input.display : "USD";
      const conv = (usd: number) =>
        Math.round((convertAmount(usd, "USD", currency, input.rates, first) ?? usd) * 100) / 100;
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
            currency,
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
      const v = judgeDense(dense, day, settings);
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
