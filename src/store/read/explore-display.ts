/**
 * The explorer's report (./cost-explorer.ts) with its amounts in a display currency, the way
 * ./costs-display.ts converts the plain cost report: the period (and the compared one) cut at
 * month boundaries, each month's USD converted at that month's rate, so a row spanning months is
 * converted exactly; a month without a rate keeps the whole view in USD and names it. The USD
 * figures stay beside the converted ones (`costUsd` / `cost`).
 */
import { type Converter, displayOfUsdByMonth, makeConverter, monthsOfPeriod, round2 } from "../../analysis/currency";
import { addMonths, firstDayOfMonth } from "../../days";
import type { Currency, Month, Period } from "../../model";
import type { CairnDb } from "../store";
import { type ExploreFigures, type ExploreQuery, type ExploreRow, explore, previousPeriod } from "./cost-explorer";
import { listRates } from "./rates";

export interface DisplayExploreRow extends ExploreRow {
  cost: number;
  previousCost?: number;
  children?: DisplayExploreRow[];
}

export interface DisplayExploreReport {
  currency: Currency;
  /** Months of the range without a rate into the requested currency (why `currency` is USD). */
  missingRates: Month[];
  rows: DisplayExploreRow[];
  total: ExploreFigures & { cost: number; previousCost?: number };
  series: { bucket: string; costUsd: number; cost: number }[];
  previousPeriod?: Period;
}

/** The total's path: no row key holds a control character. */
const TOTAL = "\u0001total";

/** [from, to) cut into its months. */
function monthParts(period: Period): { month: Month; part: Period }[] {
  return monthsOfPeriod(period).map((month) => {
    const start = firstDayOfMonth(month);
    const next = firstDayOfMonth(addMonths(month, 1));
    return {
      month,
      part: { from: start > period.from ? start : period.from, to: next < period.to ? next : period.to },
    };
  });
}

/** USD by month for every row path (TOTAL for the total, "a" and "a\u0000b" for rows; "" is the untagged pipeline). */
async function usdByPathAndMonth(
  db: CairnDb,
  q: ExploreQuery,
  period: Period,
): Promise<Map<string, Map<Month, number>>> {
  const out = new Map<string, Map<Month, number>>();
  const add = (path: string, month: Month, usd: number) => {
    const m = out.get(path) ?? new Map<Month, number>();
    m.set(month, (m.get(month) ?? 0) + usd);
    out.set(path, m);
  };
  for (const { month, part } of monthParts(period)) {
    const r = await explore(db, { ...q, period: part, compare: false });
    add(TOTAL, month, r.total.costUsd);
    for (const row of r.rows) {
      add(row.key, month, row.costUsd);
      for (const child of row.children ?? []) add(`${row.key}\u0000${child.key}`, month, child.costUsd);
    }
  }
  return out;
}

export async function exploreInCurrency(
  db: CairnDb,
  q: ExploreQuery,
  requested: Currency,
): Promise<DisplayExploreReport & { converter: Converter }> {
  const previous = q.compare ? previousPeriod(q.period) : null;
  const months = [...new Set([...monthsOfPeriod(q.period), ...(previous ? monthsOfPeriod(previous) : [])])].sort();
  const converter = makeConverter(requested, await listRates(db), months);
  const whole = await explore(db, q);
  const base = { currency: converter.currency, missingRates: converter.missingMonths, converter };
  if (converter.currency === "USD") {
    // No conversion: the USD figures as they are.
    const same = ({ children, ...r }: ExploreRow): DisplayExploreRow => ({
      ...r,
      cost: round2(r.costUsd),
      ...(r.previousCostUsd !== undefined ? { previousCost: round2(r.previousCostUsd) } : {}),
      ...(children ? { children: children.map(same) } : {}),
    });
    return {
      ...whole,
      ...base,
      rows: whole.rows.map(same),
      total: same({ ...whole.total, key: "" }),
      series: whole.series.map((s) => ({ ...s, cost: round2(s.costUsd) })),
    };
  }
  const now = await usdByPathAndMonth(db, q, q.period);
  const before = previous ? await usdByPathAndMonth(db, q, previous) : null;
  const costOf = (paths: Map<string, Map<Month, number>>, path: string) => {
    const byMonth = paths.get(path);
    return byMonth ? displayOfUsdByMonth(converter, byMonth) : 0;
  };
  const convert = ({ children, ...r }: ExploreRow, path: string): DisplayExploreRow => ({
    ...r,
    cost: costOf(now, path),
    ...(before && r.previousCostUsd !== undefined ? { previousCost: costOf(before, path) } : {}),
    ...(children ? { children: children.map((c) => convert(c, `${path}\u0000${c.key}`)) } : {}),
  });
  return {
    ...whole,
    ...base,
    rows: whole.rows.map((r) => convert(r, r.key)),
    total: convert({ ...whole.total, key: "" }, TOTAL),
    // A bucket is a day or a month: its own month's rate.
    series: whole.series.map((s) => ({
      ...s,
      cost: round2(converter.fromUsd(s.costUsd, `${s.bucket.slice(0, 7)}-01`)),
    })),
  };
}
