/**
 * Keeps one run's lease alive while its work makes progress. A FOCUS import can read for longer
 * than a lease (5 minutes) without holding the collection lock; without renewal, a collection
 * started meanwhile would close the import's run as "interrupted" while it is still working.
 * Renewal follows progress, not a timer: an import whose reading stalls for a whole lease is
 * as good as dead to everyone else, and the clock it reads is the one its tests control.
 */
import { RUN_LEASE_MS, renewRunLease } from "../store/runs";
import type { Store } from "../store/store";

/** Renew well inside the lease, so a slow stretch between two progress calls does not lose it. */
const RENEW_EVERY_MS = RUN_LEASE_MS / 5;

export interface RunLeaseKeeper {
  /** Called on progress: renews the lease when the last renewal is a fifth of a lease old. */
  touch(): void;
  /** Waits for the renewals started so far; the first failure is thrown here. */
  settle(): Promise<void>;
}

export function keepRunLease(store: Store, runId: number, now: () => Date): RunLeaseKeeper {
  let renewedAt = now().getTime();
  let pending: Promise<void> = Promise.resolve();
  return {
    touch() {
      const at = now();
      if (at.getTime() - renewedAt < RENEW_EVERY_MS) return;
      renewedAt = at.getTime();
      pending = pending.then(() => renewRunLease(store, runId, at));
    },
    settle: () => pending,
  };
}
