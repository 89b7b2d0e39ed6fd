/**
 * Idempotent writes of cost lines with their footprints. The natural key (day, account,
 * service, region, usage type, pipeline) makes a second write of the same line an update, and
 * `replaceCostLines` makes a re-read window authoritative: restated figures replace the old
 * ones, lines that vanished disappear, and nothing is counted twice.
 */
import { and, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { CostLine, Footprint, Period } from "../model";
import { costLines, footprints } from "./schema/index";
import type { Store } from "./store";

export interface EstimatedLine {
  line: CostLine;
  /** Null when the line has not been estimated (yet): any older footprint is removed. */
  footprint: Footprint | null;
}

/** Which stored lines a re-read window covers. */
export interface ReplaceScope extends Period {
  /** Only these accounts (all when absent). */
  accountIds?: readonly string[];
  /** Only lines from this source (all when absent). */
  source?: CostLine["source"];
}

const NATURAL_KEY = [
  costLines.day,
  costLines.accountId,
  costLines.service,
  costLines.region,
  costLines.usageType,
  costLines.pipeline,
] as const;

const p = (name: string) => sql.placeholder(name);

function lineParams(line: CostLine, collectedAt: string) {
  return { ...line, estimated: line.estimated ? 1 : 0, collectedAt };
}

function footprintValues(costLineId: SQL | number, f: Footprint) {
  return { costLineId, ...f } as typeof footprints.$inferInsert;
}

const FOOTPRINT_UPDATE = {
  usageClass: sql`excluded.usage_class`,
  method: sql`excluded.method`,
  factorSet: sql`excluded.factor_set`,
  energyKwh: sql`excluded.energy_kwh`,
  cpuKwh: sql`excluded.cpu_kwh`,
  memoryKwh: sql`excluded.memory_kwh`,
  storageKwh: sql`excluded.storage_kwh`,
  networkKwh: sql`excluded.network_kwh`,
  gpuKwh: sql`excluded.gpu_kwh`,
  co2eGrams: sql`excluded.co2e_grams`,
  marketCo2eGrams: sql`excluded.market_co2e_grams`,
  embodiedCo2eGrams: sql`excluded.embodied_co2e_grams`,
  reason: sql`excluded.reason`,
  fallback: sql`excluded.fallback`,
  utilisation: sql`excluded.utilisation`,
};

const LINE_UPDATE = {
  unblendedCostUsd: sql`excluded.unblended_cost_usd`,
  amortizedCostUsd: sql`excluded.amortized_cost_usd`,
  usageAmount: sql`excluded.usage_amount`,
  usageUnit: sql`excluded.usage_unit`,
  estimated: sql`excluded.estimated`,
  source: sql`excluded.source`,
  collectedAt: sql`excluded.collected_at`,
};

function scopeWhere(scope: ReplaceScope): SQL | undefined {
  return and(
    gte(costLines.day, scope.from),
    lt(costLines.day, scope.to),
    scope.accountIds ? inArray(costLines.accountId, [...scope.accountIds]) : undefined,
    scope.source ? eq(costLines.source, scope.source) : undefined,
  );
}

/** better-sqlite3: one prepared statement per table, run per row inside one transaction. */
function writeSqlite(
  store: Extract<Store, { kind: "sqlite" }>,
  items: readonly EstimatedLine[],
  collectedAt: string,
  scope: ReplaceScope | null,
): number {
  const { db } = store;
  const upsertLine = db
    .insert(costLines)
    .values({
      day: p("day"),
      accountId: p("accountId"),
      service: p("service"),
      region: p("region"),
      usageType: p("usageType"),
      pipeline: p("pipeline"),
      unblendedCostUsd: p("unblendedCostUsd"),
      amortizedCostUsd: p("amortizedCostUsd"),
      usageAmount: p("usageAmount"),
      usageUnit: p("usageUnit"),
      estimated: p("estimated"),
      source: p("source"),
      collectedAt: p("collectedAt"),
    })
    .onConflictDoUpdate({ target: [...NATURAL_KEY], set: LINE_UPDATE })
    .returning({ id: costLines.id })
    .prepare();
  const upsertFootprint = db
    .insert(footprints)
    .values(
      Object.fromEntries(
        Object.keys(FOOTPRINT_UPDATE)
          .concat("costLineId")
          .map((k) => [k, p(k)]),
      ) as unknown as typeof footprints.$inferInsert,
    )
    .onConflictDoUpdate({ target: footprints.costLineId, set: FOOTPRINT_UPDATE })
    .prepare();
  const deleteFootprint = db
    .delete(footprints)
    .where(eq(footprints.costLineId, p("costLineId")))
    .prepare();

  db.transaction(() => {
    if (scope) db.delete(costLines).where(scopeWhere(scope)).run();
    for (const { line, footprint } of items) {
      const row = upsertLine.get(lineParams(line, collectedAt));
      if (!row) throw new Error("upsert returned no id");
      if (footprint) upsertFootprint.run({ ...footprint, costLineId: row.id });
      else deleteFootprint.run({ costLineId: row.id });
    }
  });
  return items.length;
}

/** D1: no transactions, so everything goes in `db.batch`, which runs as one. */
async function writeD1(
  store: Extract<Store, { kind: "d1" }>,
  items: readonly EstimatedLine[],
  collectedAt: string,
  scope: ReplaceScope | null,
): Promise<number> {
  const { db } = store;
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's BatchItem union is not exported per dialect.
  const statements: any[] = [];
  if (scope) statements.push(db.delete(costLines).where(scopeWhere(scope)));
  for (const { line, footprint } of items) {
    const params = lineParams(line, collectedAt);
    statements.push(
      db
        .insert(costLines)
        .values({ ...params, estimated: line.estimated })
        .onConflictDoUpdate({ target: [...NATURAL_KEY], set: LINE_UPDATE }),
    );
    // The line's id is not known inside a batch: find it again by its natural key.
    const idOf = sql`(SELECT id FROM cost_lines WHERE day = ${line.day} AND account_id = ${line.accountId}
      AND service = ${line.service} AND region = ${line.region} AND usage_type = ${line.usageType}
      AND pipeline = ${line.pipeline})`;
    if (footprint) {
      statements.push(
        db
          .insert(footprints)
          .values(footprintValues(idOf, footprint))
          .onConflictDoUpdate({ target: footprints.costLineId, set: FOOTPRINT_UPDATE }),
      );
    } else {
      statements.push(db.delete(footprints).where(sql`${footprints.costLineId} = ${idOf}`));
    }
  }
  if (statements.length > 0) await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  return items.length;
}

/** Inserts or updates lines by their natural key. Returns the number of lines written. */
export async function upsertCostLines(
  store: Store,
  items: readonly EstimatedLine[],
  collectedAt: string,
): Promise<number> {
  return store.kind === "sqlite"
    ? writeSqlite(store, items, collectedAt, null)
    : writeD1(store, items, collectedAt, null);
}

/**
 * Makes `items` the whole truth for `scope`: stored lines in the scope that are not in `items`
 * are deleted, in the same transaction as the writes.
 */
export async function replaceCostLines(
  store: Store,
  scope: ReplaceScope,
  items: readonly EstimatedLine[],
  collectedAt: string,
): Promise<number> {
  for (const { line } of items) {
    if (line.day < scope.from || line.day >= scope.to) {
      throw new RangeError(`line for ${line.day} lies outside the replaced window ${scope.from}..${scope.to}`);
    }
  }
  return store.kind === "sqlite"
    ? writeSqlite(store, items, collectedAt, scope)
    : writeD1(store, items, collectedAt, scope);
}
