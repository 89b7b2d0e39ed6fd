/**
 * A write that is only worth doing if it costs nothing now (a "last used" stamp): on SQLite it
 * runs with no busy wait and is skipped when another process holds the write lock, instead of
 * blocking the whole server (better-sqlite3 waits synchronously) for up to busy_timeout.
 */
import type { Store } from "./store";

/** Runs `write`; false when the database was busy and it was skipped. */
export async function writeWithoutWaiting(store: Store, write: () => Promise<unknown>): Promise<boolean> {
  if (store.kind !== "sqlite") {
    await write();
    return true;
  }
  const sqlite = store.db.$client;
  const previous = Number(sqlite.pragma("busy_timeout", { simple: true }));
  sqlite.pragma("busy_timeout = 0");
  try {
    await write();
    return true;
  } catch (error) {
    if (String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY")) return false;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}
