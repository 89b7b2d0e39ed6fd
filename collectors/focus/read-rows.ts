/**
 * FOCUS files to batches of rows, in constant memory: CSV (plain or gzip) from any byte
 * stream, Parquet from a local file one slice of a row group at a time (Parquet needs random
 * access, so S3 objects are first copied to a temporary file). The first batch carries the
 * header; `position` is the CSV line or the Parquet row (1-based) for error messages.
 */
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import { type CsvOptions, csvRecordBatches } from "../csv-records";
import { FOCUS_COLUMNS } from "./columns";
import { gzipError, parquetError } from "./damaged-file";
import { inflateLimit } from "./inflate-limit";

export interface RowBatch {
  rows: { position: number; cells: unknown[] }[];
  /** Bytes of the source consumed so far (compressed bytes for gzip), for progress. */
  bytesRead: number;
}

export interface RowSource {
  /** The columns of `cells`, in order. */
  header: string[];
  /** Every column of the file, when `header` is a selection of them (Parquet). */
  allColumns?: string[];
  /** `line` for CSV, `row` for Parquet. */
  unit: "line" | "row";
  batches: AsyncGenerator<RowBatch>;
}

/** Counts bytes as they pass, without buffering. */
function counted(stream: Readable, counter: { bytes: number }): Readable {
  stream.on("data", (chunk: Buffer) => {
    counter.bytes += chunk.length;
  });
  return stream;
}

export async function csvRows(bytes: Readable, gzip: boolean): Promise<RowSource> {
  const counter = { bytes: 0 };
  counted(bytes, counter);
  let text: Readable = bytes;
  if (gzip) {
    const gunzip = bytes.pipe(createGunzip());
    text = gunzip.pipe(inflateLimit(() => counter.bytes));
    bytes.on("error", (e) => gunzip.destroy(e));
    gunzip.on("error", (e) => text.destroy(gzipError(e)));
  }
  text.setEncoding("utf8");
  const options: CsvOptions = { wanted: null };
  const records = csvRecordBatches(text as AsyncIterable<string>, options);
  const first = await records.next();
  if (first.done || first.value.length === 0) {
    return { header: [], unit: "line", batches: (async function* () {})() };
  }
  const [head, ...rest] = first.value;
  const known = new Set<string>(FOCUS_COLUMNS);
  options.wanted = (head?.fields ?? []).map((name) => known.has(name.trim()));
  async function* batches(): AsyncGenerator<RowBatch> {
    if (rest.length > 0)
      yield { rows: rest.map((r) => ({ position: r.line, cells: r.fields })), bytesRead: counter.bytes };
    for await (const batch of records) {
      yield { rows: batch.map((r) => ({ position: r.line, cells: r.fields })), bytesRead: counter.bytes };
    }
  }
  return { header: head?.fields ?? [], unit: "line", batches: batches() };
}

/** Rows decoded per read: bounds memory whatever the row-group size. */
const PARQUET_SLICE_ROWS = 20_000;

export async function parquetRows(path: string): Promise<RowSource> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file).catch((e: unknown) => {
    throw parquetError(e);
  });
  const topLevel = new Set(parquetSchema(metadata).children.map((c) => c.element.name));
  // Only the columns Cairn reads are decoded.
  const header: string[] = FOCUS_COLUMNS.filter((c) => topLevel.has(c));
  const total = Number(metadata.num_rows);
  async function* batches(): AsyncGenerator<RowBatch> {
    let groupStart = 0;
    for (const group of metadata.row_groups) {
      const groupEnd = groupStart + Number(group.num_rows);
      for (let start = groupStart; start < groupEnd; start += PARQUET_SLICE_ROWS) {
        const end = Math.min(groupEnd, start + PARQUET_SLICE_ROWS);
        let rows: unknown[][] = [];
        await parquetRead({
          file,
          metadata,
          columns: header,
          rowStart: start,
          rowEnd: end,
          onComplete: (r: unknown[][]) => {
            rows = r;
          },
        }).catch((e: unknown) => {
          throw parquetError(e);
        });
        yield {
          rows: rows.map((cells, i) => ({ position: start + i + 1, cells })),
          bytesRead: Math.round((file.byteLength * end) / Math.max(1, total)),
        };
      }
      groupStart = groupEnd;
    }
  }
  return { header, allColumns: [...topLevel], unit: "row", batches: batches() };
}
