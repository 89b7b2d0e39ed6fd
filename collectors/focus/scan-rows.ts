/**
 * Reads one FOCUS file's rows into the aggregate: each row parsed, bad rows reported with the
 * file and line (or Parquet row) and skipped, good ones summed. A header without a required
 * column refuses the whole file. Stops early when `onError` says so (too many errors).
 */
import { addCharge, type FocusAggregate } from "./aggregate";
import { type FocusVersion, readHeader } from "./columns";
import { cellReader, parseCharge } from "./parse-charge";
import type { RowSource } from "./read-rows";

export class FocusFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "FocusFileError";
  }
}

export interface RowError {
  file: string;
  unit: "line" | "row";
  position: number;
  message: string;
}

export function formatRowError(e: RowError): string {
  return e.unit === "line" ? `${e.file}:${e.position}: ${e.message}` : `${e.file}: row ${e.position}: ${e.message}`;
}

export interface FileScan {
  file: string;
  version: FocusVersion;
  rows: number;
  awsRows: number;
  otherRows: number;
  badRows: number;
  /** Billing periods (`YYYY-MM`) and billing accounts seen, sorted. */
  billingPeriods: string[];
  billingAccountIds: string[];
  /** True when `onError` asked to stop before the end of the file. */
  stopped: boolean;
}

export interface ScanOptions {
  pipelineTag: string;
  aggregate: FocusAggregate;
  /** Called for each bad row; return false to stop reading. */
  onError: (error: RowError) => boolean;
  onProgress?: (bytesRead: number, rows: number) => void;
}

export async function scanRows(file: string, source: RowSource, options: ScanOptions): Promise<FileScan> {
  const header = readHeader(source.header);
  if (source.header.length === 0) throw new FocusFileError(file, "the file is empty (no header)");
  if (header.missing.length > 0) {
    throw new FocusFileError(file, `not a FOCUS file: missing required column(s) ${header.missing.join(", ")}`);
  }
  const scan: FileScan = {
    file,
    version: source.allColumns ? readHeader(source.allColumns).version : header.version,
    rows: 0,
    awsRows: 0,
    otherRows: 0,
    badRows: 0,
    billingPeriods: [],
    billingAccountIds: [],
    stopped: false,
  };
  const periods = new Set<string>();
  const accounts = new Set<string>();
  const finish = () => {
    scan.billingPeriods = [...periods].sort();
    scan.billingAccountIds = [...accounts].sort();
    return scan;
  };
  const width = source.header.length;
  const tagCache = new Map<string, string>();
  for await (const batch of source.batches) {
    for (const row of batch.rows) {
      scan.rows += 1;
      let message: string | null = null;
      if (source.unit === "line" && row.cells.length !== width) {
        message = `expected ${width} fields, found ${row.cells.length}`;
      } else {
        const result = parseCharge(cellReader(header.index, row.cells), options.pipelineTag, tagCache);
        if (result.ok) {
          addCharge(options.aggregate, result.charge);
          periods.add(result.charge.billingPeriod);
          accounts.add(result.charge.billingAccountId);
          if (result.charge.isAws) scan.awsRows += 1;
          else scan.otherRows += 1;
        } else {
          message = result.error;
        }
      }
      if (message !== null) {
        scan.badRows += 1;
        if (!options.onError({ file, unit: source.unit, position: row.position, message })) {
          scan.stopped = true;
          await source.batches.return(undefined);
          return finish();
        }
      }
    }
    options.onProgress?.(batch.bytesRead, scan.rows);
  }
  return finish();
}
