/**
 * Collection on Athena: one aggregate query per billing period to (re)read builds that period's
 * daily cost lines from the FOCUS export in S3, per export (billing account x period), and they
 * are written exactly as a local FOCUS import writes them (same natural keys, each export's
 * contribution replaced, months rebuilt and estimated). Every query runs before anything is
 * written: a refused, failed or cancelled query leaves the store as it was.
 *
 * Periods re-read by default: the current one, and the previous one until its invoice is final
 * (a few days into the month), so a daily run scans one or two partitions, whatever the export's size.
 */

import { rowObjects } from "../../collectors/athena/run";
import { costLinesQuery } from "../../collectors/athena/sql";
import { newAggregate, type PeriodAggregate, periodKey } from "../../collectors/focus/aggregate";
import { addDays, addMonths, firstDayOfMonth, monthOf, toDay } from "../days";
import type { CostLine, Month } from "../model";
import { dropAthenaCache } from "../store/athena-queries";
import type { EstimatedLine } from "../store/cost-lines";
import { finishRun, startRun } from "../store/runs";
import type { Store } from "../store/store";
import { type AthenaDeps, athenaQuery } from "./athena-session";
import { emptySummary, write } from "./import-focus";

export const ATHENA_SOURCE = "athena";
const INVOICE_DAYS = 5;

export interface CollectAthenaDeps {
  store: Store;
  athena: AthenaDeps;
  now: () => Date;
  estimate: (lines: CostLine[]) => EstimatedLine[];
}

export interface CollectAthenaArgs {
  pipelineTag: string;
  /** Billing periods to read; the default window when absent. */
  periods?: Month[];
}

export interface CollectAthenaSummary {
  status: "succeeded" | "failed";
  periods: { billingPeriod: Month; exports: number; lines: number; bytesScanned: number }[];
  costLinesWritten: number;
  bytesScanned: number;
  error: string | null;
}

export function defaultPeriods(now: Date): Month[] {
  const today = toDay(now);
  const current = monthOf(today);
  const previous = addMonths(current, -1);
  return today < addDays(firstDayOfMonth(current), INVOICE_DAYS) ? [previous, current] : [current];
}

const num = (v: string | null | undefined) => (v === null || v === undefined || v === "" ? 0 : Number(v));

export async function collectAthena(deps: CollectAthenaDeps, args: CollectAthenaArgs): Promise<CollectAthenaSummary> {
  const periods = args.periods ?? defaultPeriods(deps.now());
  const summary: CollectAthenaSummary = {
    status: "succeeded",
    periods: [],
    costLinesWritten: 0,
    bytesScanned: 0,
    error: null,
  };
  const runId = await startRun(deps.store, { source: ATHENA_SOURCE, startedAt: deps.now().toISOString() });
  const aggregate = newAggregate();
  try {
    for (const period of periods) {
      const result = await athenaQuery(deps, "cost-lines", costLinesQuery(deps.athena.table, args.pipelineTag, period));
      let lines = 0;
      const exports = new Set<string>();
      for (const r of rowObjects(result)) {
        const billingAccountId = r.billing_account_id ?? "";
        const billingPeriod = r.billing_period ?? period;
        const key = periodKey(billingAccountId, billingPeriod);
        let agg = aggregate.periods.get(key);
        if (!agg) {
          agg = {
            billingAccountId,
            billingPeriod,
            lines: new Map(),
            rows: 0,
            correctionRows: 0,
          } satisfies PeriodAggregate;
          aggregate.periods.set(key, agg);
        }
        exports.add(key);
        const rows = num(r.row_count);
        agg.rows += rows;
        const c = {
          day: r.day ?? "",
          accountId: r.account_id ?? "",
          service: r.service ?? "",
          region: r.region ?? "",
          usageType: r.usage_type ?? "",
          pipeline: r.pipeline ?? "",
          usageUnit: r.usage_unit ?? "",
          unblendedCostUsd: num(r.unblended_cost_usd),
          amortizedCostUsd: num(r.amortized_cost_usd),
          usageAmount: num(r.usage_amount),
          rows,
        };
        agg.lines.set(
          `${c.day}\u0000${c.accountId}\u0000${c.service}\u0000${c.region}\u0000${c.usageType}\u0000${c.pipeline}`,
          c,
        );
        lines += 1;
      }
      summary.periods.push({ billingPeriod: period, exports: exports.size, lines, bytesScanned: result.bytesScanned });
      summary.bytesScanned += result.bytesScanned;
    }
    // Every query answered: now write, as a FOCUS import would.
    const written = emptySummary(`athena:${deps.athena.table}`);
    await write(deps, written, aggregate, deps.now().toISOString());
    for (const period of periods) await dropAthenaCache(deps.store, period);
    summary.costLinesWritten = written.costLinesWritten;
    await finishRun(deps.store, runId, {
      finishedAt: deps.now().toISOString(),
      status: "succeeded",
      rowsWritten: summary.costLinesWritten,
    });
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(deps.store, runId, { finishedAt: deps.now().toISOString(), status: "failed", error: message });
    return { ...summary, status: "failed", error: message, costLinesWritten: 0 };
  }
}
