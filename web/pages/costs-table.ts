/**
 * The explorer's table as plain values, shared by the page and the CSV download so the file
 * holds exactly what the page shows: same rows, same order, same rounding. Pure.
 */
import { csvField } from "../../reports/export/csv";
import type { Currency, GroupBy } from "../../src/model";
import type { CostReport } from "../../src/store/read/costs";

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
  co2eKg: number;
}

export interface ExplorerTable {
  groupBy: GroupBy;
  /** The currency of `cost`. */
  currency: Currency;
  rows: ExplorerRow[];
  total: ExplorerRow;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A report whose rows may carry `cost` in a display currency (src/store/read/costs-display.ts). */
interface MaybeDisplayed {
  currency?: Currency;
  rows: (CostReport["rows"][number] & { cost?: number })[];
  total: CostReport["total"] & { cost?: number };
}

export function explorerTable(
  report: MaybeDisplayed,
  groupBy: GroupBy,
  labels: { untagged: string; total: string },
): ExplorerTable {
  const total = report.total.costUsd;
  const toRow = (key: string, label: string, costUsd: number, co2eGrams: number, cost?: number): ExplorerRow => ({
    key,
    label,
    costUsd: round(costUsd, 2),
    cost: round(cost ?? costUsd, 2),
    sharePercent: total === 0 ? 0 : round((costUsd / total) * 100, 1),
    co2eKg: round(co2eGrams / 1000, 1),
  });
  const totalCost = report.total.cost;
  return {
    groupBy,
    currency: report.currency ?? "USD",
    rows: report.rows.map((r) => toRow(r.key, r.key === "" ? labels.untagged : r.key, r.costUsd, r.co2eGrams, r.cost)),
    total: toRow("", labels.total, report.total.costUsd, report.total.co2eGrams, totalCost),
  };
}

/** The table as CSV; labels go through the one CSV writer, which neutralises formula-like text. */
export function explorerCsv(table: ExplorerTable): string {
  // The cost column is named after its currency: cost_usd, or cost_eur in euros.
  const costColumn = `cost_${table.currency.toLowerCase()}`;
  const lines = [[table.groupBy, costColumn, "share_percent", "co2e_kg"].join(",")];
  for (const r of [...table.rows, table.total]) {
    lines.push([csvField(r.label), r.cost.toFixed(2), r.sharePercent.toFixed(1), r.co2eKg.toFixed(1)].join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
