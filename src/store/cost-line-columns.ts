/**
 * A cost line's and a footprint's columns, derived from the drizzle schema (schema/costs.ts),
 * where they are declared once: the natural key is the unique index `cost_lines_natural_key`,
 * an update replaces every other written column, and D1's batch sizes count these lists. A new
 * column in the schema reaches both drivers' upserts without another edit.
 */
import { type Column, getTableColumns, type SQL, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import type { CostLine, Footprint } from "../model";
import { costLines, footprints } from "./schema/index";

const { id: _lineId, ...lineColumns } = getTableColumns(costLines);
const { costLineId: _footprintLineId, ...footprintColumns } = getTableColumns(footprints);

export type LineColumnKey = keyof typeof lineColumns;
export type FootprintColumnKey = keyof typeof footprintColumns;

/** Every column a line write sets (all but the id), in schema order. */
export const LINE_COLUMN_KEYS = Object.keys(lineColumns) as LineColumnKey[];
/** Every column of a footprint but its line's id, in schema order. */
export const FOOTPRINT_COLUMN_KEYS = Object.keys(footprintColumns) as FootprintColumnKey[];

const naturalKeyIndex = getTableConfig(costLines).indexes.find((i) => i.config.name === "cost_lines_natural_key");
if (!naturalKeyIndex) throw new Error("schema: cost_lines has no cost_lines_natural_key index");
/** The drizzle columns of the natural key: a second write of the same key is an update. */
export const NATURAL_KEY = naturalKeyIndex.config.columns as Column[];
const keyNames = new Set(NATURAL_KEY.map((c) => c.name));
/** The natural key's property names (day, accountId, ...). */
export const NATURAL_KEY_KEYS = LINE_COLUMN_KEYS.filter((k) => keyNames.has(lineColumns[k].name));

const excluded = (column: Column): SQL => sql.raw(`excluded.${column.name}`);

/** What an update replaces: every written column but the key. */
export const LINE_UPDATE: Record<string, SQL> = Object.fromEntries(
  LINE_COLUMN_KEYS.filter((k) => !keyNames.has(lineColumns[k].name)).map((k) => [k, excluded(lineColumns[k])]),
);
export const FOOTPRINT_UPDATE: Record<string, SQL> = Object.fromEntries(
  FOOTPRINT_COLUMN_KEYS.map((k) => [k, excluded(footprintColumns[k])]),
);

/**
 * A footprint's columns as the row's own properties. The estimator's footprints are views whose
 * values are getters (src/carbon/footprint-batch.ts): a spread would copy none of them.
 */
export function footprintRow(f: Footprint): Footprint {
  const row: Record<string, unknown> = {};
  for (const k of FOOTPRINT_COLUMN_KEYS) row[k] = f[k];
  return row as unknown as Footprint;
}

/** The SQL name of a line column, for hand-built conditions. */
export function lineColumnName(key: LineColumnKey): string {
  return lineColumns[key].name;
}

/** The stored id of a line, found by its natural key inside a statement (the unique index makes it a lookup). */
export function lineIdByNaturalKey(value: (key: LineColumnKey) => unknown): SQL {
  return sql`(SELECT id FROM cost_lines WHERE ${sql.join(
    NATURAL_KEY_KEYS.map((k) => sql`${sql.identifier(lineColumns[k].name)} = ${value(k)}`),
    sql` AND `,
  )})`;
}

/*
 * The domain type (model.ts CostLine) and the table say the same columns: a column added to one
 * and not the other fails the typecheck here.
 */
type TableLine = Omit<typeof costLines.$inferInsert, "id" | "collectedAt">;
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
const linesMatch: SameKeys<TableLine, CostLine> = true;
const footprintsMatch: SameKeys<Omit<typeof footprints.$inferInsert, "costLineId">, Footprint> = true;
void linesMatch;
void footprintsMatch;
