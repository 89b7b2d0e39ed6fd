/**
 * Daily cost per service × pipeline × usage type over a few weeks: what a spike is attributed to
 * (src/analysis/alert-rules/incidents.ts). Counted lines only, as every reader of cost lines.
 */
import { and, gte, lt, sql } from "drizzle-orm";
import type { CellSeries } from "../../analysis/alert-rules/incidents";
import type { Day, Period } from "../../model";
import { costLines } from "../schema/index";
import { countedLine } from "../source-precedence";
import type { CairnDb } from "../store";

export async function costCells(db: CairnDb, period: Period): Promise<CellSeries[]> {
  const rows = await db
    .select({
      day: costLines.day,
      service: costLines.service,
      pipeline: costLines.pipeline,
      usageType: costLines.usageType,
      costUsd: sql<number>`sum(${costLines.unblendedCostUsd})`,
    })
    .from(costLines)
    .where(and(gte(costLines.day, period.from), lt(costLines.day, period.to), countedLine()))
    .groupBy(costLines.day, costLines.service, costLines.pipeline, costLines.usageType);
  const cells = new Map<string, CellSeries & { costs: Map<Day, number> }>();
  for (const r of rows) {
    const key = `${r.service}\u0000${r.pipeline}\u0000${r.usageType}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { service: r.service, pipeline: r.pipeline, usageType: r.usageType, costs: new Map() };
      cells.set(key, cell);
    }
    cell.costs.set(r.day, Number(r.costUsd ?? 0));
  }
  return [...cells.values()];
}
