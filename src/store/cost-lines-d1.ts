/**
 * Cost line writes on D1, within its limits: no statement binds 100 parameters or more, and a
 * write is cut into `db.batch` calls of whole days. Each batch is one transaction: a replaced
 * window is deleted and rewritten day range by day range, so at every moment a day holds either
 * its old lines or its new ones, never half of each. (On SQLite the whole write is one
 * transaction; D1 has none that spans batches.)
 *
 * Lines go in multi-row upserts; footprints in multi-row inserts that find their line's id by
 * its natural key (ids are not known inside a batch). Only query builders go in a batch: drizzle
 * cannot batch raw SQL that has bound parameters on D1. A rewritten line loses its
 * old footprint through the trigger of migration 0002, so footprints are only ever inserted.
 */
import { and, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { CostLine, Day, Footprint } from "../model";
import {
  FOOTPRINT_COLUMN_KEYS,
  FOOTPRINT_UPDATE,
  footprintRow,
  LINE_COLUMN_KEYS,
  LINE_UPDATE,
  lineIdByNaturalKey,
  NATURAL_KEY,
  NATURAL_KEY_KEYS,
} from "./cost-line-columns";
import type { EstimatedLine, ReplaceScope } from "./cost-lines";
import { costLines, footprints } from "./schema/index";
import type { Store } from "./store";

/** D1 refuses statements with more than 100 bound parameters; every statement here stays below. */
export const MAX_PARAMS_PER_STATEMENT = 99;
/** A soft cap on statements per batch: a batch never splits a day, so one may exceed it. */
export const MAX_STATEMENTS_PER_BATCH = 50;

/** Bound parameters per row, counted from the schema's columns. */
const LINE_PARAMS = LINE_COLUMN_KEYS.length;
const FOOTPRINT_PARAMS = NATURAL_KEY_KEYS.length + FOOTPRINT_COLUMN_KEYS.length;
export const LINES_PER_STATEMENT = Math.floor(MAX_PARAMS_PER_STATEMENT / LINE_PARAMS);
export const FOOTPRINTS_PER_STATEMENT = Math.floor(MAX_PARAMS_PER_STATEMENT / FOOTPRINT_PARAMS);
const ACCOUNTS_PER_DELETE = MAX_PARAMS_PER_STATEMENT - 4;

type D1Db = Extract<Store, { kind: "d1" }>["db"];
// biome-ignore lint/suspicious/noExplicitAny: drizzle's BatchItem union is not exported per dialect.
type Statement = any;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function upsertLines(db: D1Db, lines: readonly CostLine[], collectedAt: string): Statement {
  return db
    .insert(costLines)
    .values(lines.map((line) => ({ ...line, collectedAt })))
    .onConflictDoUpdate({
      target: NATURAL_KEY as never,
      set: LINE_UPDATE,
    });
}

function insertFootprints(db: D1Db, items: readonly { line: CostLine; footprint: Footprint }[]): Statement {
  return db
    .insert(footprints)
    .values(
      items.map(({ line, footprint }) => ({
        ...footprintRow(footprint),
        costLineId: lineIdByNaturalKey((k) => line[k as keyof CostLine]),
      })),
    )
    .onConflictDoUpdate({
      target: footprints.costLineId,
      set: FOOTPRINT_UPDATE,
    });
}

function deleteRange(db: D1Db, scope: ReplaceScope, from: Day, to: Day): Statement[] {
  const where = (accounts?: string[]): SQL | undefined =>
    and(
      gte(costLines.day, from),
      lt(costLines.day, to),
      accounts ? inArray(costLines.accountId, accounts) : undefined,
      sql`${costLines.source} = ${scope.source}`,
    );
  if (!scope.accountIds) return [db.delete(costLines).where(where())];
  if (scope.accountIds.length === 0) return [];
  return chunks(scope.accountIds, ACCOUNTS_PER_DELETE).map((accounts) => db.delete(costLines).where(where(accounts)));
}

function writeStatements(db: D1Db, items: readonly EstimatedLine[], collectedAt: string): Statement[] {
  const withFootprint = items.filter((i): i is { line: CostLine; footprint: Footprint } => i.footprint !== null);
  return [
    ...chunks(
      items.map((i) => i.line),
      LINES_PER_STATEMENT,
    ).map((lines) => upsertLines(db, lines, collectedAt)),
    ...chunks(withFootprint, FOOTPRINTS_PER_STATEMENT).map((group) => insertFootprints(db, group)),
  ];
}

const statementsFor = (items: number, withFootprint: number) =>
  Math.ceil(items / LINES_PER_STATEMENT) + Math.ceil(withFootprint / FOOTPRINTS_PER_STATEMENT);

/** Groups consecutive days into batches of about MAX_STATEMENTS_PER_BATCH statements. */
function dayGroups(items: readonly EstimatedLine[]): { firstDay: Day; items: EstimatedLine[] }[] {
  const byDay = new Map<Day, EstimatedLine[]>();
  for (const item of items) {
    const list = byDay.get(item.line.day);
    if (list) list.push(item);
    else byDay.set(item.line.day, [item]);
  }
  const groups: { firstDay: Day; items: EstimatedLine[] }[] = [];
  let current: { firstDay: Day; items: EstimatedLine[] } | null = null;
  for (const day of [...byDay.keys()].sort()) {
    const dayItems = byDay.get(day) as EstimatedLine[];
    if (current) {
      const merged = current.items.length + dayItems.length;
      const footprinted = [...current.items, ...dayItems].filter((i) => i.footprint !== null).length;
      if (statementsFor(merged, footprinted) <= MAX_STATEMENTS_PER_BATCH) {
        current.items.push(...dayItems);
        continue;
      }
    }
    current = { firstDay: day, items: [...dayItems] };
    groups.push(current);
  }
  return groups;
}

/** The batches of a write, each one transaction. Exported for the tests of D1's limits. */
export function planD1Write(
  db: D1Db,
  items: readonly EstimatedLine[],
  collectedAt: string,
  scope: ReplaceScope | null,
): Statement[][] {
  if (!scope) {
    const perBatch = Math.max(1, Math.floor(MAX_STATEMENTS_PER_BATCH / 2) * LINES_PER_STATEMENT);
    return chunks(items, perBatch).map((group) => writeStatements(db, group, collectedAt));
  }
  const groups = dayGroups(items);
  if (groups.length === 0) return [deleteRange(db, scope, scope.from, scope.to)].filter((b) => b.length > 0);
  // Batch i replaces [its first day (the window's start for the first), the next batch's first day).
  return groups.map((group, i) => [
    ...deleteRange(db, scope, i === 0 ? scope.from : group.firstDay, groups[i + 1]?.firstDay ?? scope.to),
    ...writeStatements(db, group.items, collectedAt),
  ]);
}

export async function writeD1(
  store: Extract<Store, { kind: "d1" }>,
  items: readonly EstimatedLine[],
  collectedAt: string,
  scope: ReplaceScope | null,
): Promise<number> {
  for (const batch of planD1Write(store.db, items, collectedAt, scope)) {
    if (batch.length > 0) await store.db.batch(batch as [Statement, ...Statement[]]);
  }
  return items.length;
}
