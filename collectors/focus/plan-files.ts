/**
 * Which files of a folder or S3 prefix an import reads. Pure.
 *
 * AWS Data Exports writes each billing period to its own folder (`.../BILLING_PERIOD=2024-09/`),
 * possibly in several part files, and rewrites them as the month goes on. A period is replaced
 * as a whole, so when any file of a folder is new (unseen name and ETag), every data file of
 * that folder is read again; when several folders hold the same BILLING_PERIOD (exports that
 * keep each version), only the most recently written one counts.
 */
import { formatFromName } from "./formats";

export interface FocusObject {
  /** Path or `s3://bucket/key`: how the file is named in messages and remembered. */
  name: string;
  /** The folder it lies in (the part of the name before the last `/`). */
  dir: string;
  etag: string;
  sizeBytes: number;
  lastModified: Date | null;
}

export interface FilePlan {
  read: FocusObject[];
  /** Data files whose folder has nothing new since the last import. */
  unchanged: FocusObject[];
  /** Data files in an older version folder of a billing period. */
  superseded: FocusObject[];
}

/** Identity of a file version, as remembered after an import. */
export function fileVersionKey(name: string, etag: string): string {
  return `${name}\u0000${etag}`;
}

const BILLING_PERIOD = /billing_period=(\d{4}-\d{2})/i;

export function dirOf(name: string): string {
  const i = name.lastIndexOf("/");
  return i === -1 ? "" : name.slice(0, i);
}

export function planFiles(objects: readonly FocusObject[], seen: ReadonlySet<string>): FilePlan {
  const groups = new Map<string, FocusObject[]>();
  for (const o of objects) {
    if (formatFromName(o.name) === null) continue;
    const group = groups.get(o.dir) ?? [];
    group.push(o);
    groups.set(o.dir, group);
  }
  const newest = (files: FocusObject[]) => Math.max(...files.map((f) => f.lastModified?.getTime() ?? 0));
  const latestOfPeriod = new Map<string, string>();
  for (const [dir, files] of groups) {
    const period = BILLING_PERIOD.exec(dir)?.[1];
    if (!period) continue;
    const current = latestOfPeriod.get(period);
    const currentFiles = current === undefined ? undefined : groups.get(current);
    if (
      !currentFiles ||
      newest(files) > newest(currentFiles) ||
      (newest(files) === newest(currentFiles) && dir > (current ?? ""))
    ) {
      latestOfPeriod.set(period, dir);
    }
  }
  const plan: FilePlan = { read: [], unchanged: [], superseded: [] };
  for (const [dir, files] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const period = BILLING_PERIOD.exec(dir)?.[1];
    const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : 1));
    if (period && latestOfPeriod.get(period) !== dir) plan.superseded.push(...sorted);
    else if (sorted.some((f) => !seen.has(fileVersionKey(f.name, f.etag)))) plan.read.push(...sorted);
    else plan.unchanged.push(...sorted);
  }
  return plan;
}
