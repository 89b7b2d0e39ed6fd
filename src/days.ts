/** Pure arithmetic on UTC days (`YYYY-MM-DD`) and months (`YYYY-MM`). */
import type { Day, Month } from "./model";

const MS_PER_DAY = 86_400_000;

export function isValidDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isValidMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The UTC day of an instant. */
export function toDay(instant: Date): Day {
  return instant.toISOString().slice(0, 10);
}

export function addDays(day: Day, count: number): Day {
  return toDay(new Date(Date.parse(`${day}T00:00:00Z`) + count * MS_PER_DAY));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

export function monthOf(day: Day): Month {
  return day.slice(0, 7);
}

export function firstDayOfMonth(month: Month): Day {
  return `${month}-01`;
}

export function addMonths(month: Month, count: number): Month {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

export function daysInMonth(month: Month): number {
  return daysBetween(firstDayOfMonth(month), firstDayOfMonth(addMonths(month, 1)));
}

/** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
export function weekday(day: Day): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Every day of a half-open range, in order. */
export function eachDay(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) out.push(d);
  return out;
}
