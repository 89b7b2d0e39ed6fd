/**
 * Gathers what the alert rules read: budget statuses, daily series per service and pipeline
 * around the examined days, services' first days, planned activities, the last successful
 * collection and this month's Cost Explorer requests. Everything else is pure (src/analysis/alert-rules).
 */
import { and, eq, gte, like, lt, min, sql } from "drizzle-orm";
import { BASELINE_DAYS, type CostSeries } from "../../analysis/alert-rules/anomaly";
import type { AlertInputs } from "../../analysis/alert-rules/index";
import { addDays, addMonths, firstDayOfMonth, monthOf, toDay } from "../../days";
import type { Currency, Day, Month } from "../../model";
import { apiUsageSince } from "../api-requests";
import { listBudgets } from "../budgets";
import { knownIncidents } from "../incidents";
import { listPlannedActivities } from "../planned-activities";
import { sourceRunSummaries } from "../runs";
import { collectionRuns, costLines } from "../schema/index";
import { countedLine } from "../source-precedence";
import { readDb, type Store } from "../store";
import { dailyCostsBy } from "./costs";
import { holdsDemoData } from "./demo-data";
import { costCells } from "./incident-cells";
import { dataDayOf, loadPeriodFacts } from "./period-facts";
import { listRates } from "./rates";

export interface AlertInputOptions {
  now: Date;
  display: Currency;
  ceMaxRequests: number;
  /** How many recent days anomalies and new services are looked for in (today included). */
  lookbackDays: number;
  /** The configured sources the stale-data rule watches (src/jobs/health.ts, configuredSources). */
  sources: readonly string[];
  /**
   * The last day of data the run may see; default: everything stored. A replay of past runs (the
   * demo's story) sets it to the day before each replayed run, so budgets, spikes and new
   * services are judged on the cost known then, not on the month as the database now holds it.
   */
  dataUpTo?: Day;
}

async function seriesBy(store: Store, by: "service" | "pipeline", from: Day, to: Day): Promise<CostSeries[]> {
  const db = readDb(store);
  const column = by === "service" ? costLines.service : costLines.pipeline;
  const [rows, firsts] = await Promise.all([
    dailyCostsBy(db, { from, to }, by),
    db
      .select({ key: column, firstDay: min(costLines.day) })
      .from(costLines)
      .where(countedLine())
      .groupBy(column),
  ]);
  const byKey = new Map<string, Map<Day, number>>();
  for (const r of rows) {
    const costs = byKey.get(r.key) ?? new Map<Day, number>();
    costs.set(r.day, r.costUsd);
    byKey.set(r.key, costs);
  }
  const firstOf = new Map(firsts.map((f) => [f.key, f.firstDay ?? to]));
  return [...byKey].map(([value, costs]) => ({ dimension: by, value, costs, firstDay: firstOf.get(value) ?? from }));
}

async function servicesFirstSeen(store: Store, from: Day, to: Day) {
  const rows = await readDb(store)
    .select({
      service: costLines.service,
      firstDay: min(costLines.day),
      costSinceUsd: sql<number>`sum(case when ${costLines.day} >= ${from} then ${costLines.unblendedCostUsd} else 0 end)`,
    })
    .from(costLines)
    .where(and(lt(costLines.day, to), countedLine()))
    .groupBy(costLines.service);
  return rows.map((r) => ({
    service: r.service,
    firstDay: r.firstDay ?? from,
    costSinceUsd: Number(r.costSinceUsd ?? 0),
  }));
}

async function capRefused(store: Store, monthStartIso: string): Promise<boolean> {
  const rows = await readDb(store)
    .select({ id: collectionRuns.id })
    .from(collectionRuns)
    .where(
      and(
        eq(collectionRuns.source, "cost-explorer"),
        eq(collectionRuns.status, "failed"),
        gte(collectionRuns.startedAt, monthStartIso),
        like(collectionRuns.error, "%request cap%"),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The month's data day, but no later than `upTo` (null when the month has no data by then). */
async function dataDayUpTo(store: Store, month: Month, upTo: Day): Promise<Day | null> {
  const stored = await dataDayOf(store, month);
  if (stored === null || stored <= upTo) return stored;
  return upTo < firstDayOfMonth(month) ? null : upTo;
}

export async function gatherAlertInputs(store: Store, options: AlertInputOptions): Promise<AlertInputs> {
  const db = readDb(store);
  const today = toDay(options.now);
  const month = monthOf(today);
  const from = addDays(today, -(options.lookbackDays - 1));
  // Data after the last day the run may see is left out (a replay of past runs).
  const to =
    options.dataUpTo !== undefined && options.dataUpTo < today ? addDays(options.dataUpTo, 1) : addDays(today, 1);
  // The baselines of the earliest examined day (a week earlier, to find where an episode began):
  // 28 days, and the same day of the three months before with their own 28 days.
  const seriesFrom = addDays(firstDayOfMonth(addMonths(monthOf(addDays(from, -8)), -3)), -BASELINE_DAYS);
  const monthStartIso = `${firstDayOfMonth(month)}T00:00:00.000Z`;
  // The reads below that go to cost_lines keep only counted lines (cost_source_days).
  const [rates, budgets, services, pipelines, firstSeen, history, planned, runs, usage, refused] = await Promise.all([
    listRates(db),
    listBudgets(store),
    seriesBy(store, "service", seriesFrom, to),
    seriesBy(store, "pipeline", seriesFrom, to),
    servicesFirstSeen(store, from, to),
    db.select({ day: min(costLines.day) }).from(costLines),
    listPlannedActivities(store),
    // Every configured source; none on a demo database (no AWS behind it, as /healthz says).
    holdsDemoData(store).then((demo) => (demo ? [] : sourceRunSummaries(store, options.sources))),
    apiUsageSince(store, "cost-explorer", monthStartIso),
    capRefused(store, monthStartIso),
  ]);
  // The cells a spike is attributed to (the examined days, a week before them, their four weeks'
  // baseline), and the incidents on record that a spike seen again continues.
  const cellsFrom = addDays(from, -(7 + BASELINE_DAYS));
  const [cells, known] = await Promise.all([
    costCells(db, { from: cellsFrom, to }),
    knownIncidents(db, addDays(cellsFrom, -1)),
  ]);
  // The budgets page's and the reports' figures: the period facts of the month, as of its data day.
  const dataDay = options.dataUpTo === undefined ? undefined : await dataDayUpTo(store, month, options.dataUpTo);
  const statuses = (
    await loadPeriodFacts(store, { month, display: options.display, ...(dataDay !== undefined ? { dataDay } : {}) })
  ).budgets;
  void budgets;
  return {
    budgets: { today, statuses, display: options.display, rates },
    anomaly: {
      from,
      to,
      series: [...services, ...pipelines],
      cells,
      known,
      planned,
      display: options.display,
      rates,
    },
    newService: {
      from,
      historyFrom: history[0]?.day ?? null,
      services: firstSeen,
      display: options.display,
      rates,
    },
    stale: {
      sources: runs.map((r) => {
        const failed = r.last?.status === "failed" ? r.last : null;
        return {
          source: r.source,
          lastSuccessAt: r.lastSuccessAt,
          firstAttemptAt: r.firstAttemptAt,
          errorKind: failed?.errorKind ?? null,
          error: failed?.error ?? null,
        };
      }),
      now: options.now,
    },
    requestCap: { month, used: usage.units, cap: options.ceMaxRequests, refused },
  };
}
