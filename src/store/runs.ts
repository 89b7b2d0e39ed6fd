/** Collection runs: started, then finished as succeeded or failed, never left ambiguous. */
import { and, desc, eq, min, ne } from "drizzle-orm";
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

export async function startRun(store: Store, run: RunStart): Promise<number> {
  const rows = await readDb(store)
    .insert(collectionRuns)
    .values({ ...run, status: "running" })
    .returning({ id: collectionRuns.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("could not record the collection run");
  return id;
}

export async function finishRun(store: Store, id: number, end: RunEnd): Promise<void> {
  await readDb(store).update(collectionRuns).set(end).where(eq(collectionRuns.id, id));
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

/** The newest successful run, of one source or of any. */
export async function lastSuccessfulRun(store: Store, source?: string): Promise<CollectionRun | null> {
  const rows = await readDb(store)
    .select()
    .from(collectionRuns)
    .where(and(eq(collectionRuns.status, "succeeded"), source ? eq(collectionRuns.source, source) : undefined))
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
