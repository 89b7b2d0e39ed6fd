/**
 * `cairn collect [--from D] [--to D] [--source cost-explorer|cloudwatch|all]`: runs the
 * collectors now and prints rows written, API requests made and what they cost. A backfill shows
 * its progress on stderr when stderr is a terminal.
 */

import { loadAccountNames } from "../accounts/load-account-names";
import { addDays, toDay } from "../days";
import { collectCostExplorer } from "../jobs/collect";
import { collectCloudWatch, formatCloudWatchSummary } from "../jobs/collect-cloudwatch";
import { collectArgsFromConfig } from "../jobs/collect-config";
import { formatCollectProgress, formatCollectSummary } from "../jobs/collect-format";
import { collectOrganizationNames, formatOrganizationsSummary } from "../jobs/collect-organizations";
import { CollectionBusyError, withCollectionLock } from "../jobs/collection-lock";
import { athenaConfigured } from "../jobs/scheduled-athena";
import { holdsDemoData } from "../store/read/demo-data";
import { loadUtilisationLookup } from "../store/read/metrics";
import { readDb } from "../store/store";
import { collectWithAthena } from "./collect-athena";
import { CliFailure, type Command, dayOption, UsageError } from "./command";

const SOURCES = ["cost-explorer", "cloudwatch", "athena", "organizations", "all"] as const;

export const collectCommand: Command = {
  name: "collect",
  summary: "Collect cost and usage from AWS now",
  usage: `Usage: cairn collect [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--source cost-explorer|cloudwatch|athena|organizations|all]

Reads AWS Cost Explorer (DAILY, by account, service, usage type and pipeline tag) and stores it.
The first run backfills CAIRN_BACKFILL_MONTHS months (default 13); later runs re-read the last
CAIRN_TRAILING_DAYS days (default 3) and the previous month until AWS has closed it.
--from / --to (--to exclusive, at most today) re-read a range of your choice instead.
Each Cost Explorer request costs $0.01; the run stops before this month's requests would exceed
CAIRN_CE_MAX_REQUESTS (default 300).
With CAIRN_ATHENA_TABLE and CAIRN_ATHENA_OUTPUT set, --source athena (and all) also runs one
Athena query per billing period to re-read over the FOCUS export (--from/--to: their months),
and prints the bytes scanned and their cost against CAIRN_ATHENA_MAX_USD.
With CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS=1, --source organizations (and all) also reads the
account names from AWS Organizations (ListAccounts, free; only the management account or a
delegated administrator may call it). A refusal is printed but does not fail the collection.`,
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
    if (source === "organizations" && !ctx.config.CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS)
      throw new UsageError(
        "--source organizations reads account names from AWS Organizations: turn it on with CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS=1",
      );
    const from = dayOption(values, "from");
    const to = dayOption(values, "to");
    const today = toDay(ctx.now());
    if (to !== undefined && to > addDays(today, 1))
      throw new UsageError(`--to must not be after tomorrow (${addDays(today, 1)}, exclusive)`);
    if (from !== undefined && from >= (to ?? today))
      throw new UsageError(`--from must be before --to (${to ?? today}, exclusive)`);
    const store = ctx.openStore();
    if (await holdsDemoData(store)) {
      throw new CliFailure(
        `${ctx.config.CAIRN_DB} holds the demo dataset; collect real AWS figures into another database (set CAIRN_DB).`,
      );
    }
    const failures: string[] = [];
    try {
      await withCollectionLock(
        { store, now: ctx.now, processes: ctx.services.processes },
        "cairn collect",
        async () => {
          if (source === "cost-explorer" || source === "all") {
            // Lines re-collected keep the measured utilisation CloudWatch gave for their days.
            const utilisation = await loadUtilisationLookup(readDb(store), {
              from: addDays(today, -430),
              to: addDays(today, 1),
            });
            // ctx.err writes whole lines: one line per month reached by each query, not a redraw per page.
            let lastProgress = "";
            const names = ctx.interactive ? await loadAccountNames(store, ctx.config) : {};
            const summary = await collectCostExplorer(
              {
                store,
                costExplorer: ctx.services.costExplorer(),
                now: ctx.now,
                estimate: (lines) => ctx.services.estimate(lines, utilisation),
                onProgress: ctx.interactive
                  ? (p) => {
                      const key = `${p.step}/${p.monthsDone}`;
                      if (key !== lastProgress) ctx.err(formatCollectProgress(p, names));
                      lastProgress = key;
                    }
                  : undefined,
              },
              { ...collectArgsFromConfig(ctx.config), from, to },
            );
            for (const line of formatCollectSummary(summary).filter((l) => !l.startsWith("Failed: "))) ctx.out(line);
            if (summary.status === "failed") failures.push(summary.error ?? "Cost Explorer collection failed");
          }
          if (source === "cloudwatch" || source === "all") {
            // After Cost Explorer, so the regions with spend and the lines to re-estimate are current.
            const summary = await collectCloudWatch(
              {
                store,
                cloudWatch: ctx.services.cloudWatch,
                now: ctx.now,
                estimate: ctx.services.estimate,
                onProgress: ctx.interactive ? ctx.err : undefined,
              },
              { regions: ctx.config.CAIRN_CLOUDWATCH_REGIONS, from, to },
            );
            for (const line of formatCloudWatchSummary(summary)) ctx.out(line);
            if (summary.status === "failed") failures.push(summary.error ?? "CloudWatch collection failed");
          }
          if (source === "organizations" || (source === "all" && ctx.config.CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS)) {
            const organizations = ctx.services.organizations;
            if (!organizations) throw new CliFailure("no AWS Organizations client in this build");
            const summary = await collectOrganizationNames({ store, organizations, now: ctx.now });
            // Names are a convenience: a refusal is said, and fails only an explicit --source organizations.
            const line = formatOrganizationsSummary(summary);
            if (summary.status === "failed" && source === "organizations") failures.push(line);
            else ctx.out(line);
          }
          if (source === "athena" || (source === "all" && athenaConfigured(ctx.config))) {
            const failure = await collectWithAthena(ctx, store, from, to);
            if (failure) failures.push(failure);
          }
        },
      );
    } catch (error) {
      if (error instanceof CollectionBusyError) throw new CliFailure(error.message);
      throw error;
    }
    if (failures.length > 0) throw new CliFailure(failures.join("\n"));
    return 0;
  },
};
