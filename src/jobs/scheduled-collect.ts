/**
 * The scheduled collection: Cost Explorer within the request budget (an extra run of the day
 * is skipped when the month's remaining mornings need the requests), then the alerts, so a
 * fresh figure is checked as soon as it is stored. The same function runs under Node and on
 * Workers; a runtime whose invocations have a small CPU budget asks for the backfill in steps
 * (one month per run, see collect-steps.ts) instead of all at once.
 */
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { scheduledRunDecision } from "../analysis/request-budget";
import type { UtilisationLookup } from "../carbon/estimate";
import type { Config } from "../config";
import { addDays, addMonths, daysBetween, firstDayOfMonth, monthOf, toDay } from "../days";
import type { CostLine } from "../model";
import { apiUsageSince } from "../store/api-requests";
import type { EstimatedLine } from "../store/cost-lines";
import { loadUtilisationLookup } from "../store/read/metrics";
import { lastSuccessfulRun } from "../store/runs";
import { readDb, type Store } from "../store/store";
import { collectCostExplorer, SOURCE } from "./collect";
import { collectArgsFromConfig } from "./collect-config";
import { formatCollectSummary } from "./collect-format";
import { backfillPending, collectStep, describeStep } from "./collect-steps";

export interface ScheduledCollectDeps {
  store: Store;
  now: () => Date;
  config: Config;
  costExplorer: () => CostExplorerClient;
  estimate: (lines: CostLine[], utilisation?: UtilisationLookup) => EstimatedLine[];
  /** Backfill one month per run (Workers' CPU budget) rather than every month at once. */
  stepwiseBackfill: boolean;
}

/** Runs the scheduled Cost Explorer collection; returns a one-line summary, throws on failure. */
export async function scheduledCostExplorerCollect(deps: ScheduledCollectDeps): Promise<string> {
  const now = deps.now();
  const today = toDay(now);
  const month = monthOf(today);
  const [used, last] = await Promise.all([
    apiUsageSince(deps.store, SOURCE, `${firstDayOfMonth(month)}T00:00:00.000Z`),
    lastSuccessfulRun(deps.store, SOURCE),
  ]);
  const decision = scheduledRunDecision({
    usedThisMonth: used.units,
    cap: deps.config.CAIRN_CE_MAX_REQUESTS,
    ranToday: last?.finishedAt?.slice(0, 10) === today,
    daysLeftAfterToday: daysBetween(addDays(today, 1), firstDayOfMonth(addMonths(month, 1))),
    requestsPerRun: last && last.requests > 0 ? last.requests : null,
  });
  // A pending stepwise backfill is not an extra refresh of the day: each step reads months not
  // yet held, and the cap itself still guards every request.
  if (!decision.run && !(deps.stepwiseBackfill && (await backfillPending(deps.store)))) return decision.reason;
  // Lines re-collected keep the measured utilisation CloudWatch gave for their days.
  const utilisation = await loadUtilisationLookup(readDb(deps.store), {
    from: addDays(today, -430),
    to: addDays(today, 1),
  });
  const collectDeps = {
    store: deps.store,
    costExplorer: deps.costExplorer(),
    now: deps.now,
    estimate: (lines: CostLine[]) => deps.estimate(lines, utilisation),
  };
  const args = collectArgsFromConfig(deps.config);
  if (deps.stepwiseBackfill) {
    const step = await collectStep(collectDeps, args);
    const text = describeStep(step);
    if (step.summary.status === "failed") throw new Error(text);
    return text;
  }
  const summary = await collectCostExplorer(collectDeps, args);
  const text = formatCollectSummary(summary).join("; ");
  if (summary.status === "failed") throw new Error(text);
  return text;
}
