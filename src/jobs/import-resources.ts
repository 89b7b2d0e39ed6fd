/**
 * The resource-line side of a FOCUS import, hooked into `importFocus` with a few lines: the
 * aggregate's resource buffer spills into the run's staging rows while files are read; once the
 * cost lines are written, every export the import read has its resource lines replaced; a failed
 * run deletes its staging rows and leaves the stored resource lines as they were.
 */
import type { FocusAggregate } from "../../collectors/focus/aggregate";
import { newResourceLineBuffer } from "../../collectors/focus/resource-lines";
import { clearStaging, type ResourceWrite, replaceResourceLines, resourceStaging } from "../store/resource-lines";
import type { Store } from "../store/store";

export interface ResourceImport {
  /** Writes the resource lines of every export read (call after the cost lines are written). */
  finish(): Promise<ResourceWrite>;
  /** Forgets what was staged. */
  abort(): Promise<void>;
}

export async function startResourceImport(
  store: Store,
  runId: number,
  aggregate: FocusAggregate,
  source: string,
): Promise<ResourceImport> {
  // Rows left by an import that was interrupted are never finished: drop them.
  await clearStaging(store);
  const staging = resourceStaging(store, runId);
  const buffer = newResourceLineBuffer(staging.spill);
  aggregate.resources = buffer;
  return {
    async finish() {
      buffer.flush();
      await staging.settle();
      const exports = [...aggregate.periods.values()].map((p) => ({
        billingAccountId: p.billingAccountId,
        billingPeriod: p.billingPeriod,
      }));
      return replaceResourceLines(store, runId, exports, buffer.resources.values(), source);
    },
    async abort() {
      await staging.settle().catch(() => {});
      await clearStaging(store, runId);
    },
  };
}
