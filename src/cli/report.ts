/**
 * `cairn report weekly|monthly [--period P] [--lang fr|en] [--out FILE.html|.pdf|.txt] [--send] [--format json]`.
 * Builds the report; --out writes it; --send archives and mails it (once per period).
 */
import { writeFileSync } from "node:fs";
import { describeReportSummary, ReportError, reportArgsFromConfig, runReport } from "../jobs/report";
import type { Locale } from "../model";
import { CliFailure, type Command, UsageError } from "./command";

export const reportCommand: Command = {
  name: "report",
  summary: "Build, write or send the weekly or monthly report",
  usage: `Usage: cairn report weekly|monthly [--period P] [--lang fr|en] [--out FILE.html|FILE.pdf|FILE.txt] [--send] [--format json]

weekly   the week (Monday to Sunday) before this one, or the week of --period YYYY-MM-DD
monthly  the month before this one, or --period YYYY-MM; says when figures are still provisional
--lang   fr or en (default CAIRN_LOCALE)
--out    write the report: .html (charts inline), .pdf or .txt
--send   archive it and mail it to CAIRN_REPORT_TO; a period's report is sent only once
--format json  print the facts the report is drawn from (amounts with their currency), nothing else`,
  options: {
    period: { type: "string" },
    lang: { type: "string" },
    out: { type: "string" },
    send: { type: "boolean", default: false },
    format: { type: "string" },
  },
  positionals: true,
  async run(ctx, values, positionals) {
    const kind = positionals[0];
    if (kind !== "weekly" && kind !== "monthly")
      throw new UsageError(`report needs weekly or monthly, got ${JSON.stringify(kind)}`);
    if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])}`);
    const lang = values.lang ?? ctx.config.CAIRN_LOCALE;
    if (lang !== "fr" && lang !== "en") throw new UsageError(`--lang must be fr or en, got ${JSON.stringify(lang)}`);
    const out = typeof values.out === "string" ? values.out : undefined;
    if (out !== undefined && !/\.(html?|pdf|txt)$/i.test(out))
      throw new UsageError("--out must end in .html, .pdf or .txt");
    const send = values.send === true;
    const format = typeof values.format === "string" ? values.format : "text";
    if (format !== "text" && format !== "json")
      throw new UsageError(`--format must be text or json, got ${JSON.stringify(format)}`);
    const store = ctx.openStore();
    let mail = null;
    if (send) {
      try {
        mail = ctx.services.mailTransport?.() ?? null;
      } catch (error) {
        throw new CliFailure((error as Error).message);
      }
    }
    try {
      const summary = await runReport(
        { store, now: ctx.now, mail, renderers: ctx.services.reportRenderers },
        {
          ...reportArgsFromConfig(ctx.config, kind, send),
          lang: lang as Locale,
          period: typeof values.period === "string" ? values.period : undefined,
          pdf: out !== undefined && /\.pdf$/i.test(out),
        },
      );
      if (out !== undefined) {
        const r = summary.rendered;
        if (!r)
          throw new CliFailure(
            `${describeReportSummary(summary)}; nothing written (see the archive on the reports page)`,
          );
        if (/\.pdf$/i.test(out)) writeFileSync(out, r.pdf ?? new Uint8Array());
        else if (/\.txt$/i.test(out)) writeFileSync(out, r.text);
        else writeFileSync(out, r.archiveHtml);
        ctx.out(`Wrote ${out}`);
      }
      if (format === "json") {
        ctx.out(JSON.stringify(summary.facts ?? null, null, 2));
        return 0;
      }
      if (out === undefined && !send && summary.rendered) ctx.out(summary.rendered.text);
      ctx.out(describeReportSummary(summary));
      return 0;
    } catch (error) {
      if (error instanceof ReportError) throw new CliFailure(error.message);
      throw error;
    }
  },
};
