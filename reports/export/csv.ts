/** RFC 4180 CSV output: fields quoted only when they hold a comma, quote or line break. */

export type Cell = string | number | boolean | null;

export function csvField(value: Cell): string {
  if (value === null) return "";
  const s = typeof value === "number" ? numberText(value) : String(value);
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
