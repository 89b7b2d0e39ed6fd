/**
 * The explorer's table as plain values, shared by the page and the CSV download so the file
 * holds exactly what the page shows: same rows, same order, same rounding. Pure.
 */
import { csvField } from "../../reports/export/csv";
import type { GroupBy } from "../../src/model";
import type { CostReport } from "../../src/store/read/costs";

export interface ExplorerRow {
  /** The key as shown: `(untagged)` for an empty pipeline, the day, the service... */
  label: string;
  /** The raw key, for links and filters. */
  key: string;
  costUsd: number;
  /** Percent of the total, one decimal. */
  sharePercent: number;
  co2eKg: number;
}

export interface ExplorerTable {
  groupBy: GroupBy;
  rows: ExplorerRow[];
  total: ExplorerRow;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function explorerTable(
  report: CostReport,
  groupBy: GroupBy,
  labels: { untagged: string; total: string },
): ExplorerTable {
  const total = report.total.costUsd;
  const toRow = (key: string, label: string, costUsd: number, co2eGrams: number): ExplorerRow => ({
    key,
    label,
    costUsd: round(costUsd, 2),
    sharePercent: total === 0 ? 0 : round((costUsd / total) * 100, 1),
    co2eKg: round(co2eGrams / 1000, 1),
  });
  return {
    groupBy,
    rows: report.rows.map((r) => toRow(r.key, r.key === "" ? labels.untagged : r.key, r.costUsd, r.co2eGrams)),
    total: toRow("", labels.total, report.total.costUsd, report.total.co2eGrams),
  };
}

/** Spreadsheet software runs cells that start like a formula: neutralise them. */
export function explorerCsv(table: ExplorerTable): string {
  const lines = [[table.groupBy, "cost_usd", "share_percent", "co2e_kg"].join(",")];
  for (const r of [...table.rows, table.total]) {
    lines.push([csvField(r.label), r.costUsd.toFixed(2), r.sharePercent.toFixed(1), r.co2eKg.toFixed(1)].join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
