/**
 * Writes CloudWatch daily aggregates. A collection re-reads a window of days per region and
 * makes it the whole truth for that window: rows of those days and regions are replaced in one
 * transaction, so a resource that vanished disappears and nothing is counted twice.
 */
import { and, type Column, eq, getTableColumns, gte, inArray, lt, type SQL } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import type { Day, Footprint, MetricDay } from "../model";
import { footprintRow } from "./cost-line-columns";
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

// The columns and the unique key come from the schema (schema/metrics.ts), declared once there.
const { id: _id, ...metricColumns } = getTableColumns(metricDays);
const COLUMN_KEYS = Object.keys(metricColumns) as (keyof typeof metricColumns)[];
const KEY_NAMES = new Set(
  (getTableConfig(metricDays).indexes.find((i) => i.config.unique)?.config.columns ?? []).map(
    (c) => (c as Column).name,
  ),
);
if (KEY_NAMES.size === 0) throw new Error("schema: metric_days has no unique key");
const COLUMN_NAMES = COLUMN_KEYS.map((k) => metricColumns[k].name);

function rowValues(row: MetricDay, runId: number | null, collectedAt: string): unknown[] {
  const values: Record<string, unknown> = { ...row, partial: row.partial ? 1 : 0, runId, collectedAt };
  return COLUMN_KEYS.map((k) => values[k] ?? null);
}

const UPSERT = `INSERT INTO metric_days (${COLUMN_NAMES.join(", ")}) VALUES (${COLUMN_NAMES.map(() => "?").join(", ")})
ON CONFLICT (${[...KEY_NAMES].join(", ")}) DO UPDATE SET
${COLUMN_NAMES.filter((c) => !KEY_NAMES.has(c))
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
            .values({ costLineId, ...footprintRow(footprint) })
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
    if (footprint) statements.push(db.insert(footprints).values({ costLineId, ...footprintRow(footprint) }));
  }
  if (statements.length > 0) await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  await refreshCostRollup(readDb(store));
  return items.length;
}
