/**
 * A period's facts: what every surface (overview, budgets page, explorer total, weekly and
 * monthly reports, alert emails, API, `cairn report --format json`) says about one month up to
 * one stated data day. Computed once (src/store/read/period-facts.ts gathers, this shapes) and
 * only rendered elsewhere, so the same month and data day print the same cents everywhere.
 * Every amount carries its currency. Pure.
 */
import { addMonths } from "../days";
import type { Currency, Day, Month } from "../model";
import type { BudgetStatus } from "./budget-status";
import { type Converter, displayOfUsdByMonth, type Money, round2 } from "./currency";

/** How the month-end figure was obtained. */
export type ForecastMethod = "aws" | "cairn-weekday-profile" | "month-closed";

export interface PeriodFacts {
  month: Month;
  /** The last day whose spend is counted; null when the month has no data yet. */
  dataDay: Day | null;
  /** The currency every amount below is in. */
  currency: Currency;
  /** The currency asked for: differs from `currency` when a rate is missing. */
  requestedCurrency: Currency;
  /** Months whose rate into `requestedCurrency` is missing (why the figures are in USD). */
  missingRates: Month[];
  /** Units of `currency` per USD for the month (1 in USD). */
  rate: number;
  /** Spend from the month's first day to `dataDay` included. */
  spent: Money;
  /** The whole previous month, and the change of `spent` against it. */
  previous: Money;
  change: Money;
  /** The monthly budget on all spend, converted; null when there is none. */
  budget: {
    name: string;
    /** As it was entered. */
    entered: Money;
    amount: Money;
    /** `spent - amount`, of the two printed figures. */
    difference: Money;
    ratio: number | null;
  } | null;
  forecast: { amount: Money; method: ForecastMethod; difference: Money | null } | null;
  pipelines: { key: string; amount: Money; co2eGrams: number }[];
  daily: { day: Day; amount: Money }[];
  co2eGrams: number;
  /** Every budget, in `currency`, as of `dataDay`. */
  budgets: BudgetStatus[];
}

export interface PeriodFactsInput {
  month: Month;
  dataDay: Day | null;
  converter: Converter;
  /** USD of the month per day, up to the data day. */
  daily: readonly { day: Day; costUsd: number; co2eGrams: number }[];
  previousUsd: number;
  pipelines: readonly { key: string; costUsd: number; co2eGrams: number }[];
  /** The month-end forecast in USD and how it was made; null when none can be made. */
  forecastUsd: { totalUsd: number; method: ForecastMethod } | null;
  statuses: BudgetStatus[];
}

export function periodFacts(input: PeriodFactsInput): PeriodFacts {
  const c = input.converter;
  const inMonth = (usd: number) => displayOfUsdByMonth(c, new Map([[input.month, usd]]));
  const money = (amount: number): Money => ({ amount, currency: c.currency });
  const spentUsd = input.daily.reduce((a, d) => a + d.costUsd, 0);
  const spent = inMonth(spentUsd);
  const prevMonth = addMonths(input.month, -1);
  const previous = displayOfUsdByMonth(c, new Map([[prevMonth, input.previousUsd]]));
  const overall = input.statuses.find((s) => s.budget.periodKind === "month" && s.budget.scopeKind === "all");
  const forecast = input.forecastUsd ? inMonth(input.forecastUsd.totalUsd) : null;
  const budgetAmount = overall && !overall.missingRate ? overall.amount : null;
  return {
    month: input.month,
    dataDay: input.dataDay,
    currency: c.currency,
    requestedCurrency: c.requested,
    missingRates: c.missingMonths,
    rate: c.rateOf(input.month) ?? 1,
    spent: money(spent),
    previous: money(previous),
    change: money(round2(spent - previous)),
    budget: overall
      ? {
          name: overall.budget.name,
          entered: { amount: overall.budget.amount, currency: overall.budget.currency },
          amount: money(overall.amount),
          difference: money(round2(spent - overall.amount)),
          ratio: budgetAmount !== null && budgetAmount > 0 ? spent / budgetAmount : null,
        }
      : null,
    forecast:
      forecast === null || !input.forecastUsd
        ? null
        : {
            amount: money(forecast),
            method: input.forecastUsd.method,
            difference: budgetAmount === null ? null : money(round2(forecast - budgetAmount)),
          },
    pipelines: input.pipelines.map((p) => ({ key: p.key, amount: money(inMonth(p.costUsd)), co2eGrams: p.co2eGrams })),
    daily: input.daily.map((d) => ({ day: d.day, amount: money(inMonth(d.costUsd)) })),
    co2eGrams: input.daily.reduce((a, d) => a + d.co2eGrams, 0),
    budgets: input.statuses,
  };
}
