/**
 * Carbon export files to rows, streamed: a local file or folder, or an s3:// prefix (listed
 * like FOCUS exports). CSV (plain or gzip) is read chunk by chunk; Parquet a slice of rows at a
 * time, only the carbon columns decoded (an S3 Parquet object is first copied to a temporary
 * file: Parquet needs random access). `position` is the CSV line or the Parquet row, 1-based.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import type { S3Client } from "@aws-sdk/client-s3";
import { asyncBufferFromFile, parquetMetadataAsync, parquetRead, parquetSchema } from "hyparquet";
import { csvRecordBatches } from "../csv-records";
import { formatFromBytes, formatFromName } from "../focus/formats";
import { listLocal, sniff } from "../focus/local-files";
import { listS3, parseS3Url } from "../focus/s3-files";
import { s3Package } from "../focus/s3-package";
import { CARBON_EXPORT_COLUMNS } from "./columns";

export interface CarbonFileRow {
  position: number;
  /** Cells by lower-case column name. */
  cells: Record<string, unknown>;
}

export interface CarbonFile {
  name: string;
  header: string[];
  unit: "line" | "row";
  rows: AsyncGenerator<CarbonFileRow[]>;
  close: () => Promise<void>;
}

const PARQUET_SLICE_ROWS = 10_000;

async function csvFile(name: string, bytes: Readable, gzip: boolean, close: () => Promise<void>): Promise<CarbonFile> {
  const text = gzip ? bytes.pipe(createGunzip()) : bytes;
  if (gzip) bytes.on("error", (e) => text.destroy(e));
  text.setEncoding("utf8");
  const records = csvRecordBatches(text as AsyncIterable<string>);
  const first = await records.next();
  const batch = first.done ? [] : first.value;
  const header = (batch[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  const toRow = (r: { line: number; fields: string[] }): CarbonFileRow => ({
    position: r.line,
    cells: Object.fromEntries(header.map((h, i) => [h, r.fields[i]])),
  });
  async function* rows(): AsyncGenerator<CarbonFileRow[]> {
    if (batch.length > 1) yield batch.slice(1).map(toRow);
    for await (const b of records) yield b.map(toRow);
  }
  return { name, header, unit: "line", rows: rows(), close };
}

async function parquetFile(name: string, path: string, close: () => Promise<void>): Promise<CarbonFile> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const all = parquetSchema(metadata).children.map((c) => c.element.name);
  const wanted = all.filter((c) => (CARBON_EXPORT_COLUMNS as readonly string[]).includes(c.toLowerCase()));
  const total = Number(metadata.num_rows);
  async function* rows(): AsyncGenerator<CarbonFileRow[]> {
    for (let start = 0; start < total; start += PARQUET_SLICE_ROWS) {
      const end = Math.min(total, start + PARQUET_SLICE_ROWS);
      let slice: unknown[][] = [];
      await parquetRead({
        file,
        metadata,
        columns: wanted,
        rowStart: start,
        rowEnd: end,
        onComplete: (r: unknown[][]) => {
          slice = r;
        },
      });
      yield slice.map((cells, i) => ({
        position: start + i + 1,
        cells: Object.fromEntries(wanted.map((c, j) => [c.toLowerCase(), cells[j]])),
      }));
    }
  }
  return { name, header: all.map((c) => c.toLowerCase()), unit: "row", rows: rows(), close };
}

async function openLocalFile(path: string): Promise<CarbonFile> {
  const format = formatFromBytes(await sniff(path));
  if (format === "parquet") return parquetFile(path, path, async () => {});
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  return csvFile(path, stream, format === "csv.gz", async () => void stream.destroy());
}

async function openS3File(s3: S3Client, name: string): Promise<CarbonFile> {
  const location = parseS3Url(name);
  if (!location) throw new Error(`not an S3 object name: ${name}`);
  const response = await s3.send(new (s3Package().GetObjectCommand)({ Bucket: location.bucket, Key: location.prefix }));
  const body = response.Body as Readable | undefined;
  if (!body) throw new Error(`${name}: GetObject returned no body`);
  const format = formatFromName(name);
  if (format === "parquet") {
    const dir = await mkdtemp(join(tmpdir(), "cairn-carbon-"));
    const path = join(dir, "export.parquet");
    await pipeline(body, createWriteStream(path));
    return parquetFile(name, path, () => rm(dir, { recursive: true, force: true }));
  }
  return csvFile(name, body, format === "csv.gz", async () => void body.destroy());
}

/** The files of a target: a file, a folder's data files, or an s3:// prefix's objects. */
export async function listCarbonFiles(target: string, s3?: S3Client): Promise<string[]> {
  const location = parseS3Url(target);
  if (location) {
    if (!s3) throw new Error("an S3 client is needed to read s3:// targets");
    return (await listS3(s3, location)).map((o) => o.name);
  }
  return (await listLocal(target)).objects.map((o) => o.name);
}

export function openCarbonFile(name: string, s3?: S3Client): Promise<CarbonFile> {
  if (name.startsWith("s3://")) {
    if (!s3) throw new Error("an S3 client is needed to read s3:// targets");
    return openS3File(s3, name);
  }
  return openLocalFile(name);
}
