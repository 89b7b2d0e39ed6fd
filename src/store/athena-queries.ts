/**
 * Every Athena query Cairn issues, recorded before it starts and closed when it ends, with the
 * bytes scanned and their cost: what the monthly cap counts and what the Data health page shows
 * beside Cost Explorer's requests. Also the cache of on-demand answers.
 */
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { athenaCache, athenaQueries } from "./schema/index";
import { readDb, type Store } from "./store";

export interface AthenaQueryStart {
  purpose: string;
  billingPeriods: string;
  startedAt: string;
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
  state: string;
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

/** Cost of the queries started in [from, to) (ISO instants). */
export async function athenaSpentUsd(
  store: Store,
  from: string,
  to: string,
): Promise<{ costUsd: number; bytes: number; queries: number }> {
  const rows = await readDb(store)
    .select({
      cost: sql<number>`coalesce(sum(${athenaQueries.costUsd}), 0)`,
      bytes: sql<number>`coalesce(sum(${athenaQueries.bytesScanned}), 0)`,
      n: sql<number>`count(*)`,
    })
    .from(athenaQueries)
    .where(and(gte(athenaQueries.startedAt, from), lt(athenaQueries.startedAt, to)));
  return { costUsd: Number(rows[0]?.cost ?? 0), bytes: Number(rows[0]?.bytes ?? 0), queries: Number(rows[0]?.n ?? 0) };
}

/** Bytes the last finished query of the same purpose and periods scanned: the next one's estimate. */
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

export async function recentAthenaQueries(store: Store, limit = 20) {
  return readDb(store).select().from(athenaQueries).orderBy(desc(athenaQueries.id)).limit(limit);
}

export async function readAthenaCache(store: Store, key: string): Promise<string | null> {
  const rows = await readDb(store)
    .select({ payload: athenaCache.payload })
    .from(athenaCache)
    .where(eq(athenaCache.key, key));
  return rows[0]?.payload ?? null;
}

export async function writeAthenaCache(
  store: Store,
  entry: { key: string; billingPeriods: string; createdAt: string; payload: string },
): Promise<void> {
  await readDb(store)
    .insert(athenaCache)
    .values(entry)
    .onConflictDoUpdate({
      target: athenaCache.key,
      set: { payload: entry.payload, createdAt: entry.createdAt, billingPeriods: entry.billingPeriods },
    });
}

/** Forgets cached answers that read a billing period (after it is re-collected). */
export async function dropAthenaCache(store: Store, billingPeriod: string): Promise<void> {
  await readDb(store)
    .delete(athenaCache)
    .where(sql`',' || ${athenaCache.billingPeriods} || ',' LIKE ${`%,${billingPeriod},%`}`);
}
