/**
 * FOCUS files in S3: listed with ListObjectsV2 (every page), read with GetObject as a stream.
 * Parquet needs random access, so an object is first copied to a temporary file, removed after.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { S3Client } from "@aws-sdk/client-s3";
import { formatFromName } from "./formats";
import type { OpenedRows } from "./local-files";
import { dirOf, type FocusObject } from "./plan-files";
import { csvRows, parquetRows } from "./read-rows";
import { s3Package } from "./s3-package";

export interface S3Location {
  bucket: string;
  prefix: string;
}

/** `s3://bucket/prefix/` to its parts; null when not an s3:// URL. */
export function parseS3Url(target: string): S3Location | null {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(target);
  if (!m?.[1]) return null;
  return { bucket: m[1], prefix: m[2] ?? "" };
}

export function s3Name(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

export async function listS3(s3: S3Client, location: S3Location): Promise<FocusObject[]> {
  const objects: FocusObject[] = [];
  const pages = s3Package().paginateListObjectsV2({ client: s3 }, { Bucket: location.bucket, Prefix: location.prefix });
  for await (const page of pages) {
    for (const o of page.Contents ?? []) {
      if (!o.Key || formatFromName(o.Key) === null) continue;
      const name = s3Name(location.bucket, o.Key);
      objects.push({
        name,
        dir: dirOf(name),
        etag: (o.ETag ?? "").replaceAll('"', ""),
        sizeBytes: o.Size ?? 0,
        lastModified: o.LastModified ?? null,
      });
    }
  }
  return objects;
}

export async function openS3(s3: S3Client, object: FocusObject, tempDir: string): Promise<OpenedRows> {
  const location = parseS3Url(object.name);
  if (!location) throw new Error(`not an S3 object name: ${object.name}`);
  const response = await s3.send(new (s3Package().GetObjectCommand)({ Bucket: location.bucket, Key: location.prefix }));
  const body = response.Body as Readable | undefined;
  if (!body) throw new Error(`${object.name}: GetObject returned no body`);
  const format = formatFromName(object.name);
  if (format === "parquet") {
    const dir = await mkdtemp(join(tempDir, "cairn-focus-"));
    const path = join(dir, "export.parquet");
    await pipeline(body, createWriteStream(path));
    return { source: await parquetRows(path), close: () => rm(dir, { recursive: true, force: true }) };
  }
  return { source: await csvRows(body, format === "csv.gz"), close: async () => void body.destroy() };
}
