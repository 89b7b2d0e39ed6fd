/**
 * Wiring for collector tests: a real SQLite store, the fake Cost Explorer, and a client built by
 * the production factory pointed at it as AWS_ENDPOINT_URL_COST_EXPLORER would, with static test
 * credentials and fast retries (the SDK's own ConfiguredRetryStrategy).
 */
import type { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { sql } from "drizzle-orm";
import { createCostExplorerClient } from "../../collectors/cost-explorer/client";
import { type CollectArgs, type CollectSummary, collectCostExplorer } from "../../src/jobs/collect";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { centsOf, type FakeCostExplorer, type FakeRecord, truthTotals } from "./fake-cost-explorer";

export const TEST_CREDENTIALS = { accessKeyId: "AKIDCAIRNTEST", secretAccessKey: "cairn-test-secret" };

export function testClient(endpoint: string, maxAttempts = 3): CostExplorerClient {
  return createCostExplorerClient({
    sdk: {
      endpoint,
      credentials: TEST_CREDENTIALS,
      maxAttempts,
      retryStrategy: new ConfiguredRetryStrategy(maxAttempts, 5),
    },
  });
}

export const DEFAULT_ARGS: CollectArgs = {
  pipelineTag: "pipeline",
  maxRequestsPerMonth: 300,
  backfillMonths: 13,
  trailingDays: 3,
};

export interface Harness {
  opened: OpenedStore;
  client: CostExplorerClient;
  clock: { now: Date };
  run: (args?: Partial<CollectArgs>) => Promise<CollectSummary>;
}

export function harness(fake: FakeCostExplorer, start: string): Harness {
  const opened = openSqliteStore(":memory:");
  const client = testClient(fake.endpoint);
  const clock = { now: new Date(start) };
  return {
    opened,
    client,
    clock,
    run: (args = {}) =>
      collectCostExplorer(
        { store: opened.store, costExplorer: client, now: () => clock.now },
        { ...DEFAULT_ARGS, ...args },
      ),
  };
}

export type Column = "day" | "account_id" | "service" | "pipeline" | "region";

/** Stored totals in cents over [from, to), per column or all. */
export function storedCents(opened: OpenedStore, from: string, to: string, by?: Column): Map<string, [number, number]> {
  const key = by ?? "'all'";
  const rows = opened.sqlite
    .prepare(
      `SELECT ${key} AS k, sum(unblended_cost_usd) AS u, sum(amortized_cost_usd) AS a FROM cost_lines
       WHERE source = 'cost-explorer' AND day >= ? AND day < ? GROUP BY k`,
    )
    .all(from, to) as { k: string; u: number; a: number }[];
  return new Map(rows.map((r) => [r.k, [Math.round(r.u * 100) / 100, Math.round(r.a * 100) / 100]]));
}

const FIELD: Record<Column, (r: FakeRecord) => string> = {
  day: (r) => r.day,
  account_id: (r) => r.accountId,
  service: (r) => r.service,
  pipeline: (r) => r.pipeline,
  region: () => "n/a",
};

/** The server's totals in cents over [from, to), per column or all. */
export function truthCents(
  records: readonly FakeRecord[],
  from: string,
  to: string,
  by?: Column,
): Map<string, [number, number]> {
  const totals = truthTotals(records, from, to, by ? FIELD[by] : undefined);
  return new Map([...totals].map(([k, v]) => [k, [centsOf(v.unblended), centsOf(v.amortized)]]));
}

export function requestRows(
  opened: OpenedStore,
): { run_id: number; operation: string; units: number; cost_usd: number }[] {
  return opened.sqlite
    .prepare("SELECT run_id, operation, units, cost_usd FROM api_requests ORDER BY id")
    .all() as never;
}

export function runRows(opened: OpenedStore): {
  id: number;
  status: string;
  requests: number;
  error: string | null;
  rows_written: number;
  from_day: string;
  to_day: string;
}[] {
  return opened.sqlite.prepare("SELECT * FROM collection_runs ORDER BY id").all() as never;
}

export function lineCount(opened: OpenedStore): number {
  return (opened.sqlite.prepare("SELECT count(*) AS n FROM cost_lines").get() as { n: number }).n;
}

export { sql };
