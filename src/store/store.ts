/**
 * The store handle passed to everything that reads or writes. Reads are written once against
 * drizzle's common SQLite type and awaited; bulk writes take the fastest path of each driver
 * (a prepared statement in one transaction on better-sqlite3, `db.batch` on D1).
 */

import type Database from "better-sqlite3";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import type * as schema from "./schema/index";

export type Schema = typeof schema;

/** What read models take: either driver, always awaited. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's run-result type differs per driver.
export type CairnDb = BaseSQLiteDatabase<"sync" | "async", any, Schema>;

export type Store =
  | { kind: "sqlite"; db: BetterSQLite3Database<Schema> & { $client: Database.Database } }
  | { kind: "d1"; db: DrizzleD1Database<Schema> };

/** The driver-neutral view of a store, for reads and single statements. */
export function readDb(store: Store): CairnDb {
  return store.db as unknown as CairnDb;
}

/** D1 refuses statements with more than 100 bound parameters; stay well under. */
export const D1_MAX_PARAMS = 100;
