/**
 * Runs one Athena query to the end: StartQueryExecution (in the workgroup, results to the output
 * location), GetQueryExecution until SUCCEEDED, FAILED or CANCELLED, then GetQueryResults page
 * by page (the first row of the first page is the header). A query still running after `maxPolls`
 * is stopped (StopQueryExecution), so it does not go on scanning, and billing, unwatched. A failure, a cancellation or a query
 * stopped by the workgroup's per-query limit throws an `AthenaQueryError` that says which, with
 * AWS's reason; nothing is returned partly. Works with the SDK's client from Node and Workers.
 */
import {
  type AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from "@aws-sdk/client-athena";
import { PartitionedQuery, UnpartitionedQueryError } from "./sql";

export interface AthenaSettings {
  workgroup: string;
  /** `s3://bucket/prefix/` for the query results. */
  outputLocation: string;
}

export interface AthenaResult {
  queryExecutionId: string;
  columns: string[];
  /** Cell values as Athena returns them (text), null for NULL. */
  rows: (string | null)[][];
  bytesScanned: number;
}

export type AthenaFailure = "failed" | "cancelled" | "bytes-limit" | "timeout";

export class AthenaQueryError extends Error {
  constructor(
    readonly kind: AthenaFailure,
    message: string,
    readonly queryExecutionId: string | null,
    readonly bytesScanned: number,
  ) {
    super(message);
    this.name = "AthenaQueryError";
  }
}

export interface RunOptions {
  /** Waits between polls (injected: tests do not sleep). */
  sleep: (ms: number) => Promise<void>;
  /** Polls before giving up (the query is then reported, not cancelled). */
  maxPolls?: number;
  /** Called once Athena has accepted the query. */
  onStarted?: (queryExecutionId: string) => void | Promise<void>;
}

/** Words AWS uses when a workgroup's data usage control stops a query. */
const LIMIT_REASON = /bytes scanned limit|data usage|BytesScannedCutoffPerQuery|scan limit/i;

export async function runAthenaQuery(
  client: AthenaClient,
  settings: AthenaSettings,
  query: PartitionedQuery,
  options: RunOptions,
): Promise<AthenaResult> {
  // The type already demands a PartitionedQuery; this refuses a look-alike from untyped code.
  if (!PartitionedQuery.isChecked(query)) {
    throw new UnpartitionedQueryError(
      "refused: Athena queries must be built by partitionedQuery() (no partition filter)",
    );
  }
  const started = await client.send(
    new StartQueryExecutionCommand({
      QueryString: query.text,
      WorkGroup: settings.workgroup,
      ResultConfiguration: { OutputLocation: settings.outputLocation },
    }),
  );
  const id = started.QueryExecutionId;
  if (!id) throw new AthenaQueryError("failed", "Athena accepted the query without an execution id", null, 0);
  await options.onStarted?.(id);
  const maxPolls = options.maxPolls ?? 600;
  let bytesScanned = 0;
  for (let poll = 0; ; poll++) {
    const { QueryExecution: qe } = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    const state = qe?.Status?.State;
    bytesScanned = Number(qe?.Statistics?.DataScannedInBytes ?? 0);
    if (state === "SUCCEEDED") break;
    if (state === "FAILED" || state === "CANCELLED") {
      const reason = qe?.Status?.AthenaError?.ErrorMessage ?? qe?.Status?.StateChangeReason ?? "no reason given";
      const kind: AthenaFailure = LIMIT_REASON.test(reason)
        ? "bytes-limit"
        : state === "FAILED"
          ? "failed"
          : "cancelled";
      const what =
        kind === "bytes-limit"
          ? `stopped by the workgroup's per-query data limit (${settings.workgroup})`
          : kind === "failed"
            ? "failed"
            : "was cancelled";
      throw new AthenaQueryError(kind, `Athena query ${id} ${what}: ${reason}`, id, bytesScanned);
    }
    if (poll + 1 >= maxPolls) {
      await client.send(new StopQueryExecutionCommand({ QueryExecutionId: id })).catch(() => undefined);
      throw new AthenaQueryError(
        "timeout",
        `Athena query ${id} still ${state ?? "unknown"} after ${maxPolls} polls: stopped`,
        id,
        bytesScanned,
      );
    }
    await options.sleep(Math.min(5_000, 200 * 2 ** Math.min(poll, 5)));
  }
  const columns: string[] = [];
  const rows: (string | null)[][] = [];
  let token: string | undefined;
  let first = true;
  do {
    const page = await client.send(
      new GetQueryResultsCommand({ QueryExecutionId: id, MaxResults: 1000, ...(token ? { NextToken: token } : {}) }),
    );
    const data = page.ResultSet?.Rows ?? [];
    if (first) {
      for (const c of page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []) columns.push(c.Name ?? "");
    }
    for (const [i, row] of data.entries()) {
      if (first && i === 0) continue; // the header row
      rows.push((row.Data ?? []).map((d) => (d.VarCharValue === undefined ? null : d.VarCharValue)));
    }
    first = false;
    token = page.NextToken;
  } while (token);
  return { queryExecutionId: id, columns, rows, bytesScanned };
}

/** Rows as objects by column name. */
export function rowObjects(result: AthenaResult): Record<string, string | null>[] {
  return result.rows.map((r) => Object.fromEntries(result.columns.map((c, i) => [c, r[i] ?? null])));
}
