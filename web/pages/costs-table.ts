/**
 * The explorer's table as plain values, shared by the page and the CSV download so the file
 * holds exactly what the page shows: same rows, same order, same rounding. Pure. With two
 * dimensions each row carries its sub-rows; with a comparison, the previous period's cost and
 * the change.
 */
import { csvField } from "../../reports/export/csv";
import type { Currency, GroupBy } from "../../src/model";
import type { ExploreDimension } from "../../src/store/read/cost-explorer";

export interface ExplorerRow {
  /** The key as shown: `(untagged)` for an empty pipeline, the day, the service... */
  label: string;
  /** The raw key, for links and filters. */
  key: string;
  costUsd: number;
  /** The cost in the table's currency (the display currency). */
  cost: number;
  /** Percent of the total, one decimal. */
  sharePercent: number;
  /** To the gram (three decimals), like the CSV's co2e_kg column. */
  co2eKg: number;
  /** With a comparison: the previous period's cost and this period's change, in USD... */
  previousCostUsd?: number;
  changeUsd?: number;
  /** ...and in the table's currency, as printed. */
  previousCost?: number;
  change?: number;
  children?: ExplorerRow[];
}

export interface ExplorerTable {
  /** The first dimension (kept for the chart and labels). */
  groupBy: GroupBy | ExploreDimension;
  /** Every dimension, first then second. */
  dimensions: readonly ExploreDimension[];
  compare: boolean;
  /** The currency of `cost`, `previousCost` and `change`. */
  currency: Currency;
  rows: ExplorerRow[];
  total: ExplorerRow;
  /** CO2e calibrated to AWS's figures (CAIRN_CARBON_CALIBRATION=aws): said in the column's name. */
  co2eCalibrated?: boolean;
}

/**
 * What the table needs of a report row: ./costs.ts's and ../../src/store/read/cost-explorer.ts's
 * both fit; `cost` and `previousCost` when the report was converted into a display currency
 * (src/store/read/costs-display.ts), else the USD figures are shown.
 */
interface ReportRow {
  key: string;
  costUsd: number;
  cost?: number;
  co2eGrams: number;
  previousCostUsd?: number;
  previousCost?: number;
  children?: ReportRow[];
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function explorerTable(
  report: { currency?: Currency; rows: readonly ReportRow[]; total: Omit<ReportRow, "key">; co2eCalibrated?: boolean },
  groupBy: GroupBy | readonly ExploreDimension[],
  labels: { untagged: string; total: string },
  compare = false,
): ExplorerTable {
  const dimensions: readonly ExploreDimension[] = typeof groupBy === "string" ? [groupBy] : groupBy;
  const total = report.total.costUsd;
  const toRow = (key: string, label: string, r: Omit<ReportRow, "key">): ExplorerRow => {
    const row: ExplorerRow = {
      key,
      label,
      costUsd: round(r.costUsd, 2),
      cost: round(r.cost ?? r.costUsd, 2),
      sharePercent: total === 0 ? 0 : round((r.costUsd / total) * 100, 1),
      // Kept to the gram: rows below 1 kg are shown in grams, and a tenth of a kilogram turned
      // most of them into "0 g" or "300 g".
      co2eKg: round(r.co2eGrams / 1000, 3),
    };
    if (compare && r.previousCostUsd !== undefined) {
      row.previousCostUsd = round(r.previousCostUsd, 2);
      row.changeUsd = round(r.costUsd - r.previousCostUsd, 2);
      row.previousCost = round(r.previousCost ?? r.previousCostUsd, 2);
      // The difference of the two printed figures.
      row.change = round(row.cost - row.previousCost, 2);
    }
    if (r.children) row.children = r.children.map((c) => toRow(c.key, labelOf(c.key), c));
    return row;
  };
  const labelOf = (key: string) => (key === "" ? labels.untagged : key);
  return {
    groupBy: dimensions[0] ?? "service",
    dimensions,
    compare,
    currency: report.currency ?? "USD",
    rows: report.rows.map((r) => toRow(r.key, labelOf(r.key), r)),
    total: toRow("", labels.total, report.total),
    ...(report.co2eCalibrated ? { co2eCalibrated: true } : {}),
  };
}

/**
 * One CSV line per row; with two dimensions, one per sub-row (both keys written) and none for
 * the parents, so summing the cost column gives the total once. Amounts are in the table's
 * currency, named in the columns (cost_usd or cost_eur); labels go through the one CSV writer,
 * which neutralises formula-like text.
 */
export function explorerCsv(table: ExplorerTable, accountNames: Readonly<Record<string, string>> = {}): string {
  const two = table.dimensions.length === 2;
  const unit = table.currency.toLowerCase();
  // Grouped by account: the id stays the key, its name (CAIRN_ACCOUNT_NAMES) in a column after the keys.
  const accountAt = table.dimensions.indexOf("account");
  const header = [...table.dimensions, ...(accountAt >= 0 ? ["account_name"] : []), `cost_${unit}`];
  if (table.compare) header.push(`previous_cost_${unit}`, `change_${unit}`);
  header.push("share_percent", table.co2eCalibrated ? "co2e_kg_calibrated_to_aws" : "co2e_kg");
  const lines = [header.join(",")];
  const cells = (keys: string[], r: ExplorerRow) => {
    const out = keys.map((k) => csvField(k));
    if (accountAt >= 0) out.push(csvField(accountNames[keys[accountAt] ?? ""] ?? ""));
    out.push(r.cost.toFixed(2));
    if (table.compare) out.push((r.previousCost ?? 0).toFixed(2), (r.change ?? 0).toFixed(2));
    out.push(r.sharePercent.toFixed(1), r.co2eKg.toFixed(3));
    return out.join(",");
  };
  for (const r of table.rows) {
    if (two) for (const c of r.children ?? []) lines.push(cells([r.label, c.label], c));
    else lines.push(cells([r.label], r));
  }
  lines.push(cells(two ? [table.total.label, ""] : [table.total.label], table.total));
  return `${lines.join("\r\n")}\r\n`;
}
