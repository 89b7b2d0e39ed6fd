/**
 * The FOCUS import job: `(deps, args) -> summary`.
 *
 * Reads every file to import (one file, a folder, or an S3 prefix: there only files whose
 * folder has something new since the last import), streaming each and summing its rows to
 * cost-line keys per export (billing account x billing period). Bad rows are reported with file
 * and line and skipped; past `maxErrors` the run stops and writes nothing. Only after every file
 * is read does it write: each export's contribution replaces the previous one, then the cost
 * lines (source `focus`) of every month touched are rebuilt from all contributions, estimated,
 * and replace that month's imported lines for those accounts. Each step is idempotent, so a
 * run interrupted while writing is repaired by the next.
 */
import { tmpdir } from "node:os";
import type { S3Client } from "@aws-sdk/client-s3";
import { type FocusAggregate, newAggregate, type OtherProviderTotal } from "../../collectors/focus/aggregate";
import { listLocal, type OpenedRows, openLocal } from "../../collectors/focus/local-files";
import { type FocusObject, planFiles } from "../../collectors/focus/plan-files";
import { listS3, openS3, parseS3Url } from "../../collectors/focus/s3-files";
import { type FileScan, type RowError, scanRows } from "../../collectors/focus/scan-rows";
import { addDays, addMonths, firstDayOfMonth, toDay } from "../days";
import type { CostLine, Month } from "../model";
import { type EstimatedLine, replaceCostLines } from "../store/cost-lines";
import {
  recordImportFile,
  replaceExportLines,
  replaceOtherProviders,
  seenFileVersions,
  summedMonth,
  type TouchedMonths,
} from "../store/imports";
import { finishRun, startRun } from "../store/runs";
import type { Store } from "../store/store";
import { startResourceImport } from "./import-resources";

export const SOURCE = "focus";
/** Days after a month's end before its invoice is taken as final. */
const INVOICE_DAYS = 5;

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
  /** Resource lines written (per day, resource and cost-line key). */
  resourceLinesWritten?: number;
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

export function emptySummary(target: string): ImportSummary {
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

async function readAll(
  deps: ImportFocusDeps,
  args: ImportFocusArgs,
  planned: Planned,
  summary: ImportSummary,
  aggregate: FocusAggregate,
): Promise<void> {
  for (const [i, object] of planned.read.entries()) {
    const opened = await planned.open(object);
    try {
      const scan = await scanRows(object.name, opened.source, {
        pipelineTag: args.pipelineTag,
        aggregate,
        onError: (error) => {
          summary.badRows += 1;
          if (summary.errors.length <= args.maxErrors) summary.errors.push(error);
          return summary.badRows <= args.maxErrors;
        },
        onProgress: (bytesRead, rows) =>
          deps.onProgress?.({
            file: object.name,
            index: i + 1,
            files: planned.read.length,
            bytesRead,
            sizeBytes: object.sizeBytes,
            rows,
          }),
      });
      summary.files.push(scan);
      summary.rows += scan.rows;
      summary.awsRows += scan.awsRows;
      summary.otherProviderRows += scan.otherRows;
      if (scan.stopped) return;
    } finally {
      await opened.close();
    }
  }
}

function toCostLine(line: Awaited<ReturnType<typeof summedMonth>>[number], estimated: boolean): CostLine {
  return { ...line, estimated, source: SOURCE };
}

/** Replaces each export's contribution and rebuilds the months it touches (also used by the Athena path). */
export async function write(
  deps: Pick<ImportFocusDeps, "store" | "now" | "estimate">,
  summary: ImportSummary,
  aggregate: FocusAggregate,
  at: string,
) {
  const touched: TouchedMonths = new Map();
  for (const period of aggregate.periods.values()) {
    const key = { billingAccountId: period.billingAccountId, billingPeriod: period.billingPeriod };
    await replaceExportLines(deps.store, key, period.lines.values(), touched);
    let cost = 0;
    for (const l of period.lines.values()) cost += l.unblendedCostUsd;
    summary.periods.push({
      ...key,
      awsRows: period.rows,
      correctionRows: period.correctionRows,
      lines: period.lines.size,
      unblendedCostUsd: cost,
    });
  }
  const exports = new Map<string, { billingAccountId: string; billingPeriod: Month; totals: OtherProviderTotal[] }>();
  for (const period of aggregate.periods.values()) {
    exports.set(`${period.billingAccountId}\u0000${period.billingPeriod}`, { ...period, totals: [] });
  }
  for (const other of aggregate.others.values()) {
    const k = `${other.billingAccountId}\u0000${other.billingPeriod}`;
    const entry = exports.get(k) ?? {
      billingAccountId: other.billingAccountId,
      billingPeriod: other.billingPeriod,
      totals: [],
    };
    entry.totals.push(other);
    exports.set(k, entry);
  }
  for (const e of exports.values()) await replaceOtherProviders(deps.store, e, e.totals);
  summary.otherProviders = [...aggregate.others.values()];

  const today = toDay(deps.now());
  for (const [month, accounts] of [...touched].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const from = firstDayOfMonth(month);
    const to = firstDayOfMonth(addMonths(month, 1));
    // A month still open, or closed so recently that its invoice may not be final, is an estimate.
    const estimated = today < addDays(to, INVOICE_DAYS);
    const lines = (await summedMonth(deps.store, month, [...accounts])).map((l) => toCostLine(l, estimated));
    const written = await replaceCostLines(
      deps.store,
      { from, to, accountIds: [...accounts], source: SOURCE },
      deps.estimate(lines),
      at,
    );
    summary.months.push({ month, lines: written });
    summary.costLinesWritten += written;
  }
}

export async function importFocus(deps: ImportFocusDeps, args: ImportFocusArgs): Promise<ImportSummary> {
  const startedAt = deps.now().toISOString();
  const summary = emptySummary(args.target);
  const planned = await plan(deps, args.target);
  summary.unchangedFiles = planned.unchanged;
  summary.supersededFiles = planned.superseded;
  if (planned.read.length === 0) return summary;

  const runId = await startRun(deps.store, { source: SOURCE, startedAt });
  const aggregate = newAggregate();
  const resources = await startResourceImport(deps.store, runId, aggregate, SOURCE);
  try {
    await readAll(deps, args, planned, summary, aggregate);
    if (summary.badRows > args.maxErrors) {
      throw new ImportRefusedError(
        `stopped after ${summary.badRows} bad rows (CAIRN_IMPORT_MAX_ERRORS=${args.maxErrors}); nothing was written`,
      );
    }
    const at = deps.now().toISOString();
    await write(deps, summary, aggregate, at);
    summary.resourceLinesWritten = (await resources.finish()).lines;
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
    await resources.abort();
    await finishRun(deps.store, runId, { finishedAt: deps.now().toISOString(), status: "failed", error: message });
    return { ...summary, status: "failed", error: message, periods: [], months: [], costLinesWritten: 0 };
  }
}
