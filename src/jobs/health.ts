/**
 * Gathers what health is judged on: each configured source's runs, whether the database holds
 * the demo, and whether it takes a write (tried inside a transaction that is rolled back).
 */

import { type Health, sourceHealth } from "../analysis/source-health";
import type { Config } from "../config";
import { holdsDemoData } from "../store/read/demo-data";
import { sourceRunSummaries } from "../store/runs";
import type { Store } from "../store/store";
import { athenaConfigured, costExplorerCollects } from "./scheduled-athena";

/** The sources a deployment is expected to collect from. */
export function configuredSources(config: Config): string[] {
  return [
    // Not when Athena collects the costs instead (src/jobs/scheduled-athena.ts): then Athena's runs are watched.
    ...(costExplorerCollects(config) ? ["cost-explorer"] : []),
    ...(config.CAIRN_CLOUDWATCH_REGIONS?.length ? ["cloudwatch"] : []),
    ...(config.CAIRN_FOCUS_EXPORT ? ["focus"] : []),
    ...(athenaConfigured(config) ? ["athena"] : []),
  ];
}

/** Can the database be written? A real write, rolled back: a read-only file or full disk says no. */
export function databaseWritable(store: Store): boolean {
  // D1 is written through Cloudflare's API; its availability is Cloudflare's to report.
  if (store.kind !== "sqlite") return true;
  const client = store.db.$client;
  try {
    client.exec("BEGIN IMMEDIATE");
    client.exec("CREATE TABLE cairn_healthz_probe (x INTEGER)");
    return true;
  } catch {
    return false;
  } finally {
    if (client.inTransaction) client.exec("ROLLBACK");
  }
}

export async function loadHealth(store: Store, config: Config, now: Date): Promise<Health> {
  const configured = configuredSources(config);
  const [runs, demo] = await Promise.all([sourceRunSummaries(store, configured), holdsDemoData(store)]);
  return sourceHealth({
    configured,
    runs: runs.map((r) => ({
      source: r.source,
      firstAttemptAt: r.firstAttemptAt,
      lastSuccessAt: r.lastSuccessAt,
      last: r.last
        ? { status: r.last.status, error: r.last.error, errorKind: r.last.errorKind, finishedAt: r.last.finishedAt }
        : null,
    })),
    now,
    demo,
    writable: databaseWritable(store),
  });
}
