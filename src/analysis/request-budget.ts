/**
 * Keeps the scheduled collections inside the monthly Cost Explorer request cap. Two runs a day
 * for two accounts need about 310 requests in a 31-day month, a little over the default cap of
 * 300: rather than let the cap stop the month's last morning runs, an extra run of a day (the
 * afternoon refresh) is skipped when making it would leave too little for one run on every
 * remaining day. The first run of each day always goes ahead (the cap itself still guards it).
 * Pure.
 */

export interface RequestBudgetInput {
  /** Requests already made this month. */
  usedThisMonth: number;
  cap: number;
  /** Whether a successful run already happened today (UTC). */
  ranToday: boolean;
  /** Days left in the month after today. */
  daysLeftAfterToday: number;
  /** What one run costs, from the last successful run (null when unknown: never skip). */
  requestsPerRun: number | null;
}

export interface RequestBudgetDecision {
  run: boolean;
  reason: string;
}

export function scheduledRunDecision(input: RequestBudgetInput): RequestBudgetDecision {
  const { usedThisMonth, cap, ranToday, daysLeftAfterToday, requestsPerRun } = input;
  if (!ranToday) return { run: true, reason: "first collection of the day" };
  if (requestsPerRun === null) return { run: true, reason: "no earlier run to size this one" };
  const reserve = daysLeftAfterToday * requestsPerRun;
  const afterThisRun = usedThisMonth + requestsPerRun;
  if (afterThisRun + reserve > cap) {
    return {
      run: false,
      reason:
        `skipped the extra collection of the day to keep the Cost Explorer request cap: ${usedThisMonth} of ${cap} ` +
        `used, this run would take about ${requestsPerRun} and the ${daysLeftAfterToday} remaining days need ` +
        `about ${reserve}`,
    };
  }
  return { run: true, reason: `within the request budget (${afterThisRun + reserve} of ${cap} with the reserve)` };
}
