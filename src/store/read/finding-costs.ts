/**
 * Daily cost of a finding's usage types (matched on the bare usage type, prefix removed, in the
 * finding's account when it names one and its region), for the realised-saving measure.
 */
import { sql } from "drizzle-orm";
import { resolveRegion, splitUsageType } from "../../carbon/regions";
import type { Day, Period } from "../../model";
import { countedLine } from "../source-precedence";
import type { CairnDb } from "../store";

export interface FindingScope {
  accountId: string;
  region: string;
  /** Usage types as billed or bare; a bare `BoxUsage` also matches `EUW3-BoxUsage:t3.micro`. */
  usageTypes: readonly string[];
}

export async function findingDailyCosts(db: CairnDb, scope: FindingScope, period: Period): Promise<Map<Day, number>> {
  const out = new Map<Day, number>();
  if (scope.usageTypes.length === 0) return out;
  const rows = await db.all<{ day: string; account: string; region: string; usageType: string; cost: number }>(
    sql`SELECT day, account_id AS account, region, usage_type AS usageType, total(unblended_cost_usd) AS cost
      FROM cost_lines WHERE day >= ${period.from} AND day < ${period.to} AND ${countedLine()}
      ${scope.accountId !== "" ? sql`AND account_id = ${scope.accountId}` : sql``}
      GROUP BY day, account_id, region, usage_type`,
  );
  const bares = scope.usageTypes.map((u) => splitUsageType(u).bare);
  for (const r of rows) {
    const parts = splitUsageType(r.usageType);
    if (resolveRegion(r.region, parts).region !== scope.region) continue;
    if (!bares.some((b) => parts.bare === b || parts.bare.startsWith(`${b}:`))) continue;
    out.set(r.day, (out.get(r.day) ?? 0) + r.cost);
  }
  return out;
}
