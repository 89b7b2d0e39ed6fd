/**
 * The scheduled jobs bound to real dependencies: what `cairn serve`'s scheduler and the
 * Workers `scheduled` handler both run for each entry of the job table. Each root builds the
 * adapters its runtime has (database, AWS clients, mail, renderers, clock) and hands them in;
 * the jobs and the wiring of one step to the next live here once, for both runtimes.
 */
import type { AthenaClient } from "@aws-sdk/client-athena";
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import type { OrganizationsClient } from "@aws-sdk/client-organizations";
import type { CloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import type { MailTransport } from "../../reports/mail/transport";
import type { WebhookTransport } from "../../reports/mail/webhook";
import type { ReportRenderers } from "../../reports/render/renderers";
import { estimateLines, type UtilisationLookup } from "../carbon/estimate";
import type { Config } from "../config";
import type { CostLine } from "../model";
import type { EstimatedLine } from "../store/cost-lines";
import { finishRun, startRun } from "../store/runs";
import type { Store } from "../store/store";
import { alertsArgsFromConfig, describeAlertsSummary, runAlerts } from "./alerts";
import { collectCloudWatch, formatCloudWatchSummary } from "./collect-cloudwatch";
import { collectOrganizationNames, formatOrganizationsSummary } from "./collect-organizations";
import { CollectionBusyError, type ProcessProbe, withCollectionLock } from "./collection-lock";
import { reportJobHandlers } from "./report";
import { athenaConfigured, scheduledAthenaCollect } from "./scheduled-athena";
import { scheduledCostExplorerCollect } from "./scheduled-collect";
import type { JobHandlers } from "./scheduler";

/** What differs between runtimes beyond the adapters themselves. */
export interface JobRuntime {
  name: "node" | "workers";
  /** Backfill one month per collection run: a Worker invocation has a small CPU budget. */
  stepwiseBackfill: boolean;
}

/** The estimator both roots use: the configured factor set, with measured utilisation when given. */
export function configuredEstimate(config: Config): JobDeps["estimate"] {
  return (lines, utilisation) =>
    estimateLines(
      lines,
      utilisation ? { factorSet: config.CAIRN_FACTOR_SET, utilisation } : { factorSet: config.CAIRN_FACTOR_SET },
    );
}

export const NODE_RUNTIME: JobRuntime = { name: "node", stepwiseBackfill: false };
export const WORKERS_RUNTIME: JobRuntime = { name: "workers", stepwiseBackfill: true };

export interface JobDeps {
  runtime: JobRuntime;
  store: Store;
  now: () => Date;
  config: Config;
  estimate: (lines: CostLine[], utilisation?: UtilisationLookup) => EstimatedLine[];
  costExplorer: () => CostExplorerClient;
  cloudWatch: CloudWatchClientFactory;
  mail: () => MailTransport | null;
  webhook: () => WebhookTransport | null;
  /** Chart and PDF drawing for the report jobs (Node: canvas + pdfkit; Workers: none, said in the report). */
  renderers: ReportRenderers;
  /** Node: lets a collection take over the lock of one killed on this host (src/cli/this-process.ts). */
  processes?: ProcessProbe;
  /** Imports CAIRN_FOCUS_EXPORT's new files (./scheduled-focus-import.ts); Node only, absent on Workers. */
  focusImport?: () => Promise<string>;
  /** The Athena client (collectors/athena/client.ts), for collection on Athena when configured. */
  athena?: () => AthenaClient;
  /** The AWS Organizations client, for account names when CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS=1. */
  organizations?: () => OrganizationsClient;
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
  const label = deps.runtime.name === "workers" ? "the Worker's cron" : "cairn serve";
  return withCollectionLock(deps, label, async () => {
    let failure: Error | null = null;
    try {
      parts.push(
        `cost explorer: ${await scheduledCostExplorerCollect({ ...deps, stepwiseBackfill: deps.runtime.stepwiseBackfill })}`,
      );
    } catch (error) {
      failure = error as Error;
      parts.push(`cost explorer failed: ${failure.message}`);
    }
    // Account names: a refusal is recorded and said, never a failure of the collection.
    if (deps.config.CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS) {
      const organizations =
        deps.organizations ??
        (() => {
          throw new Error(`no AWS Organizations client on ${deps.runtime.name}`);
        });
      try {
        const summary = await collectOrganizationNames({ store: deps.store, organizations, now: deps.now });
        parts.push(formatOrganizationsSummary(summary));
      } catch (error) {
        parts.push(`AWS Organizations: account names not read: ${(error as Error).message}`);
      }
    }
    try {
      const summary = await collectCloudWatch(
        { store: deps.store, cloudWatch: deps.cloudWatch, now: deps.now, estimate: deps.estimate },
        { regions: deps.config.CAIRN_CLOUDWATCH_REGIONS },
      );
      const said = formatCloudWatchSummary(summary)[0] ?? summary.status;
      parts.push(`cloudwatch: ${said}${summary.error ? ` (${summary.error})` : ""}`);
      if (summary.status === "failed") failure ??= new Error(summary.error ?? "CloudWatch collection failed");
    } catch (error) {
      failure ??= error as Error;
      parts.push(`cloudwatch failed: ${(error as Error).message}`);
    }
    if (deps.config.CAIRN_FOCUS_EXPORT) {
      try {
        parts.push(`focus: ${await (deps.focusImport ?? focusImportUnavailable(deps))()}`);
      } catch (error) {
        failure ??= error as Error;
        parts.push(`focus failed: ${(error as Error).message}`);
      }
    }
    if (athenaConfigured(deps.config)) {
      try {
        if (!deps.athena) throw new Error(`no Athena client on ${deps.runtime.name}`);
        parts.push(`athena: ${await scheduledAthenaCollect({ ...deps, athena: deps.athena })}`);
      } catch (error) {
        failure ??= error as Error;
        parts.push(`athena failed: ${(error as Error).message}`);
      }
    }
    return failure;
  });
}

/** A runtime that cannot read FOCUS files: a failed run that says so, so health tells the truth. */
function focusImportUnavailable(deps: JobDeps): () => Promise<string> {
  return async () => {
    const at = deps.now().toISOString();
    const error = `CAIRN_FOCUS_EXPORT is set but ${deps.runtime.name === "workers" ? "a Worker" : "this runtime"} cannot import FOCUS files: import them under Node (cairn serve, or cairn import)`;
    const id = await startRun(deps.store, { source: "focus", startedAt: at });
    await finishRun(deps.store, id, { finishedAt: at, status: "failed", error, errorKind: "import-refused" });
    throw new Error(error);
  };
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
      let failure: Error | null;
      try {
        failure = await collectSources(deps, parts);
      } catch (error) {
        // Another process collects now: a Worker's cron says so and leaves the alerts to that run;
        // under Node the error reaches the scheduler's log and the dashboard, which says so.
        if (error instanceof CollectionBusyError && deps.runtime.name === "workers")
          return `collection skipped: ${error.message}`;
        throw error;
      }
      // Alerts run even after a failed collection: stale data and the request cap are alerts too.
      parts.push(`alerts: ${await alertsAfterCollection(deps)}`);
      if (failure) throw new Error(parts.join(" | "));
      return parts.join(" | ");
    },
  };
}
