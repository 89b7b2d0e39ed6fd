/**
 * The Athena part of `cairn collect`: with CAIRN_ATHENA_TABLE and CAIRN_ATHENA_OUTPUT set, one
 * aggregate query per billing period re-read (the default window, or the months of --from/--to),
 * then what it scanned and cost, beside the month's Athena spending and its cap.
 */
import { athenaCostUsd } from "../../collectors/athena/cost";
import { addDays, addMonths, monthOf } from "../days";
import { monthSpending } from "../jobs/athena-session";
import { collectAthena } from "../jobs/collect-athena";
import type { Day, Month } from "../model";
import type { Store } from "../store/store";
import type { CliContext } from "./command";
import { CliFailure } from "./command";

export function athenaConfigured(ctx: CliContext): boolean {
  return ctx.config.CAIRN_ATHENA_TABLE !== undefined && ctx.config.CAIRN_ATHENA_OUTPUT !== undefined;
}

function monthsOf(from: Day, to: Day): Month[] {
  const out: Month[] = [];
  for (let m = monthOf(from); m <= monthOf(addDays(to, -1)); m = addMonths(m, 1)) out.push(m);
  return out;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs the Athena collection; returns the failure message, or null. */
export async function collectWithAthena(
  ctx: CliContext,
  store: Store,
  from: Day | undefined,
  to: Day | undefined,
): Promise<string | null> {
  const table = ctx.config.CAIRN_ATHENA_TABLE;
  const output = ctx.config.CAIRN_ATHENA_OUTPUT;
  if (!table || !output)
    throw new CliFailure("Athena is not configured: set CAIRN_ATHENA_TABLE and CAIRN_ATHENA_OUTPUT.");
  if (!ctx.services.athena) throw new CliFailure("no Athena client in this runtime");
  const athena = {
    client: ctx.services.athena(),
    settings: { workgroup: ctx.config.CAIRN_ATHENA_WORKGROUP, outputLocation: output },
    table,
    maxUsdPerMonth: ctx.config.CAIRN_ATHENA_MAX_USD,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  };
  const periods = from !== undefined ? monthsOf(from, to ?? addDays(from, 1)) : undefined;
  const summary = await collectAthena(
    { store, athena, now: ctx.now, estimate: (lines) => ctx.services.estimate(lines) },
    { pipelineTag: ctx.config.CAIRN_PIPELINE_TAG, ...(periods ? { periods } : {}) },
  );
  for (const p of summary.periods) {
    ctx.out(
      `Athena ${p.billingPeriod}: ${p.lines} cost lines from ${p.exports} export(s), ${mb(p.bytesScanned)} scanned ($${athenaCostUsd(p.bytesScanned).toFixed(4)})`,
    );
  }
  if (summary.status === "succeeded") ctx.out(`Athena: ${summary.costLinesWritten} cost lines written`);
  const spent = await monthSpending(store, ctx.now());
  ctx.out(
    `Athena this month: ${spent.queries} queries, ${mb(spent.bytes)} scanned, $${spent.costUsd.toFixed(4)} of CAIRN_ATHENA_MAX_USD $${ctx.config.CAIRN_ATHENA_MAX_USD}`,
  );
  return summary.status === "failed" ? (summary.error ?? "Athena collection failed") : null;
}
