/**
 * `cairn import FILE|DIR|s3://bucket/prefix/`: FOCUS exports (CSV, gzip CSV, Parquet) to cost
 * lines with carbon estimates. Prints what was read and written; each bad row goes to stderr
 * with its file and line. Exit 1 when the import stopped (too many bad rows, not a FOCUS file).
 */
import { formatRowError } from "../../collectors/focus/scan-rows";
import { type ImportProgress, type ImportSummary, importFocus } from "../jobs/import-focus";
import { type CliContext, CliFailure, type Command, type ParsedValues, UsageError } from "./command";
import { fullGc } from "./full-gc";
import { tryCarbonImport } from "./import-carbon";

const usd = (n: number) => `$${n.toFixed(2)}`;

/** One stderr line each time a file passes another tenth of its size. */
function progressPrinter(ctx: CliContext): (p: ImportProgress) => void {
  let file = "";
  let shown = -1;
  return (p) => {
    if (p.file !== file) {
      file = p.file;
      shown = -1;
    }
    const tenth = p.sizeBytes > 0 ? Math.min(10, Math.floor((p.bytesRead / p.sizeBytes) * 10)) : 0;
    if (tenth <= shown) return;
    shown = tenth;
    ctx.err(`import: ${p.file} (${p.index}/${p.files}) ${tenth * 10}%, ${p.rows.toLocaleString("en")} rows`);
  };
}

export function formatSummary(s: ImportSummary): string[] {
  const out: string[] = [];
  for (const f of s.files) {
    out.push(
      `read ${f.file}: FOCUS ${f.version}, ${f.rows} rows (${f.awsRows} AWS, ${f.otherRows} other providers, ${f.badRows} bad)`,
    );
  }
  if (s.unchangedFiles > 0) out.push(`skipped ${s.unchangedFiles} file(s) unchanged since the last import`);
  if (s.supersededFiles > 0) out.push(`skipped ${s.supersededFiles} file(s) in older versions of a billing period`);
  for (const p of s.periods) {
    const corrections = p.correctionRows > 0 ? `, ${p.correctionRows} correction rows` : "";
    out.push(
      `billing period ${p.billingPeriod} of account ${p.billingAccountId}: ${p.awsRows} AWS rows -> ${p.lines} cost lines, ${usd(p.unblendedCostUsd)}${corrections}`,
    );
  }
  for (const m of s.months) out.push(`rebuilt ${m.month}: ${m.lines} cost lines (source focus)`);
  for (const o of s.otherProviders) {
    out.push(
      `kept apart: ${o.rows} rows of ${o.provider} (${o.billingPeriod}, ${o.billedCost.toFixed(2)} ${o.currency}), not counted in AWS figures`,
    );
  }
  if (s.files.length === 0) out.push("nothing new to import");
  else {
    out.push(`cost lines written: ${s.costLinesWritten}`);
    out.push(`resource lines written: ${s.resourceLinesWritten} (${s.resourcesWritten} resources recorded)`);
  }
  return out;
}

export const importCommand: Command = {
  name: "import",
  summary: "Import FOCUS or carbon emissions exports (AWS Data Exports) from a file, a folder or S3",
  usage: `Usage: cairn import FILE|DIR|s3://bucket/prefix/ [--max-errors N]

Reads FOCUS 1.0 to 1.2 exports (CSV, gzip CSV, Parquet) and stores them as cost lines (source
"focus") with carbon estimates. Each billing period of each billing account is replaced as a
whole, so importing the same export twice, or a newer one of the same month, counts nothing
twice; ChargeClass=Correction rows land in the period they correct. Other providers' rows are
counted apart. From a folder or S3, only folders holding a file new since the last import are
read. Bad rows are reported with their file and line and skipped; past CAIRN_IMPORT_MAX_ERRORS
(or --max-errors) the import stops and writes nothing.

AWS's "Carbon emissions" export (CSV or Parquet, recognised by its columns) is imported too:
AWS's monthly location- and market-based figures per account, service and region, each month
replaced whole, shown beside Cairn's estimates on the carbon page and in the monthly report.

Options:
  --max-errors N   bad rows tolerated (default CAIRN_IMPORT_MAX_ERRORS)`,
  options: { "max-errors": { type: "string" } },
  positionals: true,
  async run(ctx: CliContext, values: ParsedValues, positionals: string[]): Promise<number> {
    if (positionals.length !== 1) throw new UsageError("give exactly one FILE, DIR or s3://bucket/prefix/");
    const target = positionals[0] as string;
    let maxErrors = ctx.config.CAIRN_IMPORT_MAX_ERRORS;
    if (values["max-errors"] !== undefined) {
      const n = Number(values["max-errors"]);
      if (!Number.isInteger(n) || n < 0) throw new UsageError("--max-errors must be a whole number >= 0");
      maxErrors = n;
    }
    // AWS's carbon emissions export is recognised by its columns and imported on its own.
    const carbon = await tryCarbonImport(ctx, target, maxErrors);
    if (carbon !== null) return carbon;
    const isS3 = target.startsWith("s3://");
    let summary: ImportSummary;
    try {
      summary = await importFocus(
        {
          store: ctx.openStore(),
          now: ctx.now,
          estimate: ctx.services.estimate,
          ...(isS3 ? { s3: ctx.services.s3() } : {}),
          ...(ctx.interactive ? { onProgress: progressPrinter(ctx) } : {}),
          releaseMemory: fullGc(),
        },
        { target, pipelineTag: ctx.config.CAIRN_PIPELINE_TAG, maxErrors },
      );
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code === "ENOENT") throw new CliFailure(`no such file or folder: ${target}`);
      if (isS3) throw new CliFailure(`could not list or read ${target}: ${e.name}: ${e.message}`);
      throw error;
    }
    for (const e of summary.errors) ctx.err(formatRowError(e));
    if (summary.badRows > summary.errors.length)
      ctx.err(`... and ${summary.badRows - summary.errors.length} more bad rows`);
    for (const line of formatSummary(summary)) ctx.out(line);
    if (summary.status === "failed") throw new CliFailure(summary.error ?? "the import failed");
    return 0;
  },
};
