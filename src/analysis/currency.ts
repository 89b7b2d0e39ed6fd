/**
 * The money model. AWS bills in USD; people read the display currency (CAIRN_CURRENCY). Each
 * amount is converted with the rate of its own month, so a past month's figures never change
 * once its rate is set. A month without a rate is never shown as if converted: a view that
 * touches such a month stays in USD as a whole (never a mix of currencies in one table or
 * chart) and names the months whose rate is missing. Pure.
 */
import { addMonths, monthOf } from "../days";
import type { Currency, Day, Month, Period } from "../model";

export interface MonthlyRate {
  month: Month;
  currency: Currency;
  ratePerUsd: number;
}

/** An amount with the currency it is in. */
export interface Money {
  amount: number;
  currency: Currency;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

export interface Converter {
  /** The currency the view's figures are in: the one asked for, or USD when a rate is missing. */
  currency: Currency;
  /** The currency asked for (CAIRN_CURRENCY or the API's `currency`). */
  requested: Currency;
  /** The amount in `currency`, using the rate of `day`'s month. */
  fromUsd: (usd: number, day: Day) => number;
  /**
   * An amount entered in `from` (a budget) in `currency`, at the rate of `month`; null when that
   * cannot be done honestly (a EUR budget and no EUR rate for the month).
   */
  convert: (amount: number, from: Currency, month: Month) => number | null;
  /** Units of `currency` per USD for the month (1 in USD). */
  rateOf: (month: Month) => number | null;
  /** Months of the view that have no rate into the requested currency (empty when all do). */
  missingMonths: Month[];
  /** True when the requested currency could not be used: figures are in USD. */
  missingRates: boolean;
  /** `{ amount, currency }`. */
  money: (amount: number) => Money;
}

/** The months a half-open period touches, in order. */
export function monthsOfPeriod(period: Period): Month[] {
  const out: Month[] = [];
  if (period.from >= period.to) return out;
  const last = monthOf(addDaysLocal(period.to, -1));
  for (let m = monthOf(period.from); m <= last; m = addMonths(m, 1)) out.push(m);
  return out;
}

function addDaysLocal(day: Day, n: number): Day {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * A converter for a view that shows the given months. EUR is used only when every one of them
 * has its own EUR rate; otherwise the view is in USD and `missingMonths` says which are missing.
 */
export function makeConverter(requested: Currency, rates: readonly MonthlyRate[], months: readonly Month[]): Converter {
  const eurOf = new Map(rates.filter((r) => r.currency === "EUR").map((r) => [r.month, r.ratePerUsd]));
  const missingMonths = requested === "EUR" ? [...new Set(months)].filter((m) => !eurOf.has(m)).sort() : [];
  const currency: Currency = requested === "EUR" && missingMonths.length === 0 ? "EUR" : "USD";
  const rateOf = (month: Month): number | null => (currency === "USD" ? 1 : (eurOf.get(month) ?? null));
  const fromUsd = (usd: number, day: Day): number => {
    const rate = rateOf(monthOf(day));
    // A day outside the months the view declared: a programming error, not a silent guess.
    if (rate === null) throw new Error(`no EUR rate for ${monthOf(day)}: the view did not declare this month`);
    return usd * rate;
  };
  const convert = (amount: number, from: Currency, month: Month): number | null => {
    if (from === currency) return amount;
    const eur = eurOf.get(month);
    if (eur === undefined) return null;
    // EUR -> USD (a EUR budget in a USD view) or USD -> EUR.
    return from === "EUR" ? amount / eur : amount * eur;
  };
  return {
    currency,
    requested,
    fromUsd,
    convert,
    rateOf,
    missingMonths,
    missingRates: missingMonths.length > 0,
    money: (amount) => ({ amount, currency }),
  };
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The one way a sum of USD becomes a displayed figure: USD summed per month (to the
 * micro-dollar), each month at its own rate, the whole rounded to the cent. Every surface goes
 * through here, so the same days give the same cents everywhere.
 */
export function displayOfUsdByMonth(converter: Converter, usdByMonth: ReadonlyMap<Month, number>): number {
  let total = 0;
  for (const [month, usd] of [...usdByMonth].sort(([a], [b]) => a.localeCompare(b)))
    total += converter.fromUsd(round6(usd), `${month}-01`);
  return round2(total);
}

/** USD per month of daily amounts. */
export function usdByMonthOf(daily: readonly { day: Day; costUsd: number }[]): Map<Month, number> {
  const out = new Map<Month, number>();
  for (const { day, costUsd } of daily) out.set(monthOf(day), (out.get(monthOf(day)) ?? 0) + costUsd);
  return out;
}
