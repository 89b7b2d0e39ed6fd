/**
 * No successful collection for 36 hours (src/analysis/freshness.ts). One alert per stale
 * episode: the key carries the last success, so a new stale spell after a recovery alerts again. Pure.
 */
import { freshnessOf, STALE_AFTER_HOURS } from "../freshness";
import { type Alert, alertKey } from "./alert";

export interface StaleInput {
  lastSuccessAt: string | null;
  now: Date;
}

export function staleDataAlerts(input: StaleInput): Alert[] {
  const f = freshnessOf(input.lastSuccessAt, input.now);
  if (f.fresh) return [];
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
