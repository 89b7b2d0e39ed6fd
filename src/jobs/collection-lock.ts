/**
 * One collection at a time per database. Every way of starting one (`cairn collect`, the
 * scheduler, the dashboard's "Collect now", the Worker's cron) takes the same lock row first;
 * the one that finds it taken says so instead of collecting. While it works, the holder renews
 * the lock and the leases of its running runs; a holder that died stops blocking when they
 * expire, and its runs are closed as failed ("interrupted") by the next one to start.
 * Under Node a holder that died on this host (killed, crashed: its process id no longer exists)
 * stops blocking at once: the next collection takes the lock over and closes its runs, instead
 * of waiting up to a lease (5 minutes). On Workers, and for a holder on another host, the lease
 * decides.
 */
import {
  acquireLock,
  holderProcess,
  type LockBusy,
  type LockHeld,
  type LockOwner,
  type LockRequest,
  releaseLock,
  renewLock,
  takeOverLock,
} from "../store/job-locks";
import { closeAbandonedRuns, closeRunsOfDeadCollection, RUN_LEASE_MS, renewRunLeases } from "../store/runs";
import type { Store } from "../store/store";
import { SOURCE as COST_EXPLORER_SOURCE } from "./collect";
import { CLOUDWATCH_SOURCE } from "./collect-cloudwatch";

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

/** The sources whose runs a collection starts (closed with it when its process died). */
const COLLECTION_SOURCES = [COST_EXPLORER_SOURCE, CLOUDWATCH_SOURCE];

/** This process, and whether another process of this host still exists (Node: src/cli/this-process.ts). */
export interface ProcessProbe {
  self: LockOwner;
  isAlive: (pid: number) => boolean;
}

export interface CollectionLockDeps {
  store: Store;
  now: () => Date;
  /** Absent on Workers: a dead holder is then known only by its lease running out. */
  processes?: ProcessProbe;
}

/** The lock, taken over from a holder that was a process of this host and no longer exists. */
async function takeOverFromDeadHolder(
  deps: CollectionLockDeps,
  request: LockRequest,
  busy: LockBusy,
): Promise<LockHeld | null> {
  const probe = deps.processes;
  const holder = holderProcess(busy.holder);
  if (!probe || !holder || holder.host !== probe.self.host || holder.pid === probe.self.pid) return null;
  if (probe.isAlive(holder.pid)) return null;
  const held = await takeOverLock(deps.store, request, busy.holder);
  if (held) {
    await closeRunsOfDeadCollection(deps.store, {
      sources: COLLECTION_SOURCES,
      since: busy.acquiredAt,
      now: deps.now(),
    });
  }
  return held;
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
  const request: LockRequest = {
    name: COLLECTION_LOCK,
    holderLabel,
    leaseMs: RUN_LEASE_MS,
    now: deps.now(),
    ...(deps.processes ? { owner: deps.processes.self } : {}),
  };
  const taken = await acquireLock(deps.store, request);
  let held: LockHeld;
  if ("busy" in taken) {
    const over = await takeOverFromDeadHolder(deps, request, taken.busy);
    if (!over) throw new CollectionBusyError(taken.busy);
    held = over;
  } else {
    held = taken.held;
  }
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
