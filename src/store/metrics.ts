/**
 * Writes CloudWatch daily aggregates. A collection re-reads a window of days per region and
 * makes it the whole truth for that window: rows of those days and regions are replaced in one
 * transaction, so a resource that vanished disappears and nothing is counted twice.
 */
import { and, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Day, Footprint, MetricDay } from "../model";
import { refreshCostRollup } from "./cost-rollup";
import { footprints, metricDays } from "./schema/index";
import { readDb, type Store } from "./store";

export interface MetricScope {
  from: Day;
  to: Day;
  /** Only these regions (all when absent). */
  regions?: readonly string[];
}

function scopeWhere(scope: MetricScope): SQL | undefined {
  return and(
    gte(metricDays.day, scope.from),
    lt(metricDays.day, scope.to),
    scope.regions ? inArray(metricDays.region, [...scope.regions]) : undefined,
  );
}

const COLUMNS = [
  "day",
  "region",
  "namespace",
  "metric_name",
  "stat",
  "dimensions",
  "resource_id",
  "instance_type",
  "unit",
  "average",
  "minimum",
  "maximum",
  "sum",
  "samples",
  "samples_at_minimum",
  "partial",
  "run_id",
  "collected_at",
] as const;

function rowValues(row: MetricDay, runId: number | null, collectedAt: string): unknown[] {
  return [
    row.day,
    row.region,
    row.namespace,
    row.metricName,
    row.stat,
    row.dimensions,
    row.resourceId,
    row.instanceType,
    row.unit,
    row.average,
    row.minimum,
    row.maximum,
    row.sum,
    row.samples,
    row.samplesAtMinimum,
    row.partial ? 1 : 0,
    runId,
    collectedAt,
  ];
}

const UPSERT = `INSERT INTO metric_days (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map(() => "?").join(", ")})
ON CONFLICT (day, region, namespace, metric_name, stat, dimensions) DO UPDATE SET
${COLUMNS.filter((c) => !["day", "region", "namespace", "metric_name", "stat", "dimensions"].includes(c))
  .map((c) => `${c} = excluded.${c}`)
  .join(", ")}`;

/** Replaces the stored rows of `scope` with `rows` (which must lie inside it). Returns rows written. */
export async function replaceMetricDays(
  store: Store,
  scope: MetricScope,
  rows: readonly MetricDay[],
  meta: { runId: number | null; collectedAt: string },
): Promise<number> {
  for (const row of rows) {
    if (row.day < scope.from || row.day >= scope.to || (scope.regions && !scope.regions.includes(row.region))) {
      throw new RangeError(`metric row ${row.day} ${row.region} lies outside the replaced scope`);
    }
  }
  if (store.kind === "sqlite") {
    const { db } = store;
    const statement = db.$client.prepare(UPSERT);
    db.transaction(() => {
      db.delete(metricDays).where(scopeWhere(scope)).run();
      for (const row of rows) statement.run(rowValues(row, meta.runId, meta.collectedAt));
    });
    return rows.length;
  }
  const { db } = store;
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's BatchItem union is not exported per dialect.
  const statements: any[] = [db.delete(metricDays).where(scopeWhere(scope))];
  for (const row of rows) {
    statements.push(db.insert(metricDays).values({ ...row, runId: meta.runId, collectedAt: meta.collectedAt }));
  }
  await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  return rows.length;
}

/**
 * Replaces the footprints of stored cost lines (by id) after a new estimate, leaving the lines
 * themselves untouched: the CloudWatch job re-estimates a window with measured utilisation.
 */
export async function replaceFootprints(
  store: Store,
  items: readonly { costLineId: number; footprint: Footprint | null }[],
): Promise<number> {
  if (store.kind === "sqlite") {
    const { db } = store;
    db.transaction(() => {
      for (const { costLineId, footprint } of items) {
        db.delete(footprints).where(eq(footprints.costLineId, costLineId)).run();
        if (footprint)
          db.insert(footprints)
            .values({ costLineId, ...footprint })
            .run();
      }
    });
    // The writer brings the rollups up to date, so readers never write.
    await refreshCostRollup(readDb(store));
    return items.length;
  }
  const { db } = store;
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's BatchItem union is not exported per dialect.
  const statements: any[] = [];
  for (const { costLineId, footprint } of items) {
    statements.push(db.delete(footprints).where(eq(footprints.costLineId, costLineId)));
    if (footprint) statements.push(db.insert(footprints).values({ costLineId, ...footprint }));
  }
  if (statements.length > 0) await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  await refreshCostRollup(readDb(store));
  return items.length;
}
