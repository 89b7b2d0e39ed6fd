/**
 * Named locks with an expiry in the database itself, so every process on one file agrees: the
 * CLI, the scheduler of `cairn serve` and the dashboard's "Collect now". Taking a lock is one
 * statement (an upsert that only overwrites an expired row), so two processes can never both
 * hold it; a holder that died stops blocking once its lease runs out, or at once when it was a
 * process on this host that no longer exists (`takeOverLock`).
 *
 * The holder token says which process holds the lock when the runtime has processes:
 * `<uuid>@<host>:<pid>` under Node, a bare uuid on Workers.
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
  /** The holder's token (see `holderProcess`). */
  holder: string;
  holderLabel: string;
  acquiredAt: string;
  until: string;
}

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** A process, where the runtime has them: the host's name and the process id. */
export interface LockOwner {
  host: string;
  pid: number;
}

export interface LockRequest {
  name: string;
  holderLabel: string;
  leaseMs: number;
  now: Date;
  /** The process asking, recorded in the token so others on the host can tell if it died. */
  owner?: LockOwner;
}

const newToken = (owner?: LockOwner) =>
  owner ? `${crypto.randomUUID()}@${owner.host}:${owner.pid}` : crypto.randomUUID();

/** The process a holder token names, or null (a Worker's token, or one from before tokens named it). */
export function holderProcess(token: string): LockOwner | null {
  const m = /^[0-9a-f-]{36}@(.+):(\d+)$/.exec(token);
  return m ? { host: m[1] as string, pid: Number(m[2]) } : null;
}

/** Takes the lock for `leaseMs`, or returns who holds it. */
export async function acquireLock(store: Store, lock: LockRequest): Promise<{ held: LockHeld } | { busy: LockBusy }> {
  const token = newToken(lock.owner);
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
      holder: row?.holder ?? "",
      holderLabel: row?.holderLabel ?? "another run",
      acquiredAt: row?.acquiredAt ?? at,
      until: row?.until ?? at,
    },
  };
}

/**
 * Takes the lock from the holder `from` whatever its lease says: for a holder known to be dead.
 * One statement that only changes a row still held by `from`, so of two processes taking over
 * from the same dead one, one gets it and the other finds it busy.
 */
export async function takeOverLock(store: Store, lock: LockRequest, from: string): Promise<LockHeld | null> {
  const token = newToken(lock.owner);
  const rows = await readDb(store)
    .update(jobLocks)
    .set({
      holder: token,
      holderLabel: lock.holderLabel,
      acquiredAt: lock.now.toISOString(),
      until: later(lock.now, lock.leaseMs),
    })
    .where(and(eq(jobLocks.name, lock.name), eq(jobLocks.holder, from)))
    .returning({ name: jobLocks.name });
  return rows.length > 0 ? { name: lock.name, token, holderLabel: lock.holderLabel } : null;
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
  return { holder: row.holder, holderLabel: row.holderLabel, acquiredAt: row.acquiredAt, until: row.until };
}
