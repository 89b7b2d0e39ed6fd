/** Cairn's own bill: every billed API request, and what this month's requests cost so far. */
import { and, eq, gte, sql } from "drizzle-orm";
import { apiRequests } from "./schema/index";
import { readDb, type Store } from "./store";

export type ApiRequest = typeof apiRequests.$inferInsert;

export async function recordApiRequest(store: Store, request: ApiRequest): Promise<void> {
  await readDb(store).insert(apiRequests).values(request);
}

export interface ApiUsage {
  /** Billed units: pages for Cost Explorer. */
  units: number;
  costUsd: number;
}

/** Units and cost of one API's requests made at or after `sinceIso` (an ISO instant). */
export async function apiUsageSince(store: Store, api: string, sinceIso: string): Promise<ApiUsage> {
  const rows = await readDb(store)
    .select({
      units: sql<number>`coalesce(sum(${apiRequests.units}), 0)`,
      costUsd: sql<number>`coalesce(sum(${apiRequests.costUsd}), 0)`,
    })
    .from(apiRequests)
    .where(and(eq(apiRequests.api, api), gte(apiRequests.at, sinceIso)));
  const row = rows[0];
  return { units: Number(row?.units ?? 0), costUsd: Math.round(Number(row?.costUsd ?? 0) * 1e6) / 1e6 };
}

/**
 * Records one request about to be made, only if the API's count since `sinceIso` stays within
 * `cap`: one statement, so two processes counting at once can never both take the last unit.
 * Returns the row's id (to give it back if the request never left), or null when refused.
 */
export async function reserveApiRequest(
  store: Store,
  request: ApiRequest & { units: number },
  limit: { sinceIso: string; cap: number },
): Promise<number | null> {
  const rows = await readDb(store).all<{ id: number }>(sql`
    INSERT INTO api_requests (run_id, api, operation, units, cost_usd, at)
    SELECT ${request.runId ?? null}, ${request.api}, ${request.operation}, ${request.units}, ${request.costUsd}, ${request.at}
    WHERE (SELECT coalesce(sum(units), 0) FROM api_requests WHERE api = ${request.api} AND at >= ${limit.sinceIso})
      + ${request.units} <= ${limit.cap}
    RETURNING id`);
  return rows[0]?.id ?? null;
}

/** Gives back a reservation whose request never reached the service (a network failure). */
export async function releaseApiRequest(store: Store, id: number): Promise<void> {
  await readDb(store).delete(apiRequests).where(eq(apiRequests.id, id));
}
