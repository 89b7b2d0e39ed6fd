/**
 * Athena queries with their bookkeeping: each is recorded before it starts, refused when the
 * month's Athena spending plus what it would cost would pass `CAIRN_ATHENA_MAX_USD`, and closed
 * with its bytes scanned and cost, or its failure. What it would cost is estimated from the last
 * query of the same purpose over the same periods (Athena does not say before running), and is
 * never less than the 10 MB minimum charge.
 */
import type { AthenaClient } from "@aws-sdk/client-athena";
import { athenaCostUsd } from "../../collectors/athena/cost";
import { AthenaQueryError, type AthenaResult, type AthenaSettings, runAthenaQuery } from "../../collectors/athena/run";
import type { AthenaSql } from "../../collectors/athena/sql";
import { addMonths, firstDayOfMonth, monthOf, toDay } from "../days";
import {
  athenaSpentUsd,
  lastBytesScanned,
  recordAthenaEnd,
  recordAthenaStart,
  setAthenaExecutionId,
} from "../store/athena-queries";
import type { Store } from "../store/store";

export interface AthenaDeps {
  client: AthenaClient;
  settings: AthenaSettings;
  /** `CAIRN_ATHENA_TABLE`: the Glue database.table of the FOCUS export. */
  table: string;
  /** `CAIRN_ATHENA_MAX_USD`: Athena spending allowed per calendar month (UTC). */
  maxUsdPerMonth: number;
  sleep: (ms: number) => Promise<void>;
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
}

export async function monthSpending(store: Store, now: Date) {
  const month = monthOf(toDay(now));
  return athenaSpentUsd(
    store,
    `${firstDayOfMonth(month)}T00:00:00.000Z`,
    `${firstDayOfMonth(addMonths(month, 1))}T00:00:00.000Z`,
  );
}

export async function athenaQuery(deps: SessionDeps, purpose: string, query: AthenaSql): Promise<AthenaResult> {
  const periods = query.periods.join(",");
  const spent = await monthSpending(deps.store, deps.now());
  const expected = athenaCostUsd((await lastBytesScanned(deps.store, purpose, periods)) ?? 0);
  const startedAt = deps.now().toISOString();
  const id = await recordAthenaStart(deps.store, { purpose, billingPeriods: periods, startedAt });
  if (spent.costUsd + expected > deps.athena.maxUsdPerMonth) {
    const message =
      `Athena query for ${periods} not run: this month's Athena spending ($${spent.costUsd.toFixed(6)}) plus this query's ` +
      `expected cost ($${expected.toFixed(6)}) would pass CAIRN_ATHENA_MAX_USD ($${deps.athena.maxUsdPerMonth})`;
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
    const state = error instanceof AthenaQueryError ? (error.kind === "failed" ? "FAILED" : "CANCELLED") : "FAILED";
    await recordAthenaEnd(deps.store, id, {
      finishedAt: deps.now().toISOString(),
      state,
      bytesScanned: bytes,
      // A failed or cancelled query is billed for what it scanned before it stopped.
      costUsd: bytes > 0 ? athenaCostUsd(bytes) : 0,
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}
