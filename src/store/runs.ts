/**
 * Collection runs: started, then finished as succeeded or failed, never left ambiguous. A run
 * holds a lease its collection renews while it works; a run whose lease ran out was interrupted
 * (the process died) and is closed as failed by the next collection or `cairn serve` start.
 */
import { and, desc, eq, gte, inArray, isNull, lt, min, ne, notInArray, or } from "drizzle-orm";
import { collectionRuns } from "./schema/index";
import { readDb, type Store } from "./store";

export interface RunStart {
  source: string;
  startedAt: string;
  fromDay?: string | null;
  toDay?: string | null;
}

export interface RunEnd {
  finishedAt: string;
  status: "succeeded" | "failed" | "skipped";
  requests?: number;
  requestCostUsd?: number;
  rowsWritten?: number;
  error?: string | null;
  errorKind?: string | null;
}

/** How long a running run counts as alive without a renewal. */
export const RUN_LEASE_MS = 5 * 60_000;

/** The error of a run whose process died before it could finish. */
export const INTERRUPTED_ERROR = "interrupted: the collection stopped before it finished (process ended or killed)";

const leaseFrom = (iso: string) => new Date(new Date(iso).getTime() + RUN_LEASE_MS).toISOString();

export async function startRun(store: Store, run: RunStart): Promise<number> {
  const rows = await readDb(store)
    .insert(collectionRuns)
    .values({ ...run, status: "running", leaseUntil: leaseFrom(run.startedAt) })
    .returning({ id: collectionRuns.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("could not record the collection run");
  return id;
}

export async function finishRun(store: Store, id: number, end: RunEnd): Promise<void> {
  await readDb(store)
    .update(collectionRuns)
    .set({ ...end, leaseUntil: null })
    .where(eq(collectionRuns.id, id));
}

/** Extends the lease of every running run (called by the holder of the collection lock). */
export async function renewRunLeases(store: Store, now: Date): Promise<void> {
  await readDb(store)
    .update(collectionRuns)
    .set({ leaseUntil: leaseFrom(now.toISOString()) })
    .where(eq(collectionRuns.status, "running"));
}

/** Extends the lease of one running run (a long import, which holds no collection lock). */
export async function renewRunLease(store: Store, id: number, now: Date): Promise<void> {
  await readDb(store)
    .update(collectionRuns)
    .set({ leaseUntil: leaseFrom(now.toISOString()) })
    .where(and(eq(collectionRuns.id, id), eq(collectionRuns.status, "running")));
}

/** Closes runs whose lease expired as failed, "interrupted"; returns how many. */
export async function closeAbandonedRuns(store: Store, now: Date): Promise<number> {
  const at = now.toISOString();
  const rows = await readDb(store)
    .update(collectionRuns)
    .set({ status: "failed", finishedAt: at, error: INTERRUPTED_ERROR, errorKind: "interrupted", leaseUntil: null })
    .where(
      and(
        eq(collectionRuns.status, "running"),
        or(
          lt(collectionRuns.leaseUntil, at),
          // Runs from before leases existed: alive at most one lease after their start.
          and(
            isNull(collectionRuns.leaseUntil),
            lt(collectionRuns.startedAt, new Date(now.getTime() - RUN_LEASE_MS).toISOString()),
          ),
        ),
      ),
    )
    .returning({ id: collectionRuns.id });
  return rows.length;
}

/**
 * Closes as failed, "interrupted", the runs of `sources` still running that were started at or
 * after `since`: those of a collection whose process is known to have died (its lock was taken
 * over), without waiting for their leases. Returns how many.
 */
export async function closeRunsOfDeadCollection(
  store: Store,
  run: { sources: readonly string[]; since: string; now: Date },
): Promise<number> {
  const rows = await readDb(store)
    .update(collectionRuns)
    .set({ status: "failed", finishedAt: run.now.toISOString(), error: INTERRUPTED_ERROR, leaseUntil: null })
    .where(
      and(
        eq(collectionRuns.status, "running"),
        inArray(collectionRuns.source, [...run.sources]),
        gte(collectionRuns.startedAt, run.since),
      ),
    )
    .returning({ id: collectionRuns.id });
  return rows.length;
}

/** What a collector's summary says of its run: enough to close the run's record. */
export interface RunOutcome {
  status: "succeeded" | "failed" | "skipped";
  requests: number;
  requestCostUsd: number;
  rowsWritten: number;
  error: string | null;
  errorKind?: string | null;
}

export async function finishRunWith(store: Store, id: number, finishedAt: string, outcome: RunOutcome): Promise<void> {
  const { status, requests, requestCostUsd, rowsWritten, error } = outcome;
  await finishRun(store, id, {
    finishedAt,
    status,
    requests,
    requestCostUsd,
    rowsWritten,
    error,
    errorKind: outcome.errorKind ?? null,
  });
}

export type CollectionRun = typeof collectionRuns.$inferSelect;

/** Runs that read no cost or usage figure (account names): they never make the data fresh. */
const NAMES_ONLY_SOURCES = ["organizations"];

/** The newest successful run, of one source or of any that reads figures. */
export async function lastSuccessfulRun(store: Store, source?: string): Promise<CollectionRun | null> {
  const rows = await readDb(store)
    .select()
    .from(collectionRuns)
    .where(
      and(
        eq(collectionRuns.status, "succeeded"),
        source ? eq(collectionRuns.source, source) : notInArray(collectionRuns.source, NAMES_ONLY_SOURCES),
      ),
    )
    .orderBy(desc(collectionRuns.finishedAt))
    .limit(1);
  return rows[0] ?? null;
}

export async function recentRuns(store: Store, limit: number): Promise<CollectionRun[]> {
  return readDb(store).select().from(collectionRuns).orderBy(desc(collectionRuns.startedAt)).limit(limit);
}

/** Per source: its first attempt, last success and last run (what health is judged on). */
export interface SourceRunSummary {
  source: string;
  firstAttemptAt: string | null;
  lastSuccessAt: string | null;
  last: CollectionRun | null;
}

export async function sourceRunSummaries(store: Store, sources: readonly string[]): Promise<SourceRunSummary[]> {
  const db = readDb(store);
  const out: SourceRunSummary[] = [];
  for (const source of sources) {
    const [first] = await db
      .select({ at: min(collectionRuns.startedAt) })
      .from(collectionRuns)
      .where(eq(collectionRuns.source, source));
    const success = await lastSuccessfulRun(store, source);
    const [last] = await db
      .select()
      .from(collectionRuns)
      .where(and(eq(collectionRuns.source, source), ne(collectionRuns.status, "running")))
      .orderBy(desc(collectionRuns.startedAt), desc(collectionRuns.id))
      .limit(1);
    out.push({
      source,
      firstAttemptAt: first?.at ?? null,
      lastSuccessAt: success?.finishedAt ?? null,
      last: last ?? null,
    });
  }
  return out;
}
