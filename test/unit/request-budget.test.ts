import { describe, expect, it } from "vitest";
import { scheduledRunDecision } from "../../src/analysis/request-budget";

describe("scheduledRunDecision", () => {
  it.each([
    // used, cap, ranToday, daysLeft, perRun, expected run
    { used: 0, cap: 300, ranToday: false, daysLeft: 30, perRun: 6, run: true }, // first run of a day always
    { used: 295, cap: 300, ranToday: false, daysLeft: 0, perRun: 6, run: true }, // the cap itself guards it
    { used: 100, cap: 300, ranToday: true, daysLeft: 20, perRun: 4, run: true }, // 104 + 80 = 184 <= 300
    { used: 200, cap: 300, ranToday: true, daysLeft: 20, perRun: 4, run: true }, // 204 + 80 = 284 <= 300
    { used: 216, cap: 300, ranToday: true, daysLeft: 20, perRun: 4, run: true }, // 220 + 80 = 300: exactly fits
    { used: 217, cap: 300, ranToday: true, daysLeft: 20, perRun: 4, run: false }, // 221 + 80 = 301 > 300
    { used: 50, cap: 300, ranToday: true, daysLeft: 10, perRun: null, run: true }, // unknown size: never skip
  ])("used $used of $cap, ran today $ranToday, $daysLeft days left, $perRun per run", (c) => {
    const decision = scheduledRunDecision({
      usedThisMonth: c.used,
      cap: c.cap,
      ranToday: c.ranToday,
      daysLeftAfterToday: c.daysLeft,
      requestsPerRun: c.perRun,
    });
    expect(decision.run).toBe(c.run);
    expect(decision.reason.length).toBeGreaterThan(10);
  });

  it("spends a 31-day month of two accounts (6 then 4 requests a day) without exceeding 300", () => {
    let used = 0;
    let skipped = 0;
    for (let day = 1; day <= 31; day++) {
      used += 6; // morning run: the account list, 2 queries per account, the forecast
      const evening = scheduledRunDecision({
        usedThisMonth: used,
        cap: 300,
        ranToday: true,
        daysLeftAfterToday: 31 - day,
        requestsPerRun: 6,
      });
      if (evening.run) used += 4;
      else skipped += 1;
      expect(used).toBeLessThanOrEqual(300);
    }
    expect(skipped).toBeGreaterThan(0);
    expect(skipped).toBeLessThan(10);
  });
});
