/** Plain-text lines for a collection summary: the CLI prints them, the scheduler logs them. Pure. */
import { type AccountNames, accountLabel } from "../accounts/account-names";
import { addDays } from "../days";
import type { CollectProgress, CollectSummary } from "./collect";

const usd = (n: number) => `$${n.toFixed(2)}`;

export function formatCollectSummary(s: CollectSummary): string[] {
  const lines: string[] = [];
  const lastDay = addDays(s.window.to, -1);
  const accounts = s.accounts.length === 1 ? "1 account" : `${s.accounts.length} accounts`;
  lines.push(`Cost Explorer ${s.window.from}..${lastDay} (${s.window.kind}), ${accounts}: ${s.status}`);
  lines.push(`Rows written: ${s.rowsWritten}`);
  lines.push(
    `Requests: ${s.requests} (${usd(s.requestCostUsd)}); this month ${s.monthRequests} of ${s.maxRequestsPerMonth} (${usd(s.monthRequestCostUsd)})`,
  );
  if (s.forecast) {
    const label = s.forecast.source === "aws" ? "AWS forecast" : "Cairn's forecast (weekday profile; AWS has none yet)";
    lines.push(
      `Month-end ${s.forecast.month}: ${usd(s.forecast.totalUsd)}, ${usd(s.forecast.monthToDateUsd)} so far (${label})`,
    );
  }
  if (s.finalMonths.length > 0) lines.push(`Final months seen: ${s.finalMonths.join(", ")}`);
  if (s.error) lines.push(`Failed: ${s.error}`);
  return lines;
}

/** One line of progress: which query, how far through the window's months, requests so far. */
export function formatCollectProgress(p: CollectProgress, names: AccountNames = {}): string {
  const what = p.kind === "lines" ? "costs by service and usage type" : "pipeline split";
  const through = p.throughDay ? `through ${p.throughDay.slice(0, 7)}` : "starting";
  return `[${p.step}/${p.steps}] account ${accountLabel(p.accountId, names)}, ${what}: ${through} (${p.monthsDone}/${p.months} months), ${p.requests} requests`;
}
