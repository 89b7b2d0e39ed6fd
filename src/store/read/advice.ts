/** What the tuning advice reads: 28 days of metrics and of estimated cost lines before `asOf`. */
import { and, eq, gte, lt } from "drizzle-orm";
import type { AdviceInput } from "../../analysis/advice/types";
import { addDays } from "../../days";
import type { CostLine, Day, EstimateMethod, Footprint, UsageClass } from "../../model";
import type { EstimatedLine } from "../cost-lines";
import { costLines, footprints } from "../schema/index";
import { countedLine } from "../source-precedence";
import type { CairnDb } from "../store";
import { readMetricDays } from "./metrics";

export const ADVICE_HISTORY_DAYS = 28;

export async function readEstimatedLines(db: CairnDb, from: Day, to: Day): Promise<EstimatedLine[]> {
  const rows = await db
    .select()
    .from(costLines)
    .leftJoin(footprints, eq(footprints.costLineId, costLines.id))
    .where(and(gte(costLines.day, from), lt(costLines.day, to), countedLine()));
  return rows.map(({ cost_lines: c, footprints: f }) => {
    const { id: _id, collectedAt: _at, ...line } = c;
    let footprint: Footprint | null = null;
    if (f) {
      const { costLineId: _cl, ...rest } = f;
      footprint = { ...rest, usageClass: rest.usageClass as UsageClass, method: rest.method as EstimateMethod };
    }
    return { line: { ...line, source: line.source as CostLine["source"] }, footprint };
  });
}

export async function loadAdviceInput(db: CairnDb, asOf: Day): Promise<AdviceInput> {
  const from = addDays(asOf, -ADVICE_HISTORY_DAYS);
  const [metrics, lines] = await Promise.all([
    readMetricDays(db, { from, to: asOf }),
    readEstimatedLines(db, from, asOf),
  ]);
  return { asOf, metrics, lines };
}
