/**
 * Opens (or creates) the SQLite file, refuses anything that is not a Cairn database of this
 * version or older, and applies the committed migrations. Node only.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { refreshCostRollupSqlite } from "./cost-rollup";
import { describeDatabaseFailure, StoreRefusedError } from "./errors";
import * as schema from "./schema/index";
import type { Store } from "./store";

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), "migrations");
const SQLITE_HEADER = "SQLite format 3\u0000";

export interface OpenedStore {
  store: Extract<Store, { kind: "sqlite" }>;
  sqlite: Database.Database;
  close: () => void;
}

/** The schema version this build writes: the number of committed migrations. */
export function knownSchemaVersion(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

function assertSqliteHeader(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const fd = openSync(path, "r");
  try {
    const header = Buffer.alloc(16);
    readSync(fd, header, 0, 16, 0);
    if (header.toString("latin1") !== SQLITE_HEADER) throw new StoreRefusedError(path, "it is not a SQLite database");
  } finally {
    closeSync(fd);
  }
}

function assertCairnDatabase(path: string, sqlite: Database.Database, known: number): void {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  if (tables.length === 0) return;
  if (!tables.some((t) => t.name === "cairn_meta")) {
    throw new StoreRefusedError(path, "it is a SQLite database, but not a Cairn one (no cairn_meta table)");
  }
  const row = sqlite.prepare("SELECT value FROM cairn_meta WHERE key = 'schema_version'").get() as
    | { value: string }
    | undefined;
  const version = Number(row?.value ?? 0);
  if (version > known) {
    throw new StoreRefusedError(
      path,
      `it was written by a newer Cairn (schema version ${version}, this one knows ${known}); upgrade Cairn`,
    );
  }
}

/** Opens `path` (`:memory:` works too), migrating it to this build's schema. */
export function openSqliteStore(path: string): OpenedStore {
  const known = knownSchemaVersion();
  if (path !== ":memory:") {
    assertSqliteHeader(path);
    mkdirSync(dirname(path), { recursive: true });
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { fileMustExist: false });
    assertCairnDatabase(path, sqlite, known);
  } catch (error) {
    if (error instanceof StoreRefusedError) throw error;
    throw (
      describeDatabaseFailure(error, path) ??
      new StoreRefusedError(path, `SQLite could not read it (${(error as Error).message})`)
    );
  }
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    sqlite
      .prepare(
        "INSERT INTO cairn_meta (key, value) VALUES ('app', 'cairn'), ('schema_version', ?) " +
          "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(String(known));
    refreshCostRollupSqlite(sqlite, db);
    return { store: { kind: "sqlite", db }, sqlite, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw describeDatabaseFailure(error, path) ?? error;
  }
}
