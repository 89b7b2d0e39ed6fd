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
const validDays = new Map<string, boolean>();

function validDay(day: string, y: number, m: number, d: number): boolean {
  let ok = validDays.get(day);
  if (ok === undefined) {
    const t = new Date(Date.UTC(y, m - 1, d));
    ok = t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
    if (validDays.size < 100_000) validDays.set(day, ok);
  }
  return ok;
}

/** The UTC day of an instant, null for a missing value, undefined when unreadable. */
export function dayOf(value: unknown): Day | null | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const s = textOf(value);
  if (s === null) return null;
  const m = UTC_INSTANT.exec(s);
  if (m) {
    const day = s.slice(0, 10);
    return validDay(day, Number(m[1]), Number(m[2]), Number(m[3])) ? day : undefined;
  }
  // Any other offset: let Date convert it to UTC.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{2}:?\d{2}$/.test(s)) return undefined;
  const t = new Date(s);
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString().slice(0, 10);
}

/** The value of one tag key from FOCUS `Tags` (a JSON object in CSV, a map in Parquet). */
export function tagValue(tags: unknown, key: string): string {
  if (tags === null || tags === undefined) return "";
  let obj: unknown = tags;
  if (typeof tags === "string") {
    // Most rows do not carry the key: skip JSON.parse for them.
    if (!tags.includes(key)) return "";
    try {
      obj = JSON.parse(tags);
    } catch {
      return "";
    }
  }
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
