/**
 * What the data health page shows: freshness, this month's API bill, what each source (collected
 * or imported) holds, other providers' totals counted apart by FOCUS imports, recent runs and
 * failures.
 */
import { type Freshness, freshnessOf } from "../../src/analysis/freshness";
import { addDays, firstDayOfMonth, monthOf, toDay } from "../../src/days";
import { monthSpending } from "../../src/jobs/athena-session";
import { type ApiUsage, apiUsageSince } from "../../src/store/api-requests";
import { otherProviderTotals } from "../../src/store/imports";
import { latestCostDay } from "../../src/store/read/costs";
import { costsBySource, type SourceSummary } from "../../src/store/read/sources";
import { type CollectionRun, lastSuccessfulRun, recentRuns } from "../../src/store/runs";
import { readDb } from "../../src/store/store";
import type { WebDeps } from "../deps";
import type { AthenaUsage } from "./runs-athena";

export interface RunsData {
  freshness: Freshness;
  lastDay: string | null;
  costExplorer: ApiUsage;
  /** Per source: lines, cost and days covered, all time. */
  sources: SourceSummary[];
  /** Other providers' rows in FOCUS exports: never part of the AWS figures. */
  otherProviders: Awaited<ReturnType<typeof otherProviderTotals>>;
  runs: CollectionRun[];
  failuresLast30Days: number;
  /** Athena's bill this month, when Athena is configured or was queried. */
  athena?: AthenaUsage | null;
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
  const athena = await monthSpending(deps.store, now);
  return {
    athena:
      athena.queries > 0 || deps.config.CAIRN_ATHENA_TABLE
        ? { ...athena, capUsd: deps.config.CAIRN_ATHENA_MAX_USD }
        : null,
    freshness: freshnessOf(last?.finishedAt ?? null, now),
    lastDay,
    costExplorer,
    sources,
    otherProviders,
    runs,
    failuresLast30Days: runs.filter((r) => r.status === "failed" && r.startedAt >= since30).length,
  };
}
