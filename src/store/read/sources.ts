/**
 * What each source (Cost Explorer collection, FOCUS import, demo...) has put in the store: line
 * count, cost and the days it covers. Read from the daily rollup, which keeps sources apart, so
 * the data health page costs one small scan however many lines there are.
 */
import { sql } from "drizzle-orm";
import type { CairnDb } from "../store";

export interface SourceSummary {
  source: string;
  lines: number;
  costUsd: number;
  oldestDay: string;
  newestDay: string;
}

export async function costsBySource(db: CairnDb): Promise<SourceSummary[]> {
  const rows = await db.all<{ source: string; lines: number; costUsd: number; oldestDay: string; newestDay: string }>(
    sql`SELECT source, sum(lines) AS lines, sum(unblended_cost_usd) AS costUsd, min(day) AS oldestDay,
      max(day) AS newestDay FROM cost_daily GROUP BY source ORDER BY source`,
  );
  return rows.map((r) => ({
    source: r.source,
    lines: Number(r.lines),
    // Sums of floats drift in the last bits; six decimals keep micro-dollars.
    costUsd: Math.round(Number(r.costUsd) * 1e6) / 1e6,
    oldestDay: r.oldestDay,
    newestDay: r.newestDay,
  }));
}
