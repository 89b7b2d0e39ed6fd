/**
 * What each source (Cost Explorer collection, FOCUS import, demo...) has put in the store: line
 * count, cost and the days it covers, and how much of that cost counts (where two sources cover
 * the same account and day, only one does: ../source-precedence.ts). Read from
 * cost_source_days, so the data health page costs one small scan however many lines there are.
 */
import { sql } from "drizzle-orm";
import type { CairnDb } from "../store";

export interface SourceSummary {
  source: string;
  lines: number;
  costUsd: number;
  /** The part of `costUsd` on the (account, day)s where this source is the one counted. */
  countedCostUsd: number;
  oldestDay: string;
  newestDay: string;
}

// Sums of floats drift in the last bits; six decimals keep micro-dollars.
const round6 = (n: unknown) => Math.round(Number(n) * 1e6) / 1e6;

export async function costsBySource(db: CairnDb): Promise<SourceSummary[]> {
  const rows = await db.all<{
    source: string;
    lines: number;
    costUsd: number;
    countedCostUsd: number;
    oldestDay: string;
    newestDay: string;
  }>(
    sql`SELECT source, sum(lines) AS lines, total(unblended_cost_usd) AS costUsd,
      total(CASE WHEN counted = 1 THEN unblended_cost_usd END) AS countedCostUsd, min(day) AS oldestDay,
      max(day) AS newestDay FROM cost_source_days GROUP BY source ORDER BY source`,
  );
  return rows.map((r) => ({
    source: r.source,
    lines: Number(r.lines),
    costUsd: round6(r.costUsd),
    countedCostUsd: round6(r.countedCostUsd),
    oldestDay: r.oldestDay,
    newestDay: r.newestDay,
  }));
}
