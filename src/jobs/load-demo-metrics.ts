/**
 * Writes the demo's CloudWatch metrics (collectors/demo/metrics.ts) for the demo period, replacing
 * earlier ones, and gives the lookup that makes the demo's estimates use the measured utilisation.
 *
 * Wiring (src/jobs/load-demo.ts): generate the metrics first, estimate the lines with
 * `utilisation: lookup`, then write both:
 *   const { rows, lookup } = demoMetrics(today);
 *   ...estimate(lines, lookup)...; await writeDemoMetrics(store, rows, today, { runId, collectedAt: at });
 */

import { demoPeriod } from "../../collectors/demo/generate";
import { generateDemoMetrics } from "../../collectors/demo/metrics";
import type { UtilisationLookup } from "../carbon/estimate";
import type { Day, MetricDay } from "../model";
import { replaceMetricDays } from "../store/metrics";
import { buildUtilisationLookup } from "../store/read/metrics";
import type { Store } from "../store/store";

export function demoMetrics(today: Day): { rows: MetricDay[]; lookup: UtilisationLookup } {
  const rows = generateDemoMetrics({ today });
  return { rows, lookup: buildUtilisationLookup(rows) };
}

/** Replaces every stored metric row (the demo database holds no collected metrics). */
export async function writeDemoMetrics(
  store: Store,
  rows: readonly MetricDay[],
  today: Day,
  meta: { runId: number | null; collectedAt: string },
): Promise<number> {
  // From the oldest possible day, so a reload on a later day leaves no stale tail.
  const { to } = demoPeriod(today);
  return replaceMetricDays(store, { from: "0000-01-01", to }, rows, meta);
}
