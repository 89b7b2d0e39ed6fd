/** Failed sign-ins by key within a window, for rate limiting on Node and Workers alike. */
import { and, count, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { signInFailures } from "./schema/index";
import { readDb, type Store } from "./store";

export async function countFailuresSince(store: Store, key: string, sinceIso: string): Promise<number> {
  const [row] = await readDb(store)
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gte(signInFailures.at, sinceIso)));
  return row?.n ?? 0;
}

/** Records a failure under each key, and forgets failures older than `pruneBeforeIso`. */
export async function recordFailure(
  store: Store,
  keys: string[],
  atIso: string,
  pruneBeforeIso: string,
): Promise<void> {
  const db = readDb(store);
  await db.insert(signInFailures).values(keys.map((key) => ({ key, at: atIso })));
  await db.delete(signInFailures).where(lt(signInFailures.at, pruneBeforeIso));
}

export async function clearFailures(store: Store, keys: string[]): Promise<void> {
  await readDb(store).delete(signInFailures).where(inArray(signInFailures.key, keys));
}

/** Forgets one failure recorded under `key` at `atIso` (a reserved attempt that succeeded). */
export async function forgetFailure(store: Store, key: string, atIso: string): Promise<void> {
  await readDb(store)
    .delete(signInFailures)
    .where(
      eq(
        signInFailures.id,
        sql`(SELECT ${signInFailures.id} FROM ${signInFailures} WHERE ${signInFailures.key} = ${key} AND ${signInFailures.at} = ${atIso} LIMIT 1)`,
      ),
    );
}
