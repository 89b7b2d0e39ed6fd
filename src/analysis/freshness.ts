/** Is the data fresh? Stale after 36 hours without a successful collection. Pure. */

export const STALE_AFTER_HOURS = 36;

export interface Freshness {
  fresh: boolean;
  /** ISO time of the last successful collection, if any. */
  lastSuccessAt: string | null;
  ageHours: number | null;
  reason: string;
}

export function freshnessOf(lastSuccessAt: string | null, now: Date, staleAfterHours = STALE_AFTER_HOURS): Freshness {
  if (lastSuccessAt === null) {
    return { fresh: false, lastSuccessAt, ageHours: null, reason: "no successful collection yet" };
  }
  const ageHours = (now.getTime() - Date.parse(lastSuccessAt)) / 3_600_000;
  const rounded = Math.round(ageHours * 10) / 10;
  if (ageHours > staleAfterHours) {
    return {
      fresh: false,
      lastSuccessAt,
      ageHours: rounded,
      reason: `last successful collection ${rounded} h ago (at ${lastSuccessAt}), more than ${staleAfterHours} h`,
    };
  }
  return { fresh: true, lastSuccessAt, ageHours: rounded, reason: `last successful collection ${rounded} h ago` };
}
