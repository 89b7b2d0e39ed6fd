/**
 * The scheduled collection: Cost Explorer within the request budget (an extra run of the day
 * is skipped when the month's remaining mornings need the requests), then the alerts, so a
 * fresh figure is checked as soon as it is stored.
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

export interface ScheduledCollectDeps {
  store: Store;
  now: () => Date;
  config: Config;
  costExplorer: () => CostExplorerClient;
  estimate: (lines: CostLine[], utilisation?: UtilisationLookup) => EstimatedLine[];
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
  if (!decision.run) return decision.reason;
  // Lines re-collected keep the measured utilisation CloudWatch gave for their days.
  const utilisation = await loadUtilisationLookup(readDb(deps.store), {
    from: addDays(today, -430),
    to: addDays(today, 1),
  });
  const summary = await collectCostExplorer(
    {
      store: deps.store,
      costExplorer: deps.costExplorer(),
      now: deps.now,
      estimate: (lines) => deps.estimate(lines, utilisation),
    },
    collectArgsFromConfig(deps.config),
  );
  const text = formatCollectSummary(summary).join("; ");
  if (summary.status === "failed") throw new Error(text);
  return text;
}
