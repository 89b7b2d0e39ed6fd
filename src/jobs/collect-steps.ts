/**
 * The Cost Explorer collection cut into steps that each fit one Worker invocation.
 *
 * Under Node the first run backfills 13 months at once: dozens of Cost Explorer pages and tens of
 * thousands of rows. A Worker invocation has a CPU budget, a subrequest budget and a D1 query
 * budget, so on Workers the first run reads only the previous and the current month (made the
 * collector's normal incremental run by recording the older months as "backfilled"), and each
 * later cron run reads one older month, newest first, until the backfill reaches its start. The
 * progress lives in the `settings` table, so a failed step is simply retried by the next cron.
 * Once the backfill is complete, every run is the collector's ordinary incremental run.
 */
import { eq } from "drizzle-orm";
import { addMonths, firstDayOfMonth, monthOf, toDay } from "../days";
import type { Day } from "../model";
import { settings } from "../store/schema/index";
import { readDb, type Store } from "../store/store";
import { type CollectArgs, type CollectDeps, type CollectSummary, collectCostExplorer } from "./collect";
import { readCollectState, writeCollectState } from "./collect-state";

export const BACKFILL_KEY = "worker.backfill";

/** Months [from, remainingTo) are still to be read; the backfill is complete when they meet. */
export interface BackfillProgress {
  from: Day;
  remainingTo: Day;
}

export type CollectStep =
  | { kind: "first"; summary: CollectSummary; progress: BackfillProgress }
  | { kind: "backfill-month"; summary: CollectSummary; progress: BackfillProgress }
  | { kind: "incremental"; summary: CollectSummary; progress: BackfillProgress | null };

/** The later of two days (ISO day strings compare as text, not numbers). */
const laterDay = (a: Day, b: Day): Day => (a.localeCompare(b) >= 0 ? a : b);

export async function readBackfillProgress(store: Store): Promise<BackfillProgress | null> {
  const rows = await readDb(store).select().from(settings).where(eq(settings.key, BACKFILL_KEY)).limit(1);
  return (rows[0]?.value as BackfillProgress | undefined) ?? null;
}

/** Whether a stepwise backfill has started and still has months to read (or has not started). */
export async function backfillPending(store: Store): Promise<boolean> {
  const progress = await readBackfillProgress(store);
  return progress === null || progress.remainingTo > progress.from;
}

async function writeBackfillProgress(store: Store, progress: BackfillProgress, updatedAt: string): Promise<void> {
  await readDb(store)
    .insert(settings)
    .values({ key: BACKFILL_KEY, value: progress, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value: progress, updatedAt } });
}

/** Runs the one step of collection this invocation should do. */
export async function collectStep(deps: CollectDeps, args: CollectArgs): Promise<CollectStep> {
  const today = toDay(deps.now());
  const thisMonth = monthOf(today);
  const state = await readCollectState(deps.store);
  const progress = await readBackfillProgress(deps.store);

  if (progress === null && state.backfilledFrom === null) {
    // First run: the previous and current month through the collector's incremental path.
    const from = firstDayOfMonth(addMonths(thisMonth, -args.backfillMonths));
    const recentFrom = firstDayOfMonth(addMonths(thisMonth, -1));
    const first: BackfillProgress = { from, remainingTo: laterDay(recentFrom, from) };
    const at = deps.now().toISOString();
    await writeBackfillProgress(deps.store, first, at);
    await writeCollectState(
      deps.store,
      { backfilledFrom: from, collectedTo: first.remainingTo, finalThrough: null },
      at,
    );
    return { kind: "first", summary: await collectCostExplorer(deps, args), progress: first };
  }

  if (progress !== null && progress.remainingTo > progress.from) {
    // One older month, newest first; the collector treats it as an explicit window.
    const monthFrom = firstDayOfMonth(addMonths(monthOf(progress.remainingTo), -1));
    const chunkFrom = laterDay(monthFrom, progress.from);
    const summary = await collectCostExplorer(deps, { ...args, from: chunkFrom, to: progress.remainingTo });
    const next = summary.status === "succeeded" ? { ...progress, remainingTo: chunkFrom } : progress;
    if (next !== progress) await writeBackfillProgress(deps.store, next, deps.now().toISOString());
    return { kind: "backfill-month", summary, progress: next };
  }

  return { kind: "incremental", summary: await collectCostExplorer(deps, args), progress };
}

/** One line for the Worker's log. */
export function describeStep(step: CollectStep): string {
  const s = step.summary;
  const what =
    step.kind === "backfill-month"
      ? `backfill ${s.window.from}..${s.window.to}`
      : `${step.kind === "first" ? "first run, " : ""}${s.window.kind} ${s.window.from}..${s.window.to}`;
  const left =
    step.progress && step.progress.remainingTo > step.progress.from
      ? `; backfill left: ${step.progress.from}..${step.progress.remainingTo}`
      : "";
  return s.status === "succeeded"
    ? `${what}: ${s.rowsWritten} rows, ${s.requests} requests ($${s.requestCostUsd.toFixed(2)})${left}`
    : `${what}: failed: ${s.error}${left}`;
}
