/**
 * Where a budget stands: spend in its period and scope, in the budget's own currency (each day
 * converted at its month's rate), and the expected spend at the period's end. Pure.
 *
 * The forecast is Cairn's own (src/analysis/forecast.ts, weekday profile of the month so far), or
 * the stored month-end forecast (AWS's when it had one) for a monthly budget on everything. For a
 * year or a custom period, the months after the current one are extrapolated at the current
 * month's forecast daily rate: a run rate, not a second model.
 */
import { addDays, addMonths, daysInMonth, eachDay, firstDayOfMonth, monthOf } from "../days";
import type { Budget, BudgetThreshold, Currency, Day, Period } from "../model";
import {
  type Converter,
  displayOfUsdByMonth,
  type MonthlyRate,
  makeConverter,
  monthsOfPeriod,
  round2,
  usdByMonthOf,
} from "./currency";
import { type DailyCost, forecastMonthEnd } from "./forecast";

export const DEFAULT_THRESHOLDS: readonly BudgetThreshold[] = [
  { kind: "actual", ratio: 0.5 },
  { kind: "actual", ratio: 0.8 },
  { kind: "actual", ratio: 1 },
  { kind: "forecast", ratio: 1 },
];

/** A month-end forecast already stored (from the collector), in USD. */
export interface StoredForecast {
  month: string;
  totalUsd: number;
  source: "aws" | "cairn";
}

export interface BudgetStatusInput {
  budget: Budget;
  today: Day;
  /** USD per day in the budget's scope; days outside the period are ignored. */
  daily: readonly DailyCost[];
  rates: readonly MonthlyRate[];
  /**
   * The currency the status is expressed in (the display currency); default: the budget's own.
   * Budget and spend are both converted into it before any ratio or difference.
   */
  display?: Currency;
  /** The view's converter, so every figure of a page shares one currency; built when absent. */
  converter?: Converter;
  /** Used only for a monthly budget on everything, when it is of the current month. */
  storedForecast?: StoredForecast | null;
}

export interface BudgetStatus {
  budget: Budget;
  period: Period;
  /** Names the period in alert keys: `2026-11`, `2026`, or `2026-06-01..2026-10-01`. */
  periodKey: string;
  state: "upcoming" | "active" | "ended";
  /** Newest day of the period with any spend, null when none yet. */
  asOfDay: Day | null;
  /** The currency of `amount`, `spent`, `forecast` and `difference` (the display currency). */
  currency: Currency;
  /** The budget converted into `currency` at the rate of the month of the status. */
  amount: number;
  /** Spend so far, in `currency`. */
  spent: number;
  /** `spent - amount` of the two rounded figures: what a reader can check by subtraction. */
  difference: number;
  spentRatio: number;
  /** Expected spend at the period's end, in `currency`; null when it cannot be told. */
  forecast: number | null;
  forecastRatio: number | null;
  forecastSource: "aws" | "cairn" | null;
  /** True when a rate was missing: figures are in USD (see `missingMonths`), or not comparable. */
  missingRate: boolean;
  /** Months whose rate is missing. */
  missingMonths: string[];
}

/** The budget's period that `today` falls in (custom budgets have only their own). */
export function budgetPeriod(budget: Budget, today: Day): { period: Period; periodKey: string } {
  if (budget.periodKind === "custom") {
    if (!budget.customPeriod) throw new Error(`budget ${budget.name}: a custom period needs its from and to days`);
    const p = budget.customPeriod;
    return { period: p, periodKey: `${p.from}..${p.to}` };
  }
  if (budget.periodKind === "year") {
    const year = today.slice(0, 4);
    return { period: { from: `${year}-01-01`, to: `${Number(year) + 1}-01-01` }, periodKey: year };
  }
  const month = monthOf(today);
  return { period: { from: firstDayOfMonth(month), to: firstDayOfMonth(addMonths(month, 1)) }, periodKey: month };
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * Converts between the two currencies through USD at the rate of `day`'s month; null when that
 * month has no rate (never a silent guess).
 */
export function convertAmount(
  amount: number,
  from: Currency,
  to: Currency,
  rates: readonly MonthlyRate[],
  day: Day,
): number | null {
  if (from === to) return amount;
  return makeConverter(to, rates, [monthOf(day)]).convert(amount, from, monthOf(day));
}

function forecastUsdByDay(input: BudgetStatusInput, period: Period): Map<Day, number> | null {
  const { today } = input;
  const month = monthOf(today);
  const own = forecastMonthEnd(today, input.daily);
  if (!own) return null;
  const monthEnd = firstDayOfMonth(addMonths(month, 1));
  const out = new Map<Day, number>();
  const remainingDays = eachDay(today, monthEnd).filter((d) => d >= period.from && d < period.to);
  // The month's remaining spend, spread evenly over its remaining days (only their sum matters
  // within the month, but each day carries its month's rate).
  const monthRemaining = own.remainingUsd;
  const perRemainingDay = remainingDays.length > 0 ? monthRemaining / eachDay(today, monthEnd).length : 0;
  for (const d of remainingDays) out.set(d, perRemainingDay);
  const dailyRate = own.totalUsd / daysInMonth(month);
  for (let d = monthEnd; d < period.to; d = addDays(d, 1)) if (d >= period.from) out.set(d, dailyRate);
  return out;
}

export function budgetStatus(input: BudgetStatusInput): BudgetStatus {
  const { budget, today } = input;
  const { period, periodKey } = budgetPeriod(budget, today);
  const state = today < period.from ? "upcoming" : today >= period.to ? "ended" : "active";
  // The months whose figures the status shows: from the period's start to today (or its end).
  const lastMonth = monthOf(state === "ended" ? addDays(period.to, -1) : today < period.from ? period.from : today);
  const converter =
    input.converter ??
    makeConverter(
      input.display ?? budget.currency,
      input.rates,
      monthsOfPeriod({ from: period.from, to: firstDayOfMonth(addMonths(lastMonth, 1)) }),
    );
  let asOfDay: Day | null = null;
  const inPeriod = input.daily.filter((d) => d.day >= period.from && d.day < period.to);
  for (const { day, costUsd } of inPeriod) if (costUsd !== 0 && (asOfDay === null || day > asOfDay)) asOfDay = day;
  const spent = displayOfUsdByMonth(converter, usdByMonthOf(inPeriod));
  const spentBeforeToday = displayOfUsdByMonth(converter, usdByMonthOf(inPeriod.filter((d) => d.day < today)));

  let forecast: number | null = null;
  let forecastSource: BudgetStatus["forecastSource"] = null;
  if (state === "ended") {
    forecast = spent;
  } else if (state === "active") {
    const stored = input.storedForecast;
    if (budget.periodKind === "month" && budget.scopeKind === "all" && stored && stored.month === monthOf(today)) {
      forecast = converter.fromUsd(stored.totalUsd, today);
      forecastSource = stored.source;
    } else {
      const rest = forecastUsdByDay(input, period);
      if (rest) {
        forecast = spentBeforeToday;
        for (const [day, usd] of rest) {
          // Months after the last one with a rate are forecast at the last rate known to the view.
          const rate = converter.rateOf(monthOf(day)) ?? converter.rateOf(lastMonth) ?? 1;
          forecast += usd * rate;
        }
        forecastSource = "cairn";
      }
    }
  }
  // The budget in the status's currency, at the rate of the month the status is taken in.
  const converted = converter.convert(budget.amount, budget.currency, lastMonth);
  const amount = converted === null ? 0 : round2(converted);
  const spentShown = round2(spent);
  const comparable = converted !== null && amount > 0;
  return {
    budget,
    period,
    periodKey,
    state,
    asOfDay,
    currency: converter.currency,
    amount,
    spent: spentShown,
    difference: round2(spentShown - amount),
    spentRatio: comparable ? round4(spentShown / amount) : 0,
    forecast: forecast === null ? null : round2(forecast),
    forecastRatio: forecast === null || !comparable ? null : round4(round2(forecast) / amount),
    forecastSource,
    missingRate: converter.missingRates || converted === null,
    missingMonths:
      converted === null ? [...new Set([...converter.missingMonths, lastMonth])].sort() : converter.missingMonths,
  };
}
