/**
 * Which days a Cost Explorer run reads. Pure.
 *
 * - First run: a backfill of `backfillMonths` whole months before the current one, up to today.
 * - Later runs: the last `trailingDays` days; back to where the last successful run stopped, if a
 *   run failed or none ran for a while; and the whole previous month until a run has seen it
 *   final (no `Estimated` day), since AWS restates a month until it closes it.
 * - `--from` / `--to` override either end.
 * The end is today, exclusive: today's figures are hours old at best and lag about a day.
 */
import { addDays, addMonths, eachDay, firstDayOfMonth, monthOf } from "../days";
import type { Day, Month, Period } from "../model";

export interface CollectState {
  /** Start of the first backfill; null until one has succeeded. */
  backfilledFrom: Day | null;
  /** End (exclusive) of the last successful incremental run's window. */
  collectedTo: Day | null;
  /** The latest month a run has seen with no Estimated day: it is never re-read. */
  finalThrough: Month | null;
  /** The linked accounts, as asked on `accountsDay`: later runs that day reuse them. */
  accounts?: string[] | null;
  accountsDay?: Day | null;
}

export const EMPTY_STATE: CollectState = {
  backfilledFrom: null,
  collectedTo: null,
  finalThrough: null,
  accounts: null,
  accountsDay: null,
};

export interface WindowInput {
  today: Day;
  state: CollectState;
  backfillMonths: number;
  trailingDays: number;
  from?: Day | undefined;
  to?: Day | undefined;
}

export type WindowKind = "backfill" | "incremental" | "override";

export interface CollectWindow extends Period {
  kind: WindowKind;
}

export function planWindow(input: WindowInput): CollectWindow {
  const { today, state } = input;
  const thisMonth = monthOf(today);
  let from: Day;
  let kind: WindowKind;
  if (state.backfilledFrom === null) {
    from = firstDayOfMonth(addMonths(thisMonth, -input.backfillMonths));
    kind = "backfill";
  } else {
    from = addDays(today, -input.trailingDays);
    if (state.collectedTo !== null && state.collectedTo < from) from = state.collectedTo;
    const previous = addMonths(thisMonth, -1);
    if (state.finalThrough === null || state.finalThrough < previous) {
      const previousStart = firstDayOfMonth(previous);
      if (previousStart < from) from = previousStart;
    }
    kind = "incremental";
  }
  if (input.from !== undefined || input.to !== undefined) kind = "override";
  const window = { from: input.from ?? from, to: input.to ?? today, kind };
  if (window.from >= window.to) {
    throw new RangeError(
      `the window ${window.from}..${window.to} is empty: --from must be before --to (exclusive end)`,
    );
  }
  return window;
}

/**
 * Months wholly inside `period` whose every day was answered and none estimated. Days not in
 * the map (no answer for them) keep a month from being taken as final.
 */
export function finalMonths(period: Period, estimatedByDay: ReadonlyMap<Day, boolean>): Month[] {
  const out: Month[] = [];
  for (let m = monthOf(period.from); firstDayOfMonth(m) < period.to; m = addMonths(m, 1)) {
    const start = firstDayOfMonth(m);
    const end = firstDayOfMonth(addMonths(m, 1));
    if (start < period.from || end > period.to) continue;
    if (eachDay(start, end).every((d) => estimatedByDay.get(d) === false)) out.push(m);
  }
  return out;
}
