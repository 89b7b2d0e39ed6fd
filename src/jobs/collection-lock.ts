/**
 * One collection at a time per database. Every way of starting one (`cairn collect`, the
 * scheduler, the dashboard's "Collect now", the Worker's cron) takes the same lock row first;
 * the one that finds it taken says so instead of collecting. While it works, the holder renews
 * the lock and the leases of its running runs; a holder that died stops blocking when they
 * expire, and its runs are closed as failed ("interrupted") by the next one to start.
 */
import { acquireLock, type LockBusy, releaseLock, renewLock } from "../store/job-locks";
import { closeAbandonedRuns, RUN_LEASE_MS, renewRunLeases } from "../store/runs";
import type { Store } from "../store/store";

export const COLLECTION_LOCK = "collection";
/** How often the holder renews (well inside the lease, so a slow step does not lose it). */
const RENEW_EVERY_MS = RUN_LEASE_MS / 5;

export class CollectionBusyError extends Error {
  constructor(readonly busy: LockBusy) {
    super(
      `a collection is already running on this database (started ${busy.acquiredAt.slice(0, 16).replace("T", " ")} UTC by ${busy.holderLabel}); ` +
        "try again when it has finished",
    );
    this.name = "CollectionBusyError";
  }
}

export interface CollectionLockDeps {
  store: Store;
  now: () => Date;
}

/**
 * Runs `work` holding the collection lock, or throws CollectionBusyError without running it.
 * Runs left "running" by a collection that died are closed first.
 */
export async function withCollectionLock<T>(
  deps: CollectionLockDeps,
  holderLabel: string,
  work: () => Promise<T>,
): Promise<T> {
  const taken = await acquireLock(deps.store, {
    name: COLLECTION_LOCK,
    holderLabel,
    leaseMs: RUN_LEASE_MS,
    now: deps.now(),
  });
  if ("busy" in taken) throw new CollectionBusyError(taken.busy);
  const held = taken.held;
  await closeAbandonedRuns(deps.store, deps.now());
  const renew = async () => {
    const now = deps.now();
    await renewLock(deps.store, held, now, RUN_LEASE_MS);
    await renewRunLeases(deps.store, now);
  };
  const timer = setInterval(() => {
    renew().catch(() => {
      // A renewal that failed (the database busy for a moment) is retried at the next tick.
    });
  }, RENEW_EVERY_MS);
  (timer as { unref?: () => void }).unref?.();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await releaseLock(deps.store, held);
  }
}
