/**
 * `cairn collect [--from D] [--to D] [--source cost-explorer|cloudwatch|all]`: runs the
 * collectors now and prints rows written, API requests made and what they cost. A backfill shows
 * its progress on stderr when stderr is a terminal.
 */
import { collectCostExplorer } from "../jobs/collect";
import { formatCollectProgress, formatCollectSummary } from "../jobs/collect-format";
import { addDays, toDay } from "../days";
import type { Config } from "../config";
import { CliFailure, type Command, dayOption, UsageError } from "./command";

const SOURCES = ["cost-explorer", "cloudwatch", "all"] as const;

/** The collector's settings from the configuration, for the CLI and the scheduler alike. */
export function collectArgsFromConfig(config: Config) {
  return {
    pipelineTag: config.CAIRN_PIPELINE_TAG,
    maxRequestsPerMonth: config.CAIRN_CE_MAX_REQUESTS,
    backfillMonths: config.CAIRN_BACKFILL_MONTHS,
    trailingDays: config.CAIRN_TRAILING_DAYS,
  };
}

export const collectCommand: Command = {
  name: "collect",
  summary: "Collect cost and usage from AWS now",
  usage: `Usage: cairn collect [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--source cost-explorer|cloudwatch|all]

Reads AWS Cost Explorer (DAILY, by account, service, usage type and pipeline tag) and stores it.
The first run backfills CAIRN_BACKFILL_MONTHS months (default 13); later runs re-read the last
CAIRN_TRAILING_DAYS days (default 3) and the previous month until AWS has closed it.
--from / --to (--to exclusive, at most today) re-read a range of your choice instead.
Each Cost Explorer request costs $0.01; the run stops before this month's requests would exceed
CAIRN_CE_MAX_REQUESTS (default 300).`,
  options: {
    from: { type: "string" },
    to: { type: "string" },
    source: { type: "string", default: "all" },
  },
  async run(ctx, values) {
    const source = values.source ?? "all";
    if (typeof source !== "string" || !(SOURCES as readonly string[]).includes(source)) {
      throw new UsageError(`--source must be one of ${SOURCES.join(", ")}, got ${JSON.stringify(source)}`);
    }
    const from = dayOption(values, "from");
    const to = dayOption(values, "to");
    const today = toDay(ctx.now());
    if (to !== undefined && to > addDays(today, 1)) throw new UsageError(`--to must not be after tomorrow (${addDays(today, 1)}, exclusive)`);
    if (from !== undefined && from >= (to ?? today)) throw new UsageError(`--from must be before --to (${to ?? today}, exclusive)`);
    if (source === "cloudwatch") {
      // The CloudWatch collector is another feature; until it lands, say so rather than do nothing.
      throw new CliFailure("The CloudWatch collector is not part of this build yet; use --source cost-explorer.");
    }
    // 'all' is Cost Explorer alone until the CloudWatch collector is registered here.

    const store = ctx.openStore();
    // ctx.err writes whole lines: one line per month reached by each query, not a redraw per page.
    let lastProgress = "";
    const summary = await collectCostExplorer(
      {
        store,
        costExplorer: ctx.services.costExplorer(),
        now: ctx.now,
        estimate: ctx.services.estimate,
        onProgress: ctx.interactive
          ? (p) => {
              const key = `${p.step}/${p.monthsDone}`;
              if (key !== lastProgress) ctx.err(formatCollectProgress(p));
              lastProgress = key;
            }
          : undefined,
      },
      { ...collectArgsFromConfig(ctx.config), from, to },
    );
    const lines = formatCollectSummary(summary);
    for (const line of lines.filter((l) => !l.startsWith("Failed: "))) ctx.out(line);
    if (summary.status === "failed") throw new CliFailure(summary.error ?? "Cost Explorer collection failed");
    return 0;
  },
};
