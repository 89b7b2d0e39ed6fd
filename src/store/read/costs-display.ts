/**
 * A cost report with its amounts in a display currency: the period cut at month boundaries,
 * each month's USD converted at that month's rate (src/analysis/currency.ts), so a range over
 * several months is converted exactly, and a range with a month without a rate stays in USD
 * and names it. The USD figures (`costUsd`) stay beside the converted ones (`cost`).
 */
import { type Converter, displayOfUsdByMonth, makeConverter, monthsOfPeriod } from "../../analysis/currency";
import { addMonths, firstDayOfMonth } from "../../days";
import type { Currency, Month } from "../../model";
import type { CairnDb } from "../store";
import { type CostFigures, type CostQuery, type CostReport, costsBy } from "./costs";
import { listRates } from "./rates";

export interface DisplayFigures extends CostFigures {
  /** The cost in `currency`. */
  cost: number;
}

export interface DisplayReport {
  currency: Currency;
  /** Months of the range without a rate into the requested currency (why `currency` is USD). */
  missingRates: Month[];
  rows: (DisplayFigures & { key: string })[];
  total: DisplayFigures;
  converter: Converter;
}

export async function costsInCurrency(db: CairnDb, query: CostQuery, requested: Currency): Promise<DisplayReport> {
  const months = monthsOfPeriod(query.period);
  const converter = makeConverter(requested, await listRates(db), months);
  const whole: CostReport = await costsBy(db, query);
  const byKey = new Map<string, Map<Month, number>>();
  const total = new Map<Month, number>();
  if (converter.currency === "USD") {
    // No conversion: the USD figures as they are, to the cent.
    for (const r of whole.rows) byKey.set(r.key, new Map([[months[0] as Month, r.costUsd]]));
    total.set(months[0] as Month, whole.total.costUsd);
  } else {
    for (const month of months) {
      const from = firstDayOfMonth(month) > query.period.from ? firstDayOfMonth(month) : query.period.from;
      const next = firstDayOfMonth(addMonths(month, 1));
      const to = next < query.period.to ? next : query.period.to;
      const part = await costsBy(db, { ...query, period: { from, to } });
      for (const r of part.rows) {
        const m = byKey.get(r.key) ?? new Map<Month, number>();
        m.set(month, r.costUsd);
        byKey.set(r.key, m);
      }
      total.set(month, part.total.costUsd);
    }
  }
  const costOf = (m: Map<Month, number> | undefined) => (m ? displayOfUsdByMonth(converter, m) : 0);
  return {
    currency: converter.currency,
    missingRates: converter.missingMonths,
    rows: whole.rows.map((r) => ({ ...r, cost: costOf(byKey.get(r.key)) })),
    total: { ...whole.total, cost: costOf(total) },
    converter,
  };
}
