/**
 * No successful collection for 36 hours (src/analysis/freshness.ts). One alert per stale
 * episode: the key carries the last success, so a new stale spell after a recovery alerts again. Pure.
 */
import { freshnessOf, STALE_AFTER_HOURS } from "../freshness";
import { type Alert, alertKey } from "./alert";

export interface StaleInput {
  lastSuccessAt: string | null;
  /** The first collection attempt ever; null when none was made (nothing to be late for). */
  firstAttemptAt?: string | null;
  now: Date;
}

export function staleDataAlerts(input: StaleInput): Alert[] {
  const f = freshnessOf(input.lastSuccessAt, input.now);
  if (f.fresh) return [];
  if (input.lastSuccessAt === null) {
    // Never succeeded: alert once 36 hours have passed since the first attempt.
    const first = input.firstAttemptAt ?? null;
    if (first === null) return [];
    if ((input.now.getTime() - Date.parse(first)) / 3_600_000 < STALE_AFTER_HOURS) return [];
  }
  return [
    {
      key: alertKey("stale-data", "collection", input.lastSuccessAt ?? "never", `${STALE_AFTER_HOURS}h`),
      rule: "stale-data",
      severity: "warning",
      facts: {
        rule: "stale-data",
        data: { lastSuccessAt: input.lastSuccessAt, ageHours: f.ageHours, staleAfterHours: STALE_AFTER_HOURS },
      },
      path: "/",
      covers: [],
    },
  ];
}
