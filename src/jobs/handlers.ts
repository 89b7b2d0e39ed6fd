/**
 * The scheduled jobs bound to real dependencies: what `cairn serve`'s scheduler and the
 * Workers `scheduled` handler run for each entry of the job table. Each root builds the
 * clients its runtime has and hands them in; the wiring of one job to the next lives here once.
 */
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import type { CloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import type { MailTransport } from "../../reports/mail/transport";
import type { WebhookTransport } from "../../reports/mail/webhook";
import type { ReportRenderers } from "../../reports/render/renderers";
import type { UtilisationLookup } from "../carbon/estimate";
import type { Config } from "../config";
import type { CostLine } from "../model";
import type { EstimatedLine } from "../store/cost-lines";
import type { Store } from "../store/store";
import { alertsArgsFromConfig, describeAlertsSummary, runAlerts } from "./alerts";
import { collectCloudWatch, formatCloudWatchSummary } from "./collect-cloudwatch";
import { withCollectionLock } from "./collection-lock";
import { reportJobHandlers } from "./report";
import { scheduledCostExplorerCollect } from "./scheduled-collect";
import type { JobHandlers } from "./scheduler";

export interface JobDeps {
  store: Store;
  now: () => Date;
  config: Config;
  estimate: (lines: CostLine[], utilisation?: UtilisationLookup) => EstimatedLine[];
  costExplorer: () => CostExplorerClient;
  cloudWatch: CloudWatchClientFactory;
  mail: () => MailTransport | null;
  webhook: () => WebhookTransport | null;
  /** Chart and PDF drawing for the report jobs (src/node.ts: canvas + pdfkit). */
  renderers: ReportRenderers;
}

async function alertsAfterCollection(deps: JobDeps): Promise<string> {
  const summary = await runAlerts(
    { store: deps.store, now: deps.now, mail: deps.mail(), webhook: deps.webhook() },
    alertsArgsFromConfig(deps.config, true),
  );
  return describeAlertsSummary(summary);
}

/** Cost Explorer then CloudWatch, under the collection lock; throws CollectionBusyError when another runs. */
async function collectSources(deps: JobDeps, parts: string[]): Promise<Error | null> {
  return withCollectionLock(deps, "cairn serve", async () => {
    let failure: Error | null = null;
    try {
      parts.push(`cost explorer: ${await scheduledCostExplorerCollect(deps)}`);
    } catch (error) {
      failure = error as Error;
      parts.push(`cost explorer failed: ${failure.message}`);
    }
    try {
      const summary = await collectCloudWatch(
        { store: deps.store, cloudWatch: deps.cloudWatch, now: deps.now, estimate: deps.estimate },
        { regions: deps.config.CAIRN_CLOUDWATCH_REGIONS },
      );
      parts.push(`cloudwatch: ${formatCloudWatchSummary(summary)[0] ?? summary.status}`);
      if (summary.status === "failed") failure ??= new Error(summary.error ?? "CloudWatch collection failed");
    } catch (error) {
      failure ??= error as Error;
      parts.push(`cloudwatch failed: ${(error as Error).message}`);
    }
    return failure;
  });
}

export function buildJobHandlers(deps: JobDeps): JobHandlers {
  return {
    ...reportJobHandlers({
      store: deps.store,
      now: deps.now,
      config: deps.config,
      mail: deps.mail,
      renderers: deps.renderers,
    }),
    collect: async () => {
      const parts: string[] = [];
      // The lock is released before any mail goes out: a slow mail server never holds a collection.
      const failure = await collectSources(deps, parts);
      // Alerts run even after a failed collection: stale data and the request cap are alerts too.
      parts.push(`alerts: ${await alertsAfterCollection(deps)}`);
      if (failure) throw new Error(parts.join(" | "));
      return parts.join(" | ");
    },
  };
}
