/**
 * Athena queries with their bookkeeping: each is recorded before it is sent, refused when this
 * month's Athena spending plus what it is expected to cost would pass `CAIRN_ATHENA_MAX_USD`, and
 * closed with its bytes scanned and cost, or its failure.
 *
 * What a query will cost is not known before it runs (Athena says only afterwards), so it is
 * estimated from what Cairn has already seen, never below the 10 MB minimum charge:
 * - the last scan of the same purpose over the same periods, plus 10%: a daily run re-reads the
 *   open period, which grows by about a day's rows (1/30) between two runs;
 * - else the largest scan per period seen so far, times the number of periods (a period never
 *   read before is taken as big as the biggest one read);
 * - else nothing is known (the very first query): the 10 MB minimum. The first query can then
 *   cost more than estimated; its real cost is recorded and counts against the cap from then on.
 *   The refusal and the README say so: the cap is a guard from the second query on, and for the
 *   first one only as far as the minimum goes (a workgroup's per-query limit bounds that one).
 * Queries still running (another collection, a page's view) count with their own estimates, so two
 * started together cannot both pass the cap; one left RUNNING by a process that died stops counting
 * after IN_FLIGHT_HOURS (a query is stopped after about an hour of polling).
 * Partition sizes from S3 would be exacter, but Cairn knows the export's table, not its bucket,
 * and listing it would need s3:ListBucket on the export for an estimate only.
 */
import type { AthenaClient } from "@aws-sdk/client-athena";
import type { GlueClient } from "@aws-sdk/client-glue";
import { athenaCostUsd } from "../../collectors/athena/cost";
import { readFocusTable } from "../../collectors/athena/glue";
import { AthenaQueryError, type AthenaResult, type AthenaSettings, runAthenaQuery } from "../../collectors/athena/run";
import type { PartitionedQuery } from "../../collectors/athena/sql";
import { type FocusTable, TableSchemaError } from "../../collectors/athena/table-schema";
import { addMonths, firstDayOfMonth, monthOf, toDay } from "../days";
import {
  type AthenaSpending,
  athenaSpending,
  largestBytesPerPeriod,
  lastBytesScanned,
  recordAthenaEnd,
  recordAthenaStart,
  runningEstimateUsd,
  setAthenaExecutionId,
} from "../store/athena-queries";
import type { Store } from "../store/store";

export interface AthenaDeps {
  client: AthenaClient;
  /** The Glue Data Catalog, for the export table's columns and partition key (glue:GetTable). */
  glue: GlueClient;
  settings: AthenaSettings;
  /** `CAIRN_ATHENA_TABLE`: the Glue database.table of the FOCUS export. */
  table: string;
  /** `CAIRN_ATHENA_MAX_USD`: Athena spending allowed per calendar month (UTC). */
  maxUsdPerMonth: number;
  /** Waits between polls (tests pass one that does not wait). */
  sleep: (ms: number) => Promise<void>;
  /** Polls before a query is stopped (default: about an hour of polling). */
  maxPolls?: number;
}

export class AthenaCapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AthenaCapError";
  }
}

export interface SessionDeps {
  store: Store;
  athena: AthenaDeps;
  now: () => Date;
  /** Glue's answers for this session (one page view, one run), so the table is read once per session. */
  tables?: Map<string, Promise<FocusTable>>;
}

/**
 * The export's table as Glue describes it, checked for what `needs` will query (a TableSchemaError
 * names what is missing before anything is sent to Athena). One GetTable per job or page view
 * (`tables` keeps it for the session): the schema can change between two runs (a FOCUS version
 * upgrade), and Glue's requests are free.
 */
export function focusTable(deps: SessionDeps, needs: "cost-lines" | "resources"): Promise<FocusTable> {
  const known = deps.tables?.get(needs);
  if (known) return known;
  const read = readFocusTable(deps.athena.glue, deps.athena.table, needs);
  deps.tables?.set(needs, read);
  return read;
}

/** The growth allowed for between two reads of the same period (see the module comment). */
export const GROWTH_MARGIN = 1.1;

/** This calendar month's (UTC) Athena queries, bytes and cost. */
export async function monthSpending(store: Store, now: Date): Promise<AthenaSpending> {
  const month = monthOf(toDay(now));
  return athenaSpending(
    store,
    `${firstDayOfMonth(month)}T00:00:00.000Z`,
    `${firstDayOfMonth(addMonths(month, 1))}T00:00:00.000Z`,
  );
}

/** What an estimate rests on (see the module comment). */
export type EstimateBasis = "same-query" | "largest-period" | "minimum";

/** The bytes a query is expected to scan, and on what the figure rests (see the module comment). */
export async function expectation(
  store: Store,
  purpose: string,
  query: PartitionedQuery,
): Promise<{ bytes: number; basis: EstimateBasis }> {
  const last = await lastBytesScanned(store, purpose, query.periods.join(","));
  if (last !== null) return { bytes: Math.ceil(last * GROWTH_MARGIN), basis: "same-query" };
  const perPeriod = await largestBytesPerPeriod(store);
  return perPeriod === null
    ? { bytes: 0, basis: "minimum" }
    : { bytes: Math.ceil(perPeriod * query.periods.length), basis: "largest-period" };
}

/** The bytes a query is expected to scan (see the module comment). */
export async function expectedBytes(store: Store, purpose: string, query: PartitionedQuery): Promise<number> {
  return (await expectation(store, purpose, query)).bytes;
}

/** Hours after which a query still marked RUNNING is taken for one whose process died. */
export const IN_FLIGHT_HOURS = 2;

const BASIS_WORDS: Record<EstimateBasis, string> = {
  "same-query": "the last read of the same periods, plus 10%",
  "largest-period": "each period as large as the largest one read so far",
  minimum:
    "the 10 MB minimum charge: no query has read this export yet, so the real cost may be higher, and counts against the cap from then on",
};

export function athenaFailureKind(error: unknown): string {
  if (error instanceof AthenaCapError) return "athena-cap";
  if (error instanceof TableSchemaError) return "athena-schema";
  if (error instanceof AthenaQueryError) {
    return {
      "bytes-limit": "athena-bytes-limit",
      failed: "athena-failed",
      cancelled: "athena-cancelled",
      timeout: "athena-timeout",
    }[error.kind];
  }
  return "";
}

/** Dollars to the cent, or to the millionth below a cent (a 10 MB query costs $0.000048). */
export const usd = (n: number) => `$${n.toFixed(n !== 0 && Math.abs(n) < 0.01 ? 6 : 4)}`;

/** Runs one query under the cap, recorded (with the collection run it belongs to, if any). */
export async function athenaQuery(
  deps: SessionDeps,
  purpose: string,
  query: PartitionedQuery,
  runId: number | null = null,
): Promise<AthenaResult> {
  const periods = query.periods.join(",");
  const spent = await monthSpending(deps.store, deps.now());
  const guess = await expectation(deps.store, purpose, query);
  const expected = athenaCostUsd(guess.bytes);
  const startedAt = deps.now().toISOString();
  const id = await recordAthenaStart(deps.store, {
    purpose,
    billingPeriods: periods,
    startedAt,
    runId,
    estimatedCostUsd: expected,
  });
  const running = await runningEstimateUsd(
    deps.store,
    new Date(deps.now().getTime() - IN_FLIGHT_HOURS * 3_600_000).toISOString(),
    id,
  );
  const cap = deps.athena.maxUsdPerMonth;
  if (spent.costUsd + running + expected > cap) {
    const message =
      `Athena query for ${periods} not run: this month's Athena spending (${usd(spent.costUsd)})` +
      `${running > 0 ? `, queries still running (${usd(running)} expected)` : ""} plus this query's expected cost ` +
      `(${usd(expected)}, from ${BASIS_WORDS[guess.basis]}) would pass CAIRN_ATHENA_MAX_USD (${usd(cap)})`;
    await recordAthenaEnd(deps.store, id, {
      finishedAt: startedAt,
      state: "REFUSED",
      bytesScanned: 0,
      costUsd: 0,
      error: message,
    });
    throw new AthenaCapError(message);
  }
  try {
    const result = await runAthenaQuery(deps.athena.client, deps.athena.settings, query, {
      sleep: deps.athena.sleep,
      ...(deps.athena.maxPolls ? { maxPolls: deps.athena.maxPolls } : {}),
      onStarted: (qid) => setAthenaExecutionId(deps.store, id, qid),
    });
    await recordAthenaEnd(deps.store, id, {
      queryExecutionId: result.queryExecutionId,
      finishedAt: deps.now().toISOString(),
      state: "SUCCEEDED",
      bytesScanned: result.bytesScanned,
      costUsd: athenaCostUsd(result.bytesScanned),
    });
    return result;
  } catch (error) {
    const bytes = error instanceof AthenaQueryError ? error.bytesScanned : 0;
    await recordAthenaEnd(deps.store, id, {
      finishedAt: deps.now().toISOString(),
      state: error instanceof AthenaQueryError && error.kind !== "failed" ? "CANCELLED" : "FAILED",
      bytesScanned: bytes,
      // A failed or cancelled query is billed for what it scanned before it stopped.
      costUsd: bytes > 0 ? athenaCostUsd(bytes) : 0,
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
