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
