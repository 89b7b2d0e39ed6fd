/**
 * Every Athena query Cairn issues, recorded before it is sent and closed when it ends, with the
 * bytes scanned and their cost: what the monthly cap counts and what the data health page shows
 * beside Cost Explorer's requests. Also the cache of on-demand answers, keyed by query text
 * (which names the table, the periods and every parameter).
 */
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { athenaCache, athenaQueries } from "./schema/index";
import { readDb, type Store } from "./store";

export interface AthenaQueryStart {
  purpose: string;
  billingPeriods: string;
  startedAt: string;
  runId?: number | null;
  estimatedCostUsd: number;
}

export async function recordAthenaStart(store: Store, q: AthenaQueryStart): Promise<number> {
  const rows = await readDb(store)
    .insert(athenaQueries)
    .values({ ...q, state: "RUNNING" })
    .returning({ id: athenaQueries.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("could not record the Athena query");
  return id;
}

export interface AthenaQueryEnd {
  queryExecutionId?: string | null;
  finishedAt: string;
  state: "SUCCEEDED" | "FAILED" | "CANCELLED" | "REFUSED";
  bytesScanned: number;
  costUsd: number;
  error?: string | null;
}

export async function recordAthenaEnd(store: Store, id: number, end: AthenaQueryEnd): Promise<void> {
  await readDb(store).update(athenaQueries).set(end).where(eq(athenaQueries.id, id));
}

export async function setAthenaExecutionId(store: Store, id: number, queryExecutionId: string): Promise<void> {
  await readDb(store).update(athenaQueries).set({ queryExecutionId }).where(eq(athenaQueries.id, id));
}

export interface AthenaSpending {
  costUsd: number;
  bytes: number;
  /** Queries sent to Athena (those the cap refused are not counted). */
  queries: number;
}

/** Queries started in [from, to) (ISO instants): their count, bytes scanned and cost. */
export async function athenaSpending(store: Store, from: string, to: string): Promise<AthenaSpending> {
  const rows = await readDb(store)
    .select({
      cost: sql<number>`coalesce(sum(${athenaQueries.costUsd}), 0)`,
      bytes: sql<number>`coalesce(sum(${athenaQueries.bytesScanned}), 0)`,
      n: sql<number>`count(*)`,
    })
    .from(athenaQueries)
    .where(
      and(
        gte(athenaQueries.startedAt, from),
        lt(athenaQueries.startedAt, to),
        sql`${athenaQueries.state} <> 'REFUSED'`,
      ),
    );
  return { costUsd: Number(rows[0]?.cost ?? 0), bytes: Number(rows[0]?.bytes ?? 0), queries: Number(rows[0]?.n ?? 0) };
}

/**
 * What the queries still running (started since `since`, other than `except`) are expected to
 * cost: counted by the cap, so two queries started together cannot both pass it.
 */
export async function runningEstimateUsd(store: Store, since: string, except: number): Promise<number> {
  const rows = await readDb(store)
    .select({ usd: sql<number>`coalesce(sum(${athenaQueries.estimatedCostUsd}), 0)` })
    .from(athenaQueries)
    .where(
      and(
        eq(athenaQueries.state, "RUNNING"),
        gte(athenaQueries.startedAt, since),
        sql`${athenaQueries.id} <> ${except}`,
      ),
    );
  return Number(rows[0]?.usd ?? 0);
}

/** Bytes the last finished query of the same purpose and periods scanned, or null if none ran. */
export async function lastBytesScanned(store: Store, purpose: string, billingPeriods: string): Promise<number | null> {
  const rows = await readDb(store)
    .select({ bytes: athenaQueries.bytesScanned })
    .from(athenaQueries)
    .where(
      and(
        eq(athenaQueries.purpose, purpose),
        eq(athenaQueries.billingPeriods, billingPeriods),
        eq(athenaQueries.state, "SUCCEEDED"),
      ),
    )
    .orderBy(desc(athenaQueries.id))
    .limit(1);
  return rows[0] ? Number(rows[0].bytes) : null;
}

/** The most any succeeded query scanned per period it read (the estimate for a period never read). */
export async function largestBytesPerPeriod(store: Store): Promise<number | null> {
  const rows = await readDb(store)
    .select({
      most: sql<number | null>`max(${athenaQueries.bytesScanned} * 1.0 /
        (length(${athenaQueries.billingPeriods}) - length(replace(${athenaQueries.billingPeriods}, ',', '')) + 1))`,
    })
    .from(athenaQueries)
    .where(eq(athenaQueries.state, "SUCCEEDED"));
  const most = rows[0]?.most;
  return most === null || most === undefined ? null : Number(most);
}

/** The Athena queries of one collection run, oldest first. */
export async function athenaQueriesOfRun(store: Store, runId: number) {
  return readDb(store).select().from(athenaQueries).where(eq(athenaQueries.runId, runId)).orderBy(athenaQueries.id);
}

export async function recentAthenaQueries(store: Store, limit = 20) {
  return readDb(store).select().from(athenaQueries).orderBy(desc(athenaQueries.id)).limit(limit);
}

export async function readAthenaCache(store: Store, queryText: string): Promise<string | null> {
  const rows = await readDb(store)
    .select({ payload: athenaCache.payload })
    .from(athenaCache)
    .where(eq(athenaCache.queryText, queryText));
  return rows[0]?.payload ?? null;
}

export async function writeAthenaCache(
  store: Store,
  entry: { queryText: string; purpose: string; billingPeriods: string; createdAt: string; payload: string },
): Promise<void> {
  await readDb(store)
    .insert(athenaCache)
    .values(entry)
    .onConflictDoUpdate({
      target: athenaCache.queryText,
      set: { payload: entry.payload, createdAt: entry.createdAt, billingPeriods: entry.billingPeriods },
    });
}

/** Forgets cached answers that read a billing period (after it is collected again: it may have changed). */
export async function dropAthenaCache(store: Store, billingPeriod: string): Promise<void> {
  await readDb(store)
    .delete(athenaCache)
    .where(sql`',' || ${athenaCache.billingPeriods} || ',' LIKE ${`%,${billingPeriod},%`}`);
}

/** The billing periods that succeeded queries of `purpose` have read. */
export async function periodsRead(store: Store, purpose: string): Promise<string[]> {
  const rows = await readDb(store)
    .selectDistinct({ periods: athenaQueries.billingPeriods })
    .from(athenaQueries)
    .where(and(eq(athenaQueries.purpose, purpose), eq(athenaQueries.state, "SUCCEEDED")));
  return [...new Set(rows.flatMap((r) => r.periods.split(",")))];
}
