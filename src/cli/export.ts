/**
 * `cairn export --format csv|json|focus [--from D] [--to D] [--open-data] [--out FILE]`: the
 * stored cost lines with their footprints, streamed page by page to a file or stdout.
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { EXPORT_FORMATS, type ExportFormat } from "../../reports/export/columns";
import { exportChunks } from "../../reports/export/export-chunks";
import { addDays, addMonths, firstDayOfMonth, monthOf, toDay } from "../days";
import { loadCalibration } from "../store/read/carbon-calibration";
import { readDb } from "../store/store";
import { type CliContext, CliFailure, type Command, dayOption, type ParsedValues, UsageError } from "./command";

/** ctx.out adds a line break: hand it whole lines, keep the unfinished one for the next chunk. */
function lineSink(out: (text: string) => void) {
  let pending = "";
  return {
    write(chunk: string) {
      const text = pending + chunk;
      const cut = text.lastIndexOf("\n");
      if (cut === -1) {
        pending = text;
        return;
      }
      out(text.slice(0, cut));
      pending = text.slice(cut + 1);
    },
    end() {
      if (pending !== "") out(pending);
    },
  };
}

export const exportCommand: Command = {
  name: "export",
  summary: "Export cost and carbon lines as CSV, JSON or FOCUS, or as open data",
  usage: `Usage: cairn export [--format csv|json|focus] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--open-data] [--out FILE]

Writes the stored cost lines (every source) with their carbon estimates, one line per day,
account, service, region, usage type and pipeline.
  --format csv     Cairn's field names (default)
  --format json    the same records as one JSON array
  --format focus   FOCUS 1.2 column names (ChargePeriodStart, BilledCost, EffectiveCost,
                   ServiceName, RegionId, SubAccountId, Tags...) with Cairn's figures in custom
                   columns: x_UsageType, x_Source, x_Estimated, x_EnergyKwh, x_Co2eGrams
                   (location-based), x_MarketCo2eGrams, x_EmbodiedCo2eGrams, x_EstimateMethod,
                   x_FactorSet
  --open-data      one row per month, pipeline, service and region, without account or resource
                   ids, headed by a README (rows, units, methodology, licence CC BY 4.0): leading
                   '#' lines in CSV, an "about" object in JSON
  --from, --to     UTC days, --to exclusive (default: the last 12 months through today)
  --out FILE       write to FILE instead of stdout
With CAIRN_CARBON_CALIBRATION=aws, CO2e is calibrated to AWS's imported monthly figures where
AWS has one, and a last column says so (co2eCalibrated per line, co2eCalibratedShare per
open-data row; x_Co2eCalibrated... in FOCUS).`,
  options: {
    format: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    "open-data": { type: "boolean" },
    out: { type: "string" },
  },
  async run(ctx: CliContext, values: ParsedValues): Promise<number> {
    const format = (values.format ?? "csv") as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(", ")}`);
    const today = toDay(ctx.now());
    const from = dayOption(values, "from") ?? firstDayOfMonth(addMonths(monthOf(today), -11));
    const to = dayOption(values, "to") ?? addDays(today, 1);
    if (from >= to) throw new UsageError(`--to must be after --from (${from}); --to is exclusive`);
    const out = typeof values.out === "string" ? values.out : null;
    const counter = { rows: 0 };
    const store = ctx.openStore();
    const chunks = exportChunks(
      readDb(store),
      {
        format,
        period: { from, to },
        openData: values["open-data"] === true,
        pipelineTag: ctx.config.CAIRN_PIPELINE_TAG,
        generatedOn: today,
        calibration: await loadCalibration(store, ctx.config.CAIRN_CARBON_CALIBRATION, { from, to }),
      },
      counter,
    );
    if (out === null) {
      const sink = lineSink(ctx.out);
      for await (const chunk of chunks) sink.write(chunk);
      sink.end();
      return 0;
    }
    const file = createWriteStream(out);
    const failed = once(file, "error").then(([e]) => {
      throw new CliFailure(`could not write ${out}: ${(e as Error).message}`);
    });
    // Raced below; marked handled so a late error cannot surface as an unhandled rejection.
    failed.catch(() => {});
    try {
      for await (const chunk of chunks) {
        if (!file.write(chunk)) await Promise.race([once(file, "drain"), failed]);
      }
      file.end();
      await Promise.race([finished(file), failed]);
    } finally {
      file.destroy();
    }
    ctx.err(`wrote ${counter.rows} rows to ${out}`);
    return 0;
  },
};
