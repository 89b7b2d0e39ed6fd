/**
 * Stale data: a configured source (Cost Explorer; CloudWatch when regions are set; a FOCUS
 * export when one is configured) has not collected successfully for 36 hours
 * (src/analysis/freshness.ts), or has never succeeded 36 hours after its first attempt. One
 * alert per source and stale episode: the key carries the source and its last success, so a new
 * stale spell after a recovery alerts again, and one source's trouble never hides another's.
 * A source never attempted has nothing to be late for (/healthz says it has never run). Pure.
 */
import { freshnessOf, STALE_AFTER_HOURS } from "../freshness";
import { type Alert, alertKey } from "./alert";

export interface StaleSource {
  /** `cost-explorer`, `cloudwatch`, `focus`: collection_runs.source. */
  source: string;
  lastSuccessAt: string | null;
  /** The first attempt ever; null when none was made. */
  firstAttemptAt: string | null;
  /** The newest finished run's failure (kind and recorded text), when it failed. */
  errorKind: string | null;
  error: string | null;
}

export interface StaleInput {
  /** Every configured source, with its runs' summary. */
  sources: readonly StaleSource[];
  now: Date;
}

export function staleDataAlerts(input: StaleInput): Alert[] {
  return input.sources.flatMap((s) => staleSourceAlert(s, input.now));
}

function staleSourceAlert(s: StaleSource, now: Date): Alert[] {
  const f = freshnessOf(s.lastSuccessAt, now);
  if (f.fresh) return [];
  if (s.lastSuccessAt === null) {
    // Never succeeded: alert once 36 hours have passed since the first attempt.
    if (s.firstAttemptAt === null) return [];
    if ((now.getTime() - Date.parse(s.firstAttemptAt)) / 3_600_000 < STALE_AFTER_HOURS) return [];
  }
  return [
    {
      key: alertKey("stale-data", s.source, s.lastSuccessAt ?? "never", `${STALE_AFTER_HOURS}h`),
      rule: "stale-data",
      severity: "warning",
      facts: {
        rule: "stale-data",
        data: {
          source: s.source,
          lastSuccessAt: s.lastSuccessAt,
          firstAttemptAt: s.firstAttemptAt,
          ageHours: f.ageHours,
          staleAfterHours: STALE_AFTER_HOURS,
          errorKind: s.errorKind,
          error: s.error,
        },
      },
      path: "/runs",
      covers: [],
    },
  ];
}
