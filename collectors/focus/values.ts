/**
 * Reading FOCUS cell values, whichever reader produced them: CSV gives strings (with the bare
 * word NULL or an empty field for a missing value), Parquet gives numbers, bigints, Dates and
 * objects. Pure; each function returns undefined for "cannot read" so the caller names the line.
 */
import type { Day } from "../../src/model";

/** A trimmed string, or null for a missing value. */
export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const s = value.trim();
    return s === "" || s === "NULL" || s === "null" ? null : s;
  }
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A finite number, null for a missing value, undefined when unreadable. */
export function numberOf(value: unknown): number | null | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "bigint") return Number(value);
  const s = textOf(value);
  if (s === null) return null;
  return NUMBER.test(s) ? Number(s) : undefined;
}

// `2024-09-01 00:00:00`, `2024-09-01T00:00:00Z`, `2024-09-01T00:00:00.000+00:00`: the date is UTC as written.
const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]00:?00)?$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (MONTH_DAYS[m - 1] as number) + (leap ? 1 : 0);
}

/** The UTC day of an instant, null for a missing value, undefined when unreadable. */
export function dayOf(value: unknown): Day | null | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const s = textOf(value);
  if (s === null) return null;
  const m = UTC_INSTANT.exec(s);
  if (m) {
    return validDay(Number(m[1]), Number(m[2]), Number(m[3])) ? s.slice(0, 10) : undefined;
  }
  // Any other offset: let Date convert it to UTC.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{2}:?\d{2}$/.test(s)) return undefined;
  const t = new Date(s);
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString().slice(0, 10);
}

const PARSED_TAGS_MAX = 10_000;

/**
 * The value of one tag key from FOCUS `Tags` (a JSON object in CSV, a map in Parquet).
 * Exports repeat the same few tag sets on millions of rows: with a cache (one per file read),
 * each distinct one is parsed once.
 */
export function tagValue(tags: unknown, key: string, parsedTags: Map<string, string> = new Map()): string {
  if (tags === null || tags === undefined) return "";
  if (typeof tags === "string") {
    // Most untagged rows do not even mention the key: skip the parse for them.
    if (!tags.includes(key)) return "";
    const cacheKey = `${key}\u0000${tags}`;
    let value = parsedTags.get(cacheKey);
    if (value === undefined) {
      let obj: unknown;
      try {
        obj = JSON.parse(tags);
      } catch {
        obj = null;
      }
      value = tagOf(obj, key);
      if (parsedTags.size >= PARSED_TAGS_MAX) parsedTags.clear();
      // A fresh copy: `tags` is a slice that would keep the reader's whole chunk alive.
      parsedTags.set(JSON.parse(JSON.stringify(cacheKey)) as string, value);
    }
    return value;
  }
  return tagOf(tags, key);
}

function tagOf(obj: unknown, key: string): string {
  if (Array.isArray(obj)) {
    for (const entry of obj) {
      const e = entry as { key?: unknown; value?: unknown };
      if (e && (e.key === key || e.key === `user:${key}`)) return textOf(e.value) ?? "";
    }
    return "";
  }
  if (obj instanceof Map) return textOf(obj.get(key) ?? obj.get(`user:${key}`)) ?? "";
  if (typeof obj === "object" && obj !== null) {
    const record = obj as Record<string, unknown>;
    return textOf(record[key] ?? record[`user:${key}`]) ?? "";
  }
  return "";
}
