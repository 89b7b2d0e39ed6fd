/**
 * The Cost Explorer collection job: `(deps, args) -> summary`.
 *
 * One run: decide the window (collect-window.ts), ask for the accounts, fetch every page of the
 * two queries per account and the month-end forecast, and only then write: the window's cost
 * lines replace what was stored for those days in one transaction (a restated figure replaces
 * the old one, a vanished line disappears), then the forecast (AWS's, or Cairn's own when AWS has
 * none). Every request (each SDK retry included) is recorded as it is made, and a monthly cap,
 * counted from the store across runs, refuses a request before it would exceed it. Any failure ends the run as failed with a readable reason and writes no cost
 * line; the state is only advanced by a successful run, so the next one re-reads what it must.
 */
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { allocateLines } from "../../collectors/cost-explorer/allocate";
import { CostExplorerError } from "../../collectors/cost-explorer/errors";
import {
  fetchAccounts,
  fetchCostAndUsage,
  fetchForecast,
  type RequestMeter,
} from "../../collectors/cost-explorer/fetch";
import type { QueryResult } from "../../collectors/cost-explorer/parse";
import { costQueries, minimumRequests, type QueryKind } from "../../collectors/cost-explorer/query-plan";
import { addDays, addMonths, firstDayOfMonth, monthOf, toDay } from "../days";
import type { CostLine, Day, Month } from "../model";
import { apiUsageSince, releaseApiRequest, reserveApiRequest } from "../store/api-requests";
import { type EstimatedLine, replaceCostLines } from "../store/cost-lines";
import { latestForecast } from "../store/read/forecast";
import { finishRunWith, startRun } from "../store/runs";
import { readDb, type Store } from "../store/store";
import { storeForecast } from "./collect-forecast";
import { fetchResourceLines, writeResourceLines } from "./collect-resources";
import { readCollectState, writeCollectState } from "./collect-state";
import { type CollectWindow, finalMonths, planWindow } from "./collect-window";

export const SOURCE = "cost-explorer";
/** What AWS charges per Cost Explorer API request (each page is one). */
export const REQUEST_COST_USD = 0.01;

export interface CollectProgress {
  /** 1-based index of the query being read, out of `steps`. */
  step: number;
  steps: number;
  accountId: string;
  kind: QueryKind;
  /** Last day read so far by this query. */
  throughDay: Day | null;
  /** Months of the window read so far by this query, out of `months`. */
  monthsDone: number;
  months: number;
  requests: number;
}

export interface CollectDeps {
  store: Store;
  costExplorer: CostExplorerClient;
  now: () => Date;
  /** The carbon engine; without it lines are stored with no footprint. */
  estimate?: (lines: CostLine[]) => EstimatedLine[] | Promise<EstimatedLine[]>;
  onProgress?: (progress: CollectProgress) => void;
}

export interface CollectArgs {
  pipelineTag: string;
  maxRequestsPerMonth: number;
  backfillMonths: number;
  trailingDays: number;
  from?: Day | undefined;
  to?: Day | undefined;
  /** CAIRN_CE_RESOURCES: also collect resource lines of the window's last 14 days (./collect-resources.ts). */
  resources?: boolean;
}

export interface ForecastSummary {
  source: "aws" | "cairn";
  month: Month;
  monthToDateUsd: number;
  totalUsd: number;
}

export interface CollectSummary {
  source: typeof SOURCE;
  /** `skipped`: no account to read, nothing was done. */
  status: "succeeded" | "failed" | "skipped";
  runId: number;
  window: CollectWindow;
  accounts: string[];
  rowsWritten: number;
  /** Resource lines written (CAIRN_CE_RESOURCES only). */
  resourceLinesWritten?: number;
  requests: number;
  requestCostUsd: number;
  /** This month's Cost Explorer requests so far, this run's included, and the cap. */
  monthRequests: number;
  monthRequestCostUsd: number;
  maxRequestsPerMonth: number;
  /** Months seen final by this run (no Estimated day). */
  finalMonths: Month[];
  forecast: ForecastSummary | null;
  error: string | null;
  errorKind: string | null;
}

const cents = (n: number) => Math.round(n * 100) / 100;

function noFootprint(lines: CostLine[]): EstimatedLine[] {
  return lines.map((line) => ({ line, footprint: null }));
}

/**
 * Counts against the cap from the store at the moment of each request, so every run on the
 * database (another process's included) shares one count: a request is refused before it would
 * take this month's count past the cap, and each attempt (SDK retries included) is recorded as
 * it is made, atomically with the check.
 */
function capMeter(
  deps: CollectDeps,
  runId: number,
  cap: number,
  month: Month,
  counter: { made: number },
): RequestMeter {
  const sinceIso = `${firstDayOfMonth(month)}T00:00:00.000Z`;
  const refuse = (used: number, needed: number, operation: string) =>
    new CostExplorerError(
      "request-cap",
      `Stopped before exceeding the monthly Cost Explorer request cap: ${used} of CAIRN_CE_MAX_REQUESTS=${cap} ` +
        `requests used in ${month}, and this run needs at least ${needed} more (next: ${operation}). ` +
        `Nothing was written. Raise CAIRN_CE_MAX_REQUESTS or wait until ${firstDayOfMonth(addMonths(month, 1))}.`,
      operation,
    );
  return {
    async before(operation, minimumAfter) {
      const used = (await apiUsageSince(deps.store, SOURCE, sinceIso)).units;
      if (used + 1 + minimumAfter > cap) throw refuse(used, 1 + minimumAfter, operation);
    },
    async attempt(operation) {
      const id = await reserveApiRequest(
        deps.store,
        { runId, api: SOURCE, operation, units: 1, costUsd: REQUEST_COST_USD, at: deps.now().toISOString() },
        { sinceIso, cap },
      );
      if (id === null) throw refuse((await apiUsageSince(deps.store, SOURCE, sinceIso)).units, 1, operation);
      counter.made += 1;
      return id;
    },
    async unreached(handle) {
      counter.made -= 1;
      await releaseApiRequest(deps.store, handle);
    },
  };
}

export async function collectCostExplorer(deps: CollectDeps, args: CollectArgs): Promise<CollectSummary> {
  const startedAt = deps.now().toISOString();
  const today = toDay(deps.now());
  const month = monthOf(today);
  const state = await readCollectState(deps.store);
  const window = planWindow({ today, state, ...args });
  // Savings on the second run of a day: the accounts and AWS's forecast (refreshed daily) are
  // asked once per UTC day; a manual --from/--to run asks no forecast at all.
  const cachedAccounts = window.kind === "incremental" && state.accountsDay === today ? (state.accounts ?? null) : null;
  const latest = window.kind === "override" ? null : await latestForecast(readDb(deps.store), month);
  const forecastedToday = latest !== null && latest.asOfDay === today;
  const withForecast = window.kind !== "override" && !forecastedToday;
  const runId = await startRun(deps.store, { source: SOURCE, startedAt, fromDay: window.from, toDay: window.to });
  const monthStart = `${firstDayOfMonth(month)}T00:00:00.000Z`;
  const usedBefore = (await apiUsageSince(deps.store, SOURCE, monthStart)).units;
  const counter = { made: 0 };
  const meter = capMeter(deps, runId, args.maxRequestsPerMonth, month, counter);
  const summary: CollectSummary = {
    source: SOURCE,
    status: "failed",
    runId,
    window,
    accounts: [],
    rowsWritten: 0,
    requests: 0,
    requestCostUsd: 0,
    monthRequests: usedBefore,
    monthRequestCostUsd: 0,
    maxRequestsPerMonth: args.maxRequestsPerMonth,
    finalMonths: [],
    forecast: null,
    error: null,
    errorKind: null,
  };

  try {
    // 1. Fetch everything; nothing is written before the last page is in.
    summary.accounts =
      cachedAccounts ??
      (await fetchAccounts(deps.costExplorer, window, meter, (n) => minimumRequests(n, withForecast)));
    const queries = costQueries(window, summary.accounts, args.pipelineTag);
    const months = monthSpan(window.from, addDays(window.to, -1));
    const results: QueryResult[] = [];
    for (const [i, query] of queries.entries()) {
      const after = queries.length - i - 1 + (withForecast ? 1 : 0);
      const report = (throughDay: Day | null) =>
        deps.onProgress?.({
          step: i + 1,
          steps: queries.length,
          accountId: query.accountId,
          kind: query.kind,
          throughDay,
          monthsDone: throughDay ? monthSpan(window.from, throughDay) : 0,
          months,
          requests: counter.made,
        });
      report(null);
      results.push(await fetchCostAndUsage(deps.costExplorer, query.input, meter, after, (day) => report(day)));
    }
    const awsForecast = withForecast
      ? await fetchForecast(deps.costExplorer, { from: today, to: firstDayOfMonth(addMonths(month, 1)) }, meter)
      : null;

    // 2. Map and estimate (pure), then write the window in one transaction.
    const lines: CostLine[] = [];
    const estimatedByDay = new Map<Day, boolean>();
    queries.forEach((query, i) => {
      const result = results[i];
      if (!result) return;
      for (const [day, est] of result.estimatedByDay)
        estimatedByDay.set(day, (estimatedByDay.get(day) ?? false) || est);
      if (query.kind !== "lines") return;
      const pipelines = results[i + 1];
      lines.push(
        ...allocateLines({
          accountId: query.accountId,
          pipelineTag: args.pipelineTag,
          lines: result.rows,
          pipelines: pipelines?.rows ?? [],
        }),
      );
    });
    // Resource lines (opt-in) are fetched too before anything is written.
    const resources = args.resources ? await fetchResourceLines(deps.costExplorer, meter, window, today, lines) : null;
    const items = await (deps.estimate ?? noFootprint)(lines);
    const collectedAt = deps.now().toISOString();
    summary.rowsWritten = await replaceCostLines(
      deps.store,
      { from: window.from, to: window.to, source: SOURCE },
      items,
      collectedAt,
    );
    if (resources) summary.resourceLinesWritten = await writeResourceLines(deps.store, resources, summary.accounts);

    // 3. The forecast: AWS's, or Cairn's own from the month so far.
    if (window.kind !== "override") {
      // Asked today already: AWS's figure for the rest of the month stands, the month so far moves.
      const reuse =
        forecastedToday && latest?.source === "aws"
          ? { meanUsd: latest.remainingUsd, lowerUsd: latest.remainingLowerUsd, upperUsd: latest.remainingUpperUsd }
          : null;
      summary.forecast = await storeForecast(deps, runId, today, withForecast ? awsForecast : reuse, collectedAt);
    }

    // 4. Advance the state: only a successful run moves it.
    summary.finalMonths = summary.accounts.length > 0 ? finalMonths(window, estimatedByDay) : [];
    const newestFinal = summary.finalMonths[summary.finalMonths.length - 1] ?? null;
    const finalThrough =
      newestFinal !== null && (state.finalThrough === null || newestFinal > state.finalThrough)
        ? newestFinal
        : state.finalThrough;
    await writeCollectState(
      deps.store,
      window.kind === "override"
        ? { ...state, finalThrough }
        : {
            backfilledFrom: state.backfilledFrom ?? window.from,
            collectedTo: window.to,
            finalThrough,
            accounts: summary.accounts,
            accountsDay: cachedAccounts ? (state.accountsDay ?? today) : today,
          },
      collectedAt,
    );
    // No account answered: nothing was read, which is not a success.
    summary.status = summary.accounts.length === 0 ? "skipped" : "succeeded";
  } catch (error) {
    // Fetch errors arrive already described; anything else (the database, the estimator) is named as is.
    const failure = error instanceof CostExplorerError ? error : null;
    summary.error = failure?.message ?? `Collection failed: ${(error as Error)?.message ?? String(error)}`;
    summary.errorKind = failure?.kind ?? "other";
  }

  summary.requests = counter.made;
  summary.requestCostUsd = cents(counter.made * REQUEST_COST_USD);
  // From the store: other runs on the database may have made requests meanwhile.
  summary.monthRequests = (await apiUsageSince(deps.store, SOURCE, monthStart)).units;
  summary.monthRequestCostUsd = cents(summary.monthRequests * REQUEST_COST_USD);
  await finishRunWith(deps.store, runId, deps.now().toISOString(), summary);
  return summary;
}

/** Calendar months touched from `first` to `last`, both inclusive. */
function monthSpan(first: Day, last: Day): number {
  let n = 1;
  for (let m = monthOf(first); m < monthOf(last); m = addMonths(m, 1)) n += 1;
  return n;
}
