/**
 * Collection on Athena: `(deps, args) -> summary`. One aggregate query per billing period to
 * read (collectors/athena/sql.ts) sums the period's FOCUS rows in S3, and the answer is written
 * exactly as a local FOCUS import of the same files would write it: each export's (billing
 * account x billing period) contribution replaced, the months it touches rebuilt, renamed and
 * estimated, as cost lines of source `focus`.
 *
 * Why `focus` and not a source of its own: the lines ARE the FOCUS export's, read by another
 * engine. Sharing the import's contributions (import_lines) means a team that moves from local
 * import to Athena (or back) replaces its lines instead of holding two copies, and the README's
 * source precedence (a complete FOCUS period counts before Cost Explorer) applies unchanged.
 * The collection run itself is recorded under source `athena`, with its queries' bytes and cost.
 *
 * Every query runs, and every page of its answer is read, before anything is written: a query
 * the cap refuses, or one that fails, is cancelled or is stopped by the workgroup's per-query
 * limit, leaves the store as it was. The write (../store/export-replace.ts) follows the import's
 * rules; on SQLite it is one transaction for the whole run, on D1 batches of whole days.
 *
 * Periods read: the current one, and the previous one until its invoice is final (a few days into
 * the month), so a daily run scans one or two partitions whatever the export's size; plus, within
 * CAIRN_BACKFILL_MONTHS, every period no Athena collection has read yet (the first run backfills).
 */

import { addAthenaRows } from "../../collectors/athena/charges";
import { athenaCostUsd } from "../../collectors/athena/cost";
import { rowObjects } from "../../collectors/athena/run";
import { costLinesQuery } from "../../collectors/athena/sql";
import type { FocusAggregate } from "../../collectors/focus/aggregate";
import { newAggregate, periodKey } from "../../collectors/focus/aggregate";
import { addDays, addMonths, firstDayOfMonth, monthOf, toDay } from "../days";
import type { CostLine, Month } from "../model";
import { athenaQueriesOfRun, dropAthenaCache, periodsRead } from "../store/athena-queries";
import type { EstimatedLine } from "../store/cost-lines";
import { replaceExports } from "../store/export-replace";
import { finishRun, startRun } from "../store/runs";
import type { Store } from "../store/store";
import { storeAthenaForecast } from "./athena-forecast";
import {
  AthenaCapError,
  type AthenaDeps,
  athenaFailureKind,
  athenaQuery,
  expectation,
  focusTable,
  monthSpending,
  usd,
} from "./athena-session";

/** The collection run's source (its lines are `focus`: see the module comment). */
export const ATHENA_SOURCE = "athena";
export const COST_LINES_PURPOSE = "cost-lines";
/** Days after a month's end before its invoice is taken as final (as the FOCUS import). */
const INVOICE_DAYS = 5;

export interface CollectAthenaDeps {
  store: Store;
  athena: AthenaDeps;
  now: () => Date;
  estimate: (lines: CostLine[]) => EstimatedLine[];
}

export interface CollectAthenaArgs {
  pipelineTag: string;
  /** Billing periods to read; the default window (see the module comment) when absent. */
  periods?: Month[];
  /** How far back a first run reads (CAIRN_BACKFILL_MONTHS). */
  backfillMonths: number;
  /** Rows the import's parser refuses, tolerated (CAIRN_IMPORT_MAX_ERRORS). */
  maxErrors: number;
  /** Write Cairn's month-end forecast after the write (when Cost Explorer, which writes one, does not run). */
  forecast?: boolean;
}

export interface AthenaPeriodSummary {
  billingPeriod: Month;
  /** Result rows (groups) Athena returned. */
  groups: number;
  bytesScanned: number;
  costUsd: number;
}

export interface CollectAthenaSummary {
  status: "succeeded" | "failed";
  periods: AthenaPeriodSummary[];
  costLinesWritten: number;
  bytesScanned: number;
  costUsd: number;
  badRows: number;
  error: string | null;
  errorKind: string | null;
}

/** The open period, and the previous one while its invoice may still change. */
export function trailingPeriods(now: Date): Month[] {
  const today = toDay(now);
  const current = monthOf(today);
  const previous = addMonths(current, -1);
  return today < addDays(firstDayOfMonth(current), INVOICE_DAYS) ? [previous, current] : [current];
}

/** The trailing periods, plus those within the backfill window no Athena collection has read. */
export async function periodsToRead(store: Store, now: Date, backfillMonths: number): Promise<Month[]> {
  const current = monthOf(toDay(now));
  const read = new Set(await periodsRead(store, COST_LINES_PURPOSE));
  const out = new Set(trailingPeriods(now));
  for (let i = backfillMonths - 1; i >= 1; i--) {
    const p = addMonths(current, -i);
    if (!read.has(p)) out.add(p);
  }
  return [...out].sort();
}

const isEstimated = (now: Date) => (month: Month) =>
  toDay(now) < addDays(firstDayOfMonth(addMonths(month, 1)), INVOICE_DAYS);

/** Writes every export the answers held, as the import would (../store/export-replace.ts). */
async function writeAggregate(deps: CollectAthenaDeps, aggregate: FocusAggregate, at: string): Promise<number> {
  const others = [...aggregate.others.values()];
  const exports = [...aggregate.periods.values()].map((period) => {
    const key = { billingAccountId: period.billingAccountId, billingPeriod: period.billingPeriod };
    const k = periodKey(key.billingAccountId, key.billingPeriod);
    return {
      key,
      lines: [...period.lines.values()],
      others: others.filter((o) => periodKey(o.billingAccountId, o.billingPeriod) === k),
    };
  });
  // Exports with other providers' rows only keep those counted too.
  for (const o of others) {
    const k = periodKey(o.billingAccountId, o.billingPeriod);
    if (
      !aggregate.periods.has(k) &&
      !exports.some((e) => periodKey(e.key.billingAccountId, e.key.billingPeriod) === k)
    ) {
      exports.push({
        key: { billingAccountId: o.billingAccountId, billingPeriod: o.billingPeriod },
        lines: [],
        others: others.filter((x) => periodKey(x.billingAccountId, x.billingPeriod) === k),
      });
    }
  }
  return replaceExports(
    { store: deps.store, estimate: deps.estimate, isEstimated: isEstimated(deps.now()) },
    exports,
    at,
  );
}

/**
 * The run's Athena bill, in the run's request columns (as Cost Explorer's requests are): queries
 * sent, and what they cost, those that failed or were cancelled included.
 */
async function queryBill(store: Store, runId: number): Promise<{ requests: number; requestCostUsd: number }> {
  const queries = (await athenaQueriesOfRun(store, runId)).filter((q) => q.state !== "REFUSED");
  return { requests: queries.length, requestCostUsd: queries.reduce((s, q) => s + q.costUsd, 0) };
}

export async function collectAthena(deps: CollectAthenaDeps, args: CollectAthenaArgs): Promise<CollectAthenaSummary> {
  const summary: CollectAthenaSummary = {
    status: "succeeded",
    periods: [],
    costLinesWritten: 0,
    bytesScanned: 0,
    costUsd: 0,
    badRows: 0,
    error: null,
    errorKind: null,
  };
  const runId = await startRun(deps.store, { source: ATHENA_SOURCE, startedAt: deps.now().toISOString() });
  const aggregate = newAggregate();
  try {
    const periods = args.periods ?? (await periodsToRead(deps.store, deps.now(), args.backfillMonths));
    // The table's columns and partition key, from Glue, before anything is sent to Athena.
    const table = await focusTable(deps, "cost-lines");
    const queries = periods.map((p) => costLinesQuery(table, args.pipelineTag, p));
    // The whole run's expected cost first: a backfill the cap cannot afford is refused before its
    // first query, rather than spending on periods it would then not write.
    let expected = 0;
    let unknown = 0;
    for (const q of queries) {
      const guess = await expectation(deps.store, COST_LINES_PURPOSE, q);
      expected += athenaCostUsd(guess.bytes);
      if (guess.basis === "minimum") unknown += 1;
    }
    const spent = await monthSpending(deps.store, deps.now());
    if (queries.length > 1 && spent.costUsd + expected > deps.athena.maxUsdPerMonth) {
      throw new AthenaCapError(
        `Athena collection of ${periods.join(", ")} not run: this month's Athena spending (${usd(spent.costUsd)}) ` +
          `plus its ${queries.length} queries' expected cost (${usd(expected)}` +
          `${unknown > 0 ? `, ${unknown} of them at the 10 MB minimum as no query has read this export yet` : ""}) ` +
          `would pass CAIRN_ATHENA_MAX_USD (${usd(deps.athena.maxUsdPerMonth)}); collect fewer periods ` +
          "(CAIRN_BACKFILL_MONTHS) or raise the cap",
      );
    }
    for (const query of queries) {
      const result = await athenaQuery(deps, COST_LINES_PURPOSE, query, runId);
      const errors = addAthenaRows(aggregate, rowObjects(result), args.pipelineTag);
      summary.badRows += errors.badRows;
      if (summary.badRows > args.maxErrors) {
        throw new Error(
          `stopped after ${summary.badRows} FOCUS rows Cairn cannot read (CAIRN_IMPORT_MAX_ERRORS=${args.maxErrors}): ${errors.reasons.join("; ")}; nothing was written`,
        );
      }
      const cost = athenaCostUsd(result.bytesScanned);
      summary.periods.push({
        billingPeriod: query.periods[0] as Month,
        groups: result.rows.length,
        bytesScanned: result.bytesScanned,
        costUsd: cost,
      });
      summary.bytesScanned += result.bytesScanned;
      summary.costUsd += cost;
    }
    // Every answer read whole: now write, as a FOCUS import would.
    summary.costLinesWritten = await writeAggregate(deps, aggregate, deps.now().toISOString());
    for (const p of periods) await dropAthenaCache(deps.store, p);
    if (args.forecast) await storeAthenaForecast(deps.store, runId, toDay(deps.now()), deps.now().toISOString());
    await finishRun(deps.store, runId, {
      finishedAt: deps.now().toISOString(),
      status: "succeeded",
      rowsWritten: summary.costLinesWritten,
      ...(await queryBill(deps.store, runId)),
    });
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const errorKind = athenaFailureKind(error) || "other";
    await finishRun(deps.store, runId, {
      finishedAt: deps.now().toISOString(),
      status: "failed",
      error: message,
      errorKind,
    });
    return { ...summary, status: "failed", error: message, errorKind, costLinesWritten: 0 };
  }
}
