/**
 * Cairn's one CSV writer (exports, open data, the explorer's download, `cairn estimate`):
 * RFC 4180, fields quoted only when they hold a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return: a service
 * name or tag value from an imported file) gets a leading apostrophe, so it stays text.
 * Numbers are written as numbers, negative ones included.
 */

export type Cell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: Cell): string {
  if (value === null) return "";
  let s = typeof value === "number" ? numberText(value) : String(value);
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Numbers without float noise in the last bits (12 significant digits), never in exponent form for money. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (Number.isInteger(n)) return String(n);
  const rounded = Number(n.toPrecision(12));
  const text = String(rounded);
  return text.includes("e") ? rounded.toFixed(12).replace(/0+$/, "") : text;
}

export function csvLine(values: readonly Cell[]): string {
  return `${values.map(csvField).join(",")}\n`;
}
