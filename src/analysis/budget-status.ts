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
import { type MonthlyRate, makeConverter } from "./currency";
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
  /** Spend so far, in the budget's currency. */
  spent: number;
  spentRatio: number;
  /** Expected spend at the period's end, in the budget's currency; null when it cannot be told. */
  forecast: number | null;
  forecastRatio: number | null;
  forecastSource: "aws" | "cairn" | null;
  /** True when the budget is in EUR and no EUR rate is known: amounts stayed in USD. */
  missingRate: boolean;
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

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** Converts between the two currencies through USD, at the rate of `day`'s month. */
export function convertAmount(
  amount: number,
  from: Currency,
  to: Currency,
  rates: readonly MonthlyRate[],
  day: Day,
): number {
  if (from === to) return amount;
  const eur = makeConverter("EUR", rates);
  if (eur.missingRates) return amount;
  const eurPerUsd = eur.fromUsd(1, day);
  return from === "USD" ? amount * eurPerUsd : amount / eurPerUsd;
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
  const converter = makeConverter(budget.currency, input.rates);
  let spent = 0;
  let asOfDay: Day | null = null;
  let spentBeforeToday = 0;
  for (const { day, costUsd } of input.daily) {
    if (day < period.from || day >= period.to) continue;
    const amount = converter.fromUsd(costUsd, day);
    spent += amount;
    if (day < today) spentBeforeToday += amount;
    if (costUsd !== 0 && (asOfDay === null || day > asOfDay)) asOfDay = day;
  }

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
        for (const [day, usd] of rest) forecast += converter.fromUsd(usd, day);
        forecastSource = "cairn";
      }
    }
  }
  const amount = budget.amount;
  return {
    budget,
    period,
    periodKey,
    state,
    asOfDay,
    spent: round2(spent),
    spentRatio: amount > 0 ? round4(spent / amount) : 0,
    forecast: forecast === null ? null : round2(forecast),
    forecastRatio: forecast === null || amount <= 0 ? null : round4(forecast / amount),
    forecastSource,
    missingRate: budget.currency === "EUR" && converter.missingRates,
  };
}
