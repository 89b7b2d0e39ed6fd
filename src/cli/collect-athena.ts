/**
 * The Athena part of `cairn collect`: with CAIRN_ATHENA_TABLE and CAIRN_ATHENA_OUTPUT set, one
 * aggregate query per billing period to re-read (the default window, or the months of
 * --from/--to), then what each scanned and cost, and the month's Athena spending against its cap.
 */
import { addDays, addMonths, monthOf } from "../days";
import { monthSpending } from "../jobs/athena-session";
import { collectAthena } from "../jobs/collect-athena";
import {
  athenaConfigured,
  athenaDepsFromConfig,
  costExplorerCollects,
  formatAthenaSummary,
} from "../jobs/scheduled-athena";
import type { Day, Month } from "../model";
import type { Store } from "../store/store";
import { type CliContext, CliFailure } from "./command";

function monthsOf(from: Day, to: Day): Month[] {
  const out: Month[] = [];
  for (let m = monthOf(from); m <= monthOf(addDays(to, -1)); m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Runs the Athena collection and prints it; returns the failure message, or null. */
export async function collectWithAthena(
  ctx: CliContext,
  store: Store,
  from: Day | undefined,
  to: Day | undefined,
): Promise<string | null> {
  if (!athenaConfigured(ctx.config)) {
    throw new CliFailure(
      "Athena is not configured: set CAIRN_ATHENA_TABLE and CAIRN_ATHENA_OUTPUT (see README, Athena).",
    );
  }
  if (!ctx.services.athena) throw new CliFailure("no Athena client in this runtime");
  const athena = athenaDepsFromConfig(ctx.config, ctx.services.athena());
  const periods = from !== undefined ? monthsOf(from, to ?? addDays(from, 1)) : undefined;
  const summary = await collectAthena(
    { store, athena, now: ctx.now, estimate: (lines) => ctx.services.estimate(lines) },
    {
      pipelineTag: ctx.config.CAIRN_PIPELINE_TAG,
      backfillMonths: ctx.config.CAIRN_BACKFILL_MONTHS,
      maxErrors: ctx.config.CAIRN_IMPORT_MAX_ERRORS,
      forecast: !costExplorerCollects(ctx.config),
      ...(periods ? { periods } : {}),
    },
  );
  const spent = await monthSpending(store, ctx.now());
  for (const line of formatAthenaSummary(summary, spent, athena.maxUsdPerMonth)) ctx.out(line);
  return summary.status === "failed" ? (summary.error ?? "Athena collection failed") : null;
}
