/**
 * What the data health page shows: freshness, this month's API bill, what each source (collected
 * or imported) holds, other providers' totals counted apart by FOCUS imports, recent runs and
 * failures.
 */
import { type Freshness, freshnessOf } from "../../src/analysis/freshness";
import type { Health } from "../../src/analysis/source-health";
import { addDays, firstDayOfMonth, monthOf, toDay } from "../../src/days";
import { loadHealth } from "../../src/jobs/health";
import { type ApiUsage, apiUsageSince } from "../../src/store/api-requests";
import { otherProviderTotals } from "../../src/store/imports";
import { latestCostDay } from "../../src/store/read/costs";
import { type SourceComparison, sourceComparisons } from "../../src/store/read/reconciliation";
import { sourceCostsByMonth } from "../../src/store/read/source-months";
import { costsBySource, type SourceSummary } from "../../src/store/read/sources";
import { type CollectionRun, lastSuccessfulRun, recentRuns } from "../../src/store/runs";
import { readDb } from "../../src/store/store";
import type { WebDeps } from "../deps";
import { type AthenaUsage, loadAthenaUsage } from "./runs-athena";
import { loadRunsMoney, type RunsMoney } from "./runs-money";

export interface RunsData {
  freshness: Freshness;
  /** Every configured source's verdict (src/analysis/source-health.ts), as /healthz gives it. */
  health: Health;
  lastDay: string | null;
  costExplorer: ApiUsage;
  /** Per source: lines, cost and days covered, all time. */
  sources: SourceSummary[];
  /** Other providers' rows in FOCUS exports: never part of the AWS figures. */
  otherProviders: Awaited<ReturnType<typeof otherProviderTotals>>;
  runs: CollectionRun[];
  failuresLast30Days: number;
  /** Each account and month two sources cover: both totals and their difference. */
  comparisons: SourceComparison[];
  /** The page's amounts in the display currency (./runs-money.ts). */
  money: RunsMoney;
  /** This month's Athena queries (issue 19), null when Athena is neither configured nor used. */
  athena: AthenaUsage | null;
}

const RUNS_SHOWN = 30;

export async function loadRuns(deps: WebDeps): Promise<RunsData> {
  const now = deps.now();
  const monthStart = `${firstDayOfMonth(monthOf(toDay(now)))}T00:00:00.000Z`;
  const since30 = `${addDays(toDay(now), -30)}T00:00:00.000Z`;
  const [last, lastDay, costExplorer, runs, sources, otherProviders] = await Promise.all([
    lastSuccessfulRun(deps.store),
    latestCostDay(readDb(deps.store)),
    apiUsageSince(deps.store, "cost-explorer", monthStart),
    recentRuns(deps.store, RUNS_SHOWN),
    costsBySource(readDb(deps.store)),
    otherProviderTotals(deps.store),
  ]);
  const comparisons = await sourceComparisons(readDb(deps.store));
  const health = await loadHealth(deps.store, deps.config, now);
  const money = await loadRunsMoney(deps, {
    currentMonth: monthOf(toDay(now)),
    sourceMonths: await sourceCostsByMonth(readDb(deps.store)),
    comparisons,
    runs,
  });
  return {
    health,
    freshness: freshnessOf(last?.finishedAt ?? null, now),
    lastDay,
    costExplorer,
    sources,
    otherProviders,
    runs,
    comparisons,
    money,
    athena: await loadAthenaUsage(deps),
    failuresLast30Days: runs.filter((r) => r.status === "failed" && r.startedAt >= since30).length,
  };
}
