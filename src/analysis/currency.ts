/**
 * Converting USD (what AWS bills) into the display currency with the rate of each amount's own
 * month, so a past month's figures never change once its rate is set. Pure.
 */
import type { Currency, Day, Month } from "../model";

export interface MonthlyRate {
  month: Month;
  currency: Currency;
  ratePerUsd: number;
}

export interface Converter {
  currency: Currency;
  /** The amount in the display currency, using the rate of `day`'s month. */
  fromUsd: (usd: number, day: Day) => number;
  /** Months that had no rate of their own and borrowed the nearest earlier (or later) one. */
  borrowedMonths: () => Month[];
  /** True when no rate at all was known and amounts stay in USD. */
  missingRates: boolean;
}

export function makeConverter(currency: Currency, rates: readonly MonthlyRate[]): Converter {
  if (currency === "USD") {
    return { currency, fromUsd: (usd) => usd, borrowedMonths: () => [], missingRates: false };
  }
  const own = rates.filter((r) => r.currency === currency).sort((a, b) => a.month.localeCompare(b.month));
  if (own.length === 0) {
    return { currency: "USD", fromUsd: (usd) => usd, borrowedMonths: () => [], missingRates: true };
  }
  const byMonth = new Map(own.map((r) => [r.month, r.ratePerUsd]));
  const borrowed = new Set<Month>();
  const rateOf = (month: Month): number => {
    const exact = byMonth.get(month);
    if (exact !== undefined) return exact;
    borrowed.add(month);
    // The nearest earlier month's rate, else the earliest one known.
    let chosen = own[0]?.ratePerUsd ?? 1;
    for (const r of own) if (r.month <= month) chosen = r.ratePerUsd;
    return chosen;
  };
  return {
    currency,
    fromUsd: (usd, day) => usd * rateOf(day.slice(0, 7)),
    borrowedMonths: () => [...borrowed].sort(),
    missingRates: false,
  };
}
