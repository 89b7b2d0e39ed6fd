/**
 * What each source holds, per month (cost and counted cost, USD): what the data health page
 * needs to show ./sources.ts's all-time totals in the display currency, each month at its own
 * rate. Read from cost_source_days, like ./sources.ts.
 */
import { sql } from "drizzle-orm";
import type { Month } from "../../model";
import type { CairnDb } from "../store";

export interface SourceMonth {
  source: string;
  month: Month;
  costUsd: number;
  countedCostUsd: number;
}

export async function sourceCostsByMonth(db: CairnDb): Promise<SourceMonth[]> {
  const rows = await db.all<SourceMonth>(
    sql`SELECT source, substr(day, 1, 7) AS month, total(unblended_cost_usd) AS costUsd,
      total(CASE WHEN counted = 1 THEN unblended_cost_usd END) AS countedCostUsd
      FROM cost_source_days GROUP BY source, substr(day, 1, 7) ORDER BY source, month`,
  );
  return rows.map((r) => ({
    source: r.source,
    month: r.month,
    costUsd: Number(r.costUsd),
    countedCostUsd: Number(r.countedCostUsd),
  }));
}
