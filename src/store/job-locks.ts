/**
 * Named locks with an expiry in the database itself, so every process on one file agrees: the
 * CLI, the scheduler of `cairn serve` and the dashboard's "Collect now". Taking a lock is one
 * statement (an upsert that only overwrites an expired row), so two processes can never both
 * hold it; a holder that died stops blocking once its lease runs out.
 */
import { and, eq, sql } from "drizzle-orm";
import { jobLocks } from "./schema/index";
import { readDb, type Store } from "./store";

export interface LockHeld {
  name: string;
  token: string;
  holderLabel: string;
}

export interface LockBusy {
  holderLabel: string;
  acquiredAt: string;
  until: string;
}

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** Takes the lock for `leaseMs`, or returns who holds it. */
export async function acquireLock(
  store: Store,
  lock: { name: string; holderLabel: string; leaseMs: number; now: Date },
): Promise<{ held: LockHeld } | { busy: LockBusy }> {
  const token = crypto.randomUUID();
  const at = lock.now.toISOString();
  const rows = await readDb(store)
    .insert(jobLocks)
    .values({
      name: lock.name,
      holder: token,
      holderLabel: lock.holderLabel,
      acquiredAt: at,
      until: later(lock.now, lock.leaseMs),
    })
    .onConflictDoUpdate({
      target: jobLocks.name,
      set: {
        holder: sql`excluded.holder`,
        holderLabel: sql`excluded.holder_label`,
        acquiredAt: sql`excluded.acquired_at`,
        until: sql`excluded.until`,
      },
      // Only an expired lock changes hands.
      setWhere: sql`${jobLocks.until} < ${at}`,
    })
    .returning({ holder: jobLocks.holder });
  if (rows[0]?.holder === token) return { held: { name: lock.name, token, holderLabel: lock.holderLabel } };
  const current = await readDb(store).select().from(jobLocks).where(eq(jobLocks.name, lock.name)).limit(1);
  const row = current[0];
  return {
    busy: {
      holderLabel: row?.holderLabel ?? "another run",
      acquiredAt: row?.acquiredAt ?? at,
      until: row?.until ?? at,
    },
  };
}

/** Extends a held lock; false when it was lost (expired and taken by someone else). */
export async function renewLock(store: Store, held: LockHeld, now: Date, leaseMs: number): Promise<boolean> {
  const rows = await readDb(store)
    .update(jobLocks)
    .set({ until: later(now, leaseMs) })
    .where(and(eq(jobLocks.name, held.name), eq(jobLocks.holder, held.token)))
    .returning({ name: jobLocks.name });
  return rows.length > 0;
}

export async function releaseLock(store: Store, held: LockHeld): Promise<void> {
  await readDb(store)
    .delete(jobLocks)
    .where(and(eq(jobLocks.name, held.name), eq(jobLocks.holder, held.token)));
}

/** Who holds the lock now (an expired row counts as free), for pages and tests. */
export async function lockHolder(store: Store, name: string, now: Date): Promise<LockBusy | null> {
  const rows = await readDb(store).select().from(jobLocks).where(eq(jobLocks.name, name)).limit(1);
  const row = rows[0];
  if (!row || row.until < now.toISOString()) return null;
  return { holderLabel: row.holderLabel, acquiredAt: row.acquiredAt, until: row.until };
}
