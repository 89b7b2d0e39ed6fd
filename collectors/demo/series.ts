/**
 * A demo series: one usage type of one service, in one account, region and pipeline, with
 * the usage it shows on a given day. Its price and unit come from the price table, so the
 * series only says how much was used.
 */
import type { DemoDay } from "./story";

export interface DemoSeries {
  /** Stable key: seeds the series' randomness, so keep it unchanged once published. */
  id: string;
  /** Share another series' random draws (e.g. an EBS volume that follows instance hours). */
  seedId?: string;
  accountId: string;
  service: string;
  region: string;
  usageType: string;
  pipeline: string;
  /** Usage that day, in the usage type's unit; 0 or less means no line. */
  usage: (day: DemoDay, random: () => number) => number;
}

/** Weekday value, weekend value. */
export function byWeekday(d: DemoDay, weekdayValue: number, weekendValue: number): number {
  return d.isWeekend ? weekendValue : weekdayValue;
}

/** A day's share of a standing monthly quantity (GB stored, metrics, alarms): GB-Mo per day. */
export function monthShare(d: DemoDay, quantity: number): number {
  return quantity / d.monthDays;
}
