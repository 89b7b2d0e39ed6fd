/**
 * Collection on Athena as the job table runs it (src/jobs/handlers.ts, both runtimes) and as
 * `cairn collect --source athena` runs it: the Athena settings taken from the configuration, the
 * job run, and its summary said in one line per period plus the month's spending against the cap.
 */
import type { AthenaClients } from "../../collectors/athena/client";
import type { Config } from "../config";
import type { CostLine } from "../model";
import type { EstimatedLine } from "../store/cost-lines";
import type { Store } from "../store/store";
import { type AthenaDeps, monthSpending } from "./athena-session";
import { type CollectAthenaSummary, collectAthena } from "./collect-athena";

/** Whether collection runs on Athena (CAIRN_ATHENA_TABLE and CAIRN_ATHENA_OUTPUT set; config checks both). */
export function athenaConfigured(config: Config): boolean {
  return config.CAIRN_ATHENA_TABLE !== undefined && config.CAIRN_ATHENA_OUTPUT !== undefined;
}

/**
 * Whether Cost Explorer's scheduled cost collection runs: not when Athena collects the costs from
 * the FOCUS export (the same data, paid twice: $0.01 per Cost Explorer request beside the Athena
 * scan), unless CAIRN_CE_WITH_ATHENA=1 asks for both. `cairn collect --source cost-explorer` still
 * runs it when asked by name.
 */
export function costExplorerCollects(config: Config): boolean {
  return !athenaConfigured(config) || config.CAIRN_CE_WITH_ATHENA;
}

/** Said where collection is reported (scheduler log, `cairn collect`, data health). */
export const COST_EXPLORER_OFF =
  "off: Athena collects the costs from the FOCUS export (CAIRN_ATHENA_TABLE); set CAIRN_CE_WITH_ATHENA=1 to run Cost Explorer too";

/** Polls every 2 s at most, for up to about an hour, before a query is stopped. */
const MAX_POLLS = 1_800;

export function athenaDepsFromConfig(config: Config, clients: AthenaClients): AthenaDeps {
  if (!config.CAIRN_ATHENA_TABLE || !config.CAIRN_ATHENA_OUTPUT) {
    throw new Error("Athena is not configured: set CAIRN_ATHENA_TABLE and CAIRN_ATHENA_OUTPUT");
  }
  return {
    client: clients.athena,
    glue: clients.glue,
    settings: { workgroup: config.CAIRN_ATHENA_WORKGROUP, outputLocation: config.CAIRN_ATHENA_OUTPUT },
    table: config.CAIRN_ATHENA_TABLE,
    maxUsdPerMonth: config.CAIRN_ATHENA_MAX_USD,
    sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 2_000))),
    maxPolls: MAX_POLLS,
  };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The summary in lines, for the command line and the scheduler's log. */
export function formatAthenaSummary(
  summary: CollectAthenaSummary,
  spent: { queries: number; bytes: number; costUsd: number },
  capUsd: number,
): string[] {
  const lines = summary.periods.map(
    (p) =>
      `Athena ${p.billingPeriod}: ${p.groups} groups read, ${mb(p.bytesScanned)} scanned ($${p.costUsd.toFixed(6)})`,
  );
  if (summary.status === "succeeded") lines.push(`Athena: ${summary.costLinesWritten} cost lines written`);
  else lines.push(`Athena failed, nothing written: ${summary.error}`);
  lines.push(
    `Athena this month: ${spent.queries} queries, ${mb(spent.bytes)} scanned, $${spent.costUsd.toFixed(6)} of CAIRN_ATHENA_MAX_USD $${capUsd.toFixed(2)}`,
  );
  return lines;
}

export interface ScheduledAthenaDeps {
  store: Store;
  now: () => Date;
  config: Config;
  estimate: (lines: CostLine[]) => EstimatedLine[];
  athena: () => AthenaClients;
}

/** Runs the collection; returns its summary and the lines that say it. */
export async function runAthenaCollection(
  deps: ScheduledAthenaDeps,
): Promise<{ summary: CollectAthenaSummary; lines: string[] }> {
  const athena = athenaDepsFromConfig(deps.config, deps.athena());
  const summary = await collectAthena(
    { store: deps.store, athena, now: deps.now, estimate: deps.estimate },
    {
      pipelineTag: deps.config.CAIRN_PIPELINE_TAG,
      backfillMonths: deps.config.CAIRN_BACKFILL_MONTHS,
      maxErrors: deps.config.CAIRN_IMPORT_MAX_ERRORS,
      forecast: !costExplorerCollects(deps.config),
    },
  );
  const spent = await monthSpending(deps.store, deps.now());
  return { summary, lines: formatAthenaSummary(summary, spent, athena.maxUsdPerMonth) };
}

/** The job table's step: a one-line summary, or a thrown failure (already recorded as a failed run). */
export async function scheduledAthenaCollect(deps: ScheduledAthenaDeps): Promise<string> {
  const { summary, lines } = await runAthenaCollection(deps);
  if (summary.status === "failed") throw new Error(summary.error ?? "Athena collection failed");
  return lines.join("; ");
}
