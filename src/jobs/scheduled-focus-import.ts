/**
 * The scheduled import of the configured FOCUS export (CAIRN_FOCUS_EXPORT: a folder or
 * s3://bucket/prefix/), run by `cairn serve`'s collection after Cost Explorer and CloudWatch.
 * Files already imported (same name and ETag) are skipped, so a run with nothing new only lists
 * the export: that is a successful check (the export is reachable and Cairn holds all of it) and
 * is recorded as such, so /healthz and the stale-data alert can watch this source like the
 * others. A failure before the import's own run (listing S3, opening the folder) is recorded
 * here with its kind. Node only: Workers cannot read FOCUS files.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import type { CostLine } from "../model";
import type { EstimatedLine } from "../store/cost-lines";
import { finishRun, startRun } from "../store/runs";
import type { Store } from "../store/store";
import { importFailureKind } from "./import-failure-kind";
import { importFocus } from "./import-focus";

export const FOCUS_SOURCE = "focus";

export interface ScheduledFocusDeps {
  store: Store;
  now: () => Date;
  estimate: (lines: CostLine[]) => EstimatedLine[];
  /** Built on first use, for s3:// targets only. */
  s3: () => S3Client;
}

export interface ScheduledFocusArgs {
  target: string;
  pipelineTag: string;
  maxErrors: number;
}

/** Imports what is new in the export; returns a one-line summary, throws on failure (recorded). */
export async function scheduledFocusImport(deps: ScheduledFocusDeps, args: ScheduledFocusArgs): Promise<string> {
  const startedAt = deps.now().toISOString();
  const isS3 = args.target.startsWith("s3://");
  let summary: Awaited<ReturnType<typeof importFocus>>;
  try {
    summary = await importFocus(
      { store: deps.store, now: deps.now, estimate: deps.estimate, ...(isS3 ? { s3: deps.s3() } : {}) },
      { target: args.target, pipelineTag: args.pipelineTag, maxErrors: args.maxErrors },
    );
  } catch (error) {
    const message = `could not list or read ${args.target}: ${(error as Error)?.message ?? String(error)}`;
    const id = await startRun(deps.store, { source: FOCUS_SOURCE, startedAt });
    await finishRun(deps.store, id, {
      finishedAt: deps.now().toISOString(),
      status: "failed",
      error: message,
      errorKind: importFailureKind(error),
    });
    throw new Error(message);
  }
  // The import recorded its own run when it read files; its failure is already recorded.
  if (summary.status === "failed") throw new Error(summary.error ?? "the FOCUS import failed");
  if (summary.files.length === 0) {
    const id = await startRun(deps.store, { source: FOCUS_SOURCE, startedAt });
    await finishRun(deps.store, id, { finishedAt: deps.now().toISOString(), status: "succeeded", rowsWritten: 0 });
    return `nothing new in ${args.target} (${summary.unchangedFiles} file(s) already imported)`;
  }
  return `${summary.files.length} file(s) imported from ${args.target}, ${summary.costLinesWritten} cost lines written`;
}
