/** The carbon emissions export branch of `cairn import`: runs the import, prints what it did. */
import { formatRowError } from "../../collectors/focus/scan-rows";
import { type CarbonImportSummary, importCarbonExport, isCarbonExportTarget } from "../jobs/import-carbon-export";
import { type CliContext, CliFailure } from "./command";

const tonnes = (grams: number) => `${(grams / 1e6).toFixed(6)} t CO2e`;

export function formatCarbonSummary(s: CarbonImportSummary): string[] {
  const out = s.files.map((f) => `read ${f.file}: AWS carbon emissions export, ${f.rows} rows (${f.badRows} bad)`);
  for (const m of s.months) {
    out.push(
      `month ${m.month}: ${m.rows} rows replaced, location-based ${tonnes(m.locationCo2eGrams)}, market-based ${tonnes(m.marketCo2eGrams)}`,
    );
  }
  return out;
}

/** Null when the target is not a carbon export (the FOCUS import then takes it). */
export async function tryCarbonImport(ctx: CliContext, target: string, maxErrors: number): Promise<number | null> {
  const s3 = target.startsWith("s3://") ? ctx.services.s3() : undefined;
  let isCarbon = false;
  try {
    isCarbon = await isCarbonExportTarget(target, s3);
  } catch {
    return null; // not readable as one: the FOCUS import reports why
  }
  if (!isCarbon) return null;
  const summary = await importCarbonExport(
    { store: ctx.openStore(), now: ctx.now, ...(s3 ? { s3 } : {}) },
    { target, maxErrors },
  );
  for (const e of summary.errors) ctx.err(formatRowError(e));
  if (summary.badRows > summary.errors.length)
    ctx.err(`... and ${summary.badRows - summary.errors.length} more bad rows`);
  for (const line of formatCarbonSummary(summary)) ctx.out(line);
  if (summary.status === "failed") throw new CliFailure(summary.error ?? "the import failed");
  return 0;
}
