/**
 * The FOCUS import job: `(deps, args) -> summary`.
 *
 * Reads every file to import (one file, a folder, or an S3 prefix: there only files whose
 * folder has something new since the last import), streaming each and summing its rows to
 * cost-line keys per export (billing account x billing period). Bad rows are reported with file
 * and line and skipped; past `maxErrors` the run stops and writes nothing. A file that does not
 * read to a clean end (truncated, corrupt, a decompression bomb) refuses the run: nothing is
 * written. Sums are flushed to a private staging table whenever they pass a bound, so memory
 * does not grow with the file. Only after every file is read does it write, one transaction per
 * export: its contribution replaces the previous one and the cost lines (source `focus`) of every
 * month touched are rebuilt from all contributions, day by day, estimated, and replace those
 * days' imported lines for those accounts. Each step is idempotent.
 */
import { tmpdir } from "node:os";
import type { S3Client } from "@aws-sdk/client-s3";
import {
  type FocusAggregate,
  newAggregate,
  type OtherProviderTotal,
  periodKey,
} from "../../collectors/focus/aggregate";
import { DamagedFileError } from "../../collectors/focus/damaged-file";
import { listLocal, type OpenedRows, openLocal } from "../../collectors/focus/local-files";
import { type FocusObject, planFiles } from "../../collectors/focus/plan-files";
import { listS3, openS3, parseS3Url } from "../../collectors/focus/s3-files";
import { type FileScan, FocusFileError, type RowError, scanRows } from "../../collectors/focus/scan-rows";
import { addDays, addMonths, firstDayOfMonth, toDay } from "../days";
import type { CostLine, Month } from "../model";
import { canonicalLines } from "../store/canonical-lines";
import { type EstimatedLine, replaceCostLinesSqlite } from "../store/cost-lines";
import { refreshCostRollup } from "../store/cost-rollup";
import { commitStagedExport, summedDay } from "../store/import-commit";
import { openStaging, type SqliteStore, type Staging } from "../store/import-staging";
import {
  recordImportFile,
  replaceOtherProviders,
  type SummedLine,
  seenFileVersions,
  type TouchedMonths,
} from "../store/imports";
import { finishRun, startRun } from "../store/runs";
import { readDb, type Store } from "../store/store";
import { importFailureKind } from "./import-failure-kind";
import { keepRunLease, type RunLeaseKeeper } from "./run-lease-keeper";

export const SOURCE = "focus";
/** Days after a month's end before its invoice is taken as final. */
const INVOICE_DAYS = 5;
/**
 * Distinct cost-line keys held in memory before they are flushed to the staging table: about
 * 300 bytes each, so a few tens of MB whatever the file's size or number of months.
 */
export const FLUSH_KEYS = 50_000;

export interface ImportProgress {
  file: string;
  /** 1-based index of the file being read, out of `files`. */
  index: number;
  files: number;
  bytesRead: number;
  sizeBytes: number;
  rows: number;
}

export interface ImportFocusDeps {
  store: Store;
  now: () => Date;
  /** The carbon engine: footprints for a batch of lines (one month at a time). */
  estimate: (lines: CostLine[]) => EstimatedLine[];
  /** Needed for s3:// targets only. */
  s3?: S3Client;
  /** Where Parquet objects from S3 are copied while read (default: the OS temp folder). */
  tempDir?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Keys held in memory before a flush to staging (default FLUSH_KEYS; tests lower it). */
  flushKeys?: number;
  /**
   * Called after each flush to staging, each file read and each day rebuilt: a full GC under Node
   * (src/cli/full-gc.ts). About 10 ms each on the import's small live heap.
   */
  releaseMemory?: () => void;
}

export interface ImportFocusArgs {
  /** A file, a folder, or `s3://bucket/prefix/`. */
  target: string;
  pipelineTag: string;
  /** Bad rows tolerated; one more stops the run without writing. */
  maxErrors: number;
}

export interface PeriodSummary {
  billingAccountId: string;
  billingPeriod: Month;
  awsRows: number;
  correctionRows: number;
  /** Cost-line keys the export contributes to. */
  lines: number;
  unblendedCostUsd: number;
}

export interface ImportSummary {
  status: "succeeded" | "failed";
  target: string;
  files: FileScan[];
  unchangedFiles: number;
  supersededFiles: number;
  rows: number;
  awsRows: number;
  otherProviderRows: number;
  /** Every bad row counted; `errors` holds the first `maxErrors + 1` of them. */
  badRows: number;
  errors: RowError[];
  periods: PeriodSummary[];
  /** Months whose imported cost lines were rebuilt, with their line count. */
  months: { month: Month; lines: number }[];
  costLinesWritten: number;
  otherProviders: OtherProviderTotal[];
  error: string | null;
}

export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefusedError";
  }
}

interface Planned {
  read: FocusObject[];
  unchanged: number;
  superseded: number;
  open: (o: FocusObject) => Promise<OpenedRows>;
}

async function plan(deps: ImportFocusDeps, target: string): Promise<Planned> {
  const s3Location = parseS3Url(target);
  if (s3Location) {
    const s3 = deps.s3;
    if (!s3) throw new ImportRefusedError("no S3 client configured");
    const objects = await listS3(s3, s3Location);
    const p = planFiles(objects, await seenFileVersions(deps.store));
    const tempDir = deps.tempDir ?? tmpdir();
    return {
      read: p.read,
      unchanged: p.unchanged.length,
      superseded: p.superseded.length,
      open: (o) => openS3(s3, o, tempDir),
    };
  }
  const { objects, isDirectory } = await listLocal(target);
  if (!isDirectory) return { read: objects, unchanged: 0, superseded: 0, open: (o) => openLocal(o.name) };
  const p = planFiles(objects, await seenFileVersions(deps.store));
  return {
    read: p.read,
    unchanged: p.unchanged.length,
    superseded: p.superseded.length,
    open: (o) => openLocal(o.name),
  };
}

function emptySummary(target: string): ImportSummary {
  return {
    status: "succeeded",
    target,
    files: [],
    unchangedFiles: 0,
    supersededFiles: 0,
    rows: 0,
    awsRows: 0,
    otherProviderRows: 0,
    badRows: 0,
    errors: [],
    periods: [],
    months: [],
    costLinesWritten: 0,
    otherProviders: [],
    error: null,
  };
}

/**
 * Moves the in-memory sums to the staging table once they pass `limit` keys. The sums just
 * moved lived long enough to reach V8's old generation, which V8 collects only when its growing
 * limit is hit: they are collected now, before the next ones take their place.
 */
function flush(aggregate: FocusAggregate, staging: Staging, limit: number, release?: () => void): void {
  let keys = 0;
  for (const period of aggregate.periods.values()) keys += period.lines.size;
  if (keys < limit) return;
  for (const period of aggregate.periods.values()) {
    staging.add(period, period.lines.values());
    period.lines.clear();
  }
  release?.();
}

async function readAll(
  deps: ImportFocusDeps,
  args: ImportFocusArgs,
  planned: Planned,
  summary: ImportSummary,
  aggregate: FocusAggregate,
  staging: Staging,
  lease: RunLeaseKeeper,
): Promise<void> {
  const limit = deps.flushKeys ?? FLUSH_KEYS;
  for (const [i, object] of planned.read.entries()) {
    let opened: OpenedRows | null = null;
    try {
      opened = await planned.open(object);
      const scan = await scanRows(object.name, opened.source, {
        pipelineTag: args.pipelineTag,
        aggregate,
        onError: (error) => {
          summary.badRows += 1;
          if (summary.errors.length <= args.maxErrors) summary.errors.push(error);
          return summary.badRows <= args.maxErrors;
        },
        onProgress: (bytesRead, rows) => {
          lease.touch();
          flush(aggregate, staging, limit, deps.releaseMemory);
          deps.onProgress?.({
            file: object.name,
            index: i + 1,
            files: planned.read.length,
            bytesRead,
            sizeBytes: object.sizeBytes,
            rows,
          });
        },
      });
      deps.releaseMemory?.();
      summary.files.push(scan);
      summary.rows += scan.rows;
      summary.awsRows += scan.awsRows;
      summary.otherProviderRows += scan.otherRows;
      if (scan.stopped) return;
    } catch (error) {
      // A file that does not read to its end is refused whole, by name.
      if (error instanceof DamagedFileError) throw new FocusFileError(object.name, error.message);
      throw error;
    } finally {
      await opened?.close();
    }
  }
  flush(aggregate, staging, 0);
}

function toCostLine(line: SummedLine, estimated: boolean): CostLine {
  return { ...line, estimated, source: SOURCE };
}

/**
 * Rebuilds the imported cost lines of the touched months, one day at a time (bounded memory).
 * Each day's lines survive long enough to be promoted to V8's old generation: a full collection
 * after each day keeps the heap at one day's lines (measured on a 3-month file: without it the
 * heap grew by about 25 MB of dead days within one period's transaction).
 */
function rebuild(deps: ImportFocusDeps, store: SqliteStore, touched: TouchedMonths, at: string): Map<Month, number> {
  const today = toDay(deps.now());
  const written = new Map<Month, number>();
  for (const [month, set] of [...touched].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const accountIds = [...set];
    const end = firstDayOfMonth(addMonths(month, 1));
    // A month still open, or closed so recently that its invoice may not be final, is an estimate.
    const estimated = today < addDays(end, INVOICE_DAYS);
    let lines = 0;
    for (let day = firstDayOfMonth(month); day < end; day = addDays(day, 1)) {
      const summed = canonicalLines(summedDay(store, day, accountIds)).map((l) => toCostLine(l, estimated));
      lines += replaceCostLinesSqlite(
        store,
        { from: day, to: addDays(day, 1), accountIds, source: SOURCE },
        deps.estimate(summed),
        at,
      );
      deps.releaseMemory?.();
    }
    written.set(month, lines);
  }
  return written;
}

async function write(
  deps: ImportFocusDeps,
  store: SqliteStore,
  summary: ImportSummary,
  aggregate: FocusAggregate,
  at: string,
): Promise<void> {
  const others = new Map<string, { billingAccountId: string; billingPeriod: Month; totals: OtherProviderTotal[] }>();
  for (const other of aggregate.others.values()) {
    const k = periodKey(other.billingAccountId, other.billingPeriod);
    const entry = others.get(k) ?? {
      billingAccountId: other.billingAccountId,
      billingPeriod: other.billingPeriod,
      totals: [],
    };
    entry.totals.push(other);
    others.set(k, entry);
  }
  const months = new Map<Month, number>();
  for (const [k, period] of aggregate.periods) {
    const key = { billingAccountId: period.billingAccountId, billingPeriod: period.billingPeriod };
    const committed = commitStagedExport(store, key, others.get(k)?.totals ?? [], (touched) => {
      for (const [month, lines] of rebuild(deps, store, touched, at)) months.set(month, lines);
    });
    others.delete(k);
    deps.releaseMemory?.();
    summary.periods.push({
      ...key,
      awsRows: period.rows,
      correctionRows: period.correctionRows,
      lines: committed.lines,
      unblendedCostUsd: committed.unblendedCostUsd,
    });
  }
  // Exports with other providers' rows only.
  for (const e of others.values()) await replaceOtherProviders(store, e, e.totals);
  summary.otherProviders = [...aggregate.others.values()];
  for (const [month, lines] of [...months].sort(([a], [b]) => (a < b ? -1 : 1))) {
    summary.months.push({ month, lines });
    summary.costLinesWritten += lines;
  }
  // The periods committed their own transactions: the writer brings the rollups up to date.
  await refreshCostRollup(readDb(store));
}

export async function importFocus(deps: ImportFocusDeps, args: ImportFocusArgs): Promise<ImportSummary> {
  const startedAt = deps.now().toISOString();
  const summary = emptySummary(args.target);
  const planned = await plan(deps, args.target);
  summary.unchangedFiles = planned.unchanged;
  summary.supersededFiles = planned.superseded;
  if (planned.read.length === 0) return summary;

  const store = deps.store;
  if (store.kind !== "sqlite") throw new ImportRefusedError("FOCUS files are imported under Node (cairn import)");
  const runId = await startRun(store, { source: SOURCE, startedAt });
  const aggregate = newAggregate();
  const staging = openStaging(store);
  const lease = keepRunLease(store, runId, deps.now);
  try {
    await readAll(deps, args, planned, summary, aggregate, staging, lease);
    // The write below is synchronous: it starts with a fresh lease.
    lease.touch();
    await lease.settle();
    if (summary.badRows > args.maxErrors) {
      throw new ImportRefusedError(
        `stopped after ${summary.badRows} bad rows (CAIRN_IMPORT_MAX_ERRORS=${args.maxErrors}); nothing was written`,
      );
    }
    const at = deps.now().toISOString();
    await write(deps, store, summary, aggregate, at);
    for (const [i, object] of planned.read.entries()) {
      const scan = summary.files[i];
      if (!scan) continue;
      await recordImportFile(deps.store, {
        name: object.name,
        etag: object.etag,
        sizeBytes: object.sizeBytes,
        importedAt: at,
        focusVersion: scan.version,
        billingPeriods: scan.billingPeriods.join(","),
        billingAccountIds: scan.billingAccountIds.join(","),
        rows: scan.rows,
        awsRows: scan.awsRows,
        otherProviderRows: scan.otherRows,
        badRows: scan.badRows,
      });
    }
    await finishRun(deps.store, runId, {
      finishedAt: deps.now().toISOString(),
      status: "succeeded",
      rowsWritten: summary.costLinesWritten,
    });
    return summary;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(deps.store, runId, {
      finishedAt: deps.now().toISOString(),
      status: "failed",
      error: message,
      errorKind: importFailureKind(error),
    });
    return { ...summary, status: "failed", error: message, periods: [], months: [], costLinesWritten: 0 };
  } finally {
    staging.close();
  }
}
