/**
 * The calendar of the demo: seasons, weekdays, and the dated events of its story (the
 * runaway Lambda loop, the forgotten NAT gateway). Events are placed relative to the month of
 * `today`, not to `today` itself, so every day of a month yields the same history.
 */
import { addMonths, daysBetween, daysInMonth, monthOf, weekday } from "../../src/days";
import type { Day } from "../../src/model";

/** Growth of stored data is counted from here (a fixed day keeps it independent of `today`). */
const GROWTH_ANCHOR: Day = "2024-01-01";

export interface DemoStory {
  /** The two days of the runaway Lambda loop: the 12th and 13th of the previous month. */
  anomalyDays: readonly Day[];
  /** The sandbox NAT gateway runs from this day on (the 20th of last month). */
  natGatewaySince: Day;
}

export function demoStory(today: Day): DemoStory {
  const previous = addMonths(monthOf(today), -1);
  return {
    anomalyDays: [`${previous}-12`, `${previous}-13`],
    natGatewaySince: `${addMonths(monthOf(today), -1)}-20`,
  };
}

/** What every series knows about the day it produces. */
export interface DemoDay {
  day: Day;
  /** Days in the day's month: a day carries 1/daysInMonth of a monthly quantity (GB-Mo...). */
  monthDays: number;
  /** 1..12 */
  month: number;
  isWeekend: boolean;
  /** Years since the growth anchor (fractional, may be negative). */
  years: number;
  /** Camera-trap season intensity, 0 outside June-September. */
  season: number;
  /** Camera-trap seasons finished before this day (images moved to cheaper storage). */
  seasonsDone: number;
  /** Share of the current season already past (0 before June, 1 after September). */
  seasonProgress: number;
  isAnomaly: boolean;
  natGatewayRunning: boolean;
}

// Peaks in July-August when the traps fire most; June and September are ramps.
const SEASON_INTENSITY: Readonly<Record<number, number>> = { 6: 0.6, 7: 1, 8: 1, 9: 0.5 };

export function demoDay(day: Day, story: DemoStory): DemoDay {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const dow = weekday(day);
  const seasonStart = `${year}-06-01`;
  const seasonEnd = `${year}-10-01`;
  const progress =
    day < seasonStart ? 0 : day >= seasonEnd ? 1 : daysBetween(seasonStart, day) / daysBetween(seasonStart, seasonEnd);
  return {
    day,
    monthDays: daysInMonth(monthOf(day)),
    month,
    isWeekend: dow === 0 || dow === 6,
    years: daysBetween(GROWTH_ANCHOR, day) / 365,
    season: SEASON_INTENSITY[month] ?? 0,
    seasonsDone: Math.max(0, year - 2021 - (day < seasonEnd ? 1 : 0)),
    seasonProgress: progress > 0 && progress < 1 ? progress : 0,
    isAnomaly: story.anomalyDays.includes(day),
    natGatewayRunning: day >= story.natGatewaySince,
  };
}

/** AWS may still restate the open month and the last three days. */
export function isEstimatedDay(day: Day, today: Day): boolean {
  return monthOf(day) === monthOf(today) || daysBetween(day, today) <= 3;
}
