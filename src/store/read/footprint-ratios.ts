/**
 * The stored footprint of each counted cost-line key per day, with its usage and cost: what a
 * resource's share of it is computed from when its lines are not kept locally (the Resources
 * views on Athena). The same share, of the same day's line, as the local resource lines take
 * (src/store/resource-rollup.ts): of the line's usage, or of its cost when the line has no usage.
 * Per day, not per month: a key's footprint per unit changes from day to day (CloudWatch's
 * measured utilisation re-estimates single days; a day without usage shares by cost), and a
 * monthly ratio would then give a resource another figure than the local import gives it.
 */
import { sql } from "drizzle-orm";
import type { Period } from "../../model";
import { countedLine } from "../source-precedence";
import type { CairnDb } from "../store";

export interface KeyFootprint {
  usageAmount: number;
  costUsd: number;
  energyKwh: number;
  co2eGrams: number;
  embodiedCo2eGrams: number;
}

export const footprintKey = (
  day: string,
  accountId: string,
  service: string,
  region: string,
  usageType: string,
  pipeline: string,
) => [day, accountId, service, region, usageType, pipeline].join("\u0000");

export async function dailyKeyFootprints(db: CairnDb, p: Period): Promise<Map<string, KeyFootprint>> {
  const rows = await db.all<{
    day: string;
    account_id: string;
    service: string;
    region: string;
    usage_type: string;
    pipeline: string;
    usage: number;
    cost: number;
    energy: number;
    co2e: number;
    embodied: number;
  }>(sql`SELECT cost_lines.day, cost_lines.account_id, cost_lines.service, cost_lines.region,
      cost_lines.usage_type, cost_lines.pipeline, total(cost_lines.usage_amount) AS usage,
      total(cost_lines.unblended_cost_usd) AS cost, total(f.energy_kwh) AS energy, total(f.co2e_grams) AS co2e,
      total(f.embodied_co2e_grams) AS embodied
    FROM cost_lines LEFT JOIN footprints f ON f.cost_line_id = cost_lines.id
    WHERE cost_lines.day >= ${p.from} AND cost_lines.day < ${p.to} AND ${countedLine()}
    GROUP BY 1, 2, 3, 4, 5, 6`);
  return new Map(
    rows.map((r) => [
      footprintKey(r.day, r.account_id, r.service, r.region, r.usage_type, r.pipeline),
      {
        usageAmount: Number(r.usage),
        costUsd: Number(r.cost),
        energyKwh: Number(r.energy),
        co2eGrams: Number(r.co2e),
        embodiedCo2eGrams: Number(r.embodied),
      },
    ]),
  );
}

/** A resource's share (0..1 of the key's footprint, or more when its cost exceeds the line's). */
export function shareOf(key: KeyFootprint | undefined, usageAmount: number, costUsd: number): number {
  if (!key) return 0;
  if (key.usageAmount > 0) return usageAmount / key.usageAmount;
  if (key.costUsd !== 0) return costUsd / key.costUsd;
  return 0;
}
