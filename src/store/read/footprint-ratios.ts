/**
 * The stored footprint of each counted cost-line key per month, with its usage and cost: what a
 * resource's share of it is computed from when its lines are not kept locally (the Resources
 * views on Athena). The same share as the local resource lines take (src/store/resource-rollup.ts):
 * of the line's usage, or of its cost when the line has no usage.
 */
import { sql } from "drizzle-orm";
import type { Period } from "../../model";
import { countedLine } from "../source-precedence";
import type { CairnDb } from "../store";

export interface KeyFootprint {
  usageAmount: number;
  costUsd: number;
  co2eGrams: number;
}

export const footprintKey = (
  month: string,
  accountId: string,
  service: string,
  region: string,
  usageType: string,
  pipeline: string,
) => [month, accountId, service, region, usageType, pipeline].join("\u0000");

export async function monthlyKeyFootprints(db: CairnDb, p: Period): Promise<Map<string, KeyFootprint>> {
  const rows = await db.all<{
    month: string;
    account_id: string;
    service: string;
    region: string;
    usage_type: string;
    pipeline: string;
    usage: number;
    cost: number;
    co2e: number;
  }>(sql`SELECT substr(cost_lines.day, 1, 7) AS month, cost_lines.account_id, cost_lines.service, cost_lines.region,
      cost_lines.usage_type, cost_lines.pipeline, total(cost_lines.usage_amount) AS usage,
      total(cost_lines.unblended_cost_usd) AS cost, total(f.co2e_grams) AS co2e
    FROM cost_lines LEFT JOIN footprints f ON f.cost_line_id = cost_lines.id
    WHERE cost_lines.day >= ${p.from} AND cost_lines.day < ${p.to} AND ${countedLine()}
    GROUP BY 1, 2, 3, 4, 5, 6`);
  return new Map(
    rows.map((r) => [
      footprintKey(r.month, r.account_id, r.service, r.region, r.usage_type, r.pipeline),
      { usageAmount: Number(r.usage), costUsd: Number(r.cost), co2eGrams: Number(r.co2e) },
    ]),
  );
}

/** A resource's share of its key's footprint. */
export function shareOf(key: KeyFootprint | undefined, usageAmount: number, costUsd: number): number {
  if (!key) return 0;
  if (key.usageAmount > 0) return (key.co2eGrams * usageAmount) / key.usageAmount;
  if (key.costUsd !== 0) return (key.co2eGrams * costUsd) / key.costUsd;
  return 0;
}
