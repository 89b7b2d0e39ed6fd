/**
 * `cairn import` of AWS's "Carbon emissions" Data Export (CSV or Parquet, local or s3://):
 * every file is streamed and checked first; then the months found replace what was stored for
 * them, whole, so importing the same export twice, or a refreshed one, counts nothing twice.
 * Bad rows are reported with file and line; past `maxErrors` nothing is written.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import { isCarbonExportHeader } from "../../collectors/carbon-export/columns";
import { type AwsCarbonRow, parseCarbonRow } from "../../collectors/carbon-export/parse-row";
import { listCarbonFiles, openCarbonFile } from "../../collectors/carbon-export/read-files";
import type { RowError } from "../../collectors/focus/scan-rows";
import { replaceAwsCarbonMonths } from "../store/aws-carbon";
import type { Store } from "../store/store";

export interface CarbonImportDeps {
  store: Store;
  now: () => Date;
  s3?: S3Client;
}

export interface CarbonImportSummary {
  status: "ok" | "failed";
  error?: string;
  files: { file: string; rows: number; badRows: number }[];
  months: { month: string; rows: number; locationCo2eGrams: number; marketCo2eGrams: number }[];
  errors: RowError[];
  badRows: number;
}

/** Whether a target's first file is a carbon emissions export (its header names the columns). */
export async function isCarbonExportTarget(target: string, s3?: S3Client): Promise<boolean> {
  const [first] = await listCarbonFiles(target, s3);
  if (!first) return false;
  const file = await openCarbonFile(first, s3);
  try {
    return isCarbonExportHeader(file.header);
  } finally {
    await file.close();
  }
}

const key = (r: AwsCarbonRow) => `${r.month}|${r.usageAccountId}|${r.productCode}|${r.regionCode}`;

/**
 * Rows of the same key: parts of one export add up; of a later refresh, the newer wins (a folder
 * may hold several refreshes of a month).
 */
function merge(into: Map<string, AwsCarbonRow>, row: AwsCarbonRow): void {
  const k = key(row);
  const had = into.get(k);
  if (!had || row.lastRefresh > had.lastRefresh) into.set(k, { ...row });
  else if (row.lastRefresh === had.lastRefresh) {
    had.locationCo2eGrams += row.locationCo2eGrams;
    had.marketCo2eGrams += row.marketCo2eGrams;
  }
}

export async function importCarbonExport(
  deps: CarbonImportDeps,
  args: { target: string; maxErrors: number },
): Promise<CarbonImportSummary> {
  const summary: CarbonImportSummary = { status: "ok", files: [], months: [], errors: [], badRows: 0 };
  const rows = new Map<string, AwsCarbonRow>();
  for (const name of await listCarbonFiles(args.target, deps.s3)) {
    const file = await openCarbonFile(name, deps.s3);
    const stats = { file: name, rows: 0, badRows: 0 };
    summary.files.push(stats);
    try {
      if (!isCarbonExportHeader(file.header)) {
        return {
          ...summary,
          status: "failed",
          error: `${name}: not a carbon emissions export (no usage_account_id, product_code, total_lbm_emissions_value... columns)`,
        };
      }
      for await (const batch of file.rows) {
        for (const r of batch) {
          stats.rows++;
          const parsed = parseCarbonRow((c) => r.cells[c]);
          if (parsed.ok) {
            merge(rows, parsed.row);
            continue;
          }
          stats.badRows++;
          summary.badRows++;
          if (summary.errors.length < 20)
            summary.errors.push({ file: name, unit: file.unit, position: r.position, message: parsed.error });
          if (summary.badRows > args.maxErrors) {
            return {
              ...summary,
              status: "failed",
              error: `more than ${args.maxErrors} bad rows: nothing was written`,
            };
          }
        }
      }
    } finally {
      await file.close();
    }
  }
  const all = [...rows.values()];
  const importedAt = deps.now().toISOString();
  await replaceAwsCarbonMonths(deps.store, all, args.target, importedAt);
  const byMonth = new Map<string, CarbonImportSummary["months"][number]>();
  for (const r of all) {
    const m = byMonth.get(r.month) ?? { month: r.month, rows: 0, locationCo2eGrams: 0, marketCo2eGrams: 0 };
    m.rows++;
    m.locationCo2eGrams += r.locationCo2eGrams;
    m.marketCo2eGrams += r.marketCo2eGrams;
    byMonth.set(r.month, m);
  }
  summary.months = [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
  return summary;
}
