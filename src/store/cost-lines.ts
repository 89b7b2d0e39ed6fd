/**
 * Idempotent writes of cost lines with their footprints. The natural key (day, account,
 * service, region, usage type, pipeline) makes a second write of the same line an update, and
 * `replaceCostLines` makes a re-read window authoritative: restated figures replace the old
 * ones, lines that vanished disappear, and nothing is counted twice.
 */
import type Database from "better-sqlite3";
import { and, eq, gte, inArray, is, lt, Param, Placeholder, type SQL, sql } from "drizzle-orm";
import type { CostLine, Footprint, Period } from "../model";
import {
  FOOTPRINT_COLUMN_KEYS,
  LINE_COLUMN_KEYS,
  LINE_UPDATE,
  lineIdByNaturalKey,
  NATURAL_KEY,
} from "./cost-line-columns";
import { writeD1 } from "./cost-lines-d1";
import { refreshCostRollup } from "./cost-rollup";
import { costLines, footprints } from "./schema/index";
import { readDb, type Store } from "./store";

export interface EstimatedLine {
  line: CostLine;
  /** Null when the line has not been estimated (yet): any older footprint is removed. */
  footprint: Footprint | null;
}

/** Which stored lines a re-read window covers. */
export interface ReplaceScope extends Period {
  /** Only these accounts (all when absent). */
  accountIds?: readonly string[];
  /**
   * Only lines from this source: required, so replacing a Cost Explorer window never deletes
   * the FOCUS lines of the same days (each source keeps its lines; precedence picks one).
   */
  source: CostLine["source"];
}

const p = (name: string) => sql.placeholder(name);

function scopeWhere(scope: ReplaceScope): SQL | undefined {
  return and(
    gte(costLines.day, scope.from),
    lt(costLines.day, scope.to),
    scope.accountIds ? inArray(costLines.accountId, [...scope.accountIds]) : undefined,
    eq(costLines.source, scope.source),
  );
}

/**
 * drizzle writes the SQL; better-sqlite3 runs it with positional values. drizzle's own
 * placeholder filling costs about half the throughput of a bulk write, and bulk writes are
 * what every collection and import does.
 */
function compileRaw(
  sqlite: Database.Database,
  query: { toSQL: () => { sql: string; params: unknown[] } },
): (values: object, overrides?: object) => void {
  const { sql: text, params } = query.toSQL();
  // Each parameter is a placeholder, bare or wrapped in a Param that carries the column's
  // encoder (booleans to 0/1, JSON to text).
  const names: string[] = [];
  const encoders: ({ mapToDriverValue: (v: unknown) => unknown } | null)[] = [];
  for (const param of params as unknown[]) {
    if (is(param, Placeholder)) {
      names.push(param.name);
      encoders.push(null);
    } else if (is(param, Param) && is(param.value, Placeholder)) {
      names.push((param.value as Placeholder).name);
      encoders.push((param.encoder as { mapToDriverValue: (v: unknown) => unknown } | undefined) ?? null);
    } else {
      throw new Error(`bulk statements take placeholders only: ${text}`);
    }
  }
  const statement = sqlite.prepare(text);
  const args: unknown[] = new Array(names.length);
  // Runs once per row of every bulk write: no allocation beyond the reused argument array.
  return (values, overrides) => {
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const value =
        overrides !== undefined && name in overrides
          ? (overrides as Record<string, unknown>)[name]
          : (values as Record<string, unknown>)[name];
      const encoder = encoders[i];
      args[i] = encoder ? encoder.mapToDriverValue(value) : value;
    }
    statement.run(args);
  };
}

/*
 * A rewritten line loses its old footprint through the trigger of migration 0002, so both
 * drivers only ever insert footprints, right after their line.
 */

/** better-sqlite3: one prepared statement per table, run per row inside one transaction. */
function writeSqlite(
  store: Extract<Store, { kind: "sqlite" }>,
  items: readonly EstimatedLine[],
  collectedAt: string,
  scope: ReplaceScope | null,
): number {
  const { db } = store;
  const sqlite = db.$client;
  const upsertLine = compileRaw(
    sqlite,
    db
      .insert(costLines)
      .values(Object.fromEntries(LINE_COLUMN_KEYS.map((k) => [k, p(k)])) as unknown as typeof costLines.$inferInsert)
      .onConflictDoUpdate({ target: NATURAL_KEY as never, set: LINE_UPDATE }),
  );
  const insertFootprint = compileRaw(
    sqlite,
    db.insert(footprints).values({
      costLineId: lineIdByNaturalKey(p),
      ...Object.fromEntries(FOOTPRINT_COLUMN_KEYS.map((k) => [k, p(k)])),
    } as unknown as typeof footprints.$inferInsert),
  );

  db.transaction(() => {
    if (scope) db.delete(costLines).where(scopeWhere(scope)).run();
    const stamp = { collectedAt };
    for (const { line, footprint } of items) {
      upsertLine(line, stamp);
      if (footprint) insertFootprint(line, footprint);
    }
  });
  return items.length;
}

// D1 (no transactions, <100 bound parameters per statement): batched by whole days in cost-lines-d1.ts.

/** Inserts or updates lines by their natural key. Returns the number of lines written. */
export async function upsertCostLines(
  store: Store,
  items: readonly EstimatedLine[],
  collectedAt: string,
): Promise<number> {
  const written =
    store.kind === "sqlite"
      ? writeSqlite(store, items, collectedAt, null)
      : await writeD1(store, items, collectedAt, null);
  // The writer brings the rollups up to date, so readers never write (nor wait on a writer).
  await refreshCostRollup(readDb(store));
  return written;
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
  assertInScope(scope, items);
  const written =
    store.kind === "sqlite"
      ? writeSqlite(store, items, collectedAt, scope)
      : await writeD1(store, items, collectedAt, scope);
  await refreshCostRollup(readDb(store));
  return written;
}

/**
 * `replaceCostLines` on SQLite, synchronously: for callers that write inside their own
 * transaction. They refresh the rollups (refreshCostRollup) once it has committed.
 */
export function replaceCostLinesSqlite(
  store: Extract<Store, { kind: "sqlite" }>,
  scope: ReplaceScope,
  items: readonly EstimatedLine[],
  collectedAt: string,
): number {
  assertInScope(scope, items);
  return writeSqlite(store, items, collectedAt, scope);
}

function assertInScope(scope: ReplaceScope, items: readonly EstimatedLine[]): void {
  for (const { line } of items) {
    if (line.day < scope.from || line.day >= scope.to) {
      throw new RangeError(`line for ${line.day} lies outside the replaced window ${scope.from}..${scope.to}`);
    }
  }
}
