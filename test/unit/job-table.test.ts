import { describe, expect, it } from "vitest";
import { isFiveFieldCron, loadConfig } from "../../src/config";
import { JOB_TABLE, jobTableFor } from "../../src/jobs/job-table";
import { startScheduler } from "../../src/jobs/scheduler";

describe("the job table and its configured crons", () => {
  it("keeps the defaults when nothing is configured", () => {
    expect(jobTableFor(loadConfig({}))).toEqual(JOB_TABLE);
  });

  it("takes each configured cron in place of its default, and only that one", () => {
    const table = jobTableFor(loadConfig({ CAIRN_WEEKLY_REPORT_CRON: "30 7 * * 5", CAIRN_COLLECT_CRON: "0 4 * * *" }));
    const cronOf = (name: string) => table.find((j) => j.name === name)?.cron;
    expect(cronOf("weekly-report")).toBe("30 7 * * 5");
    expect(cronOf("collect")).toBe("0 4 * * *");
    expect(cronOf("monthly-report")).toBe(JOB_TABLE.find((j) => j.name === "monthly-report")?.cron);
  });

  it("is what the Node scheduler runs: the next weekly report follows the configured cron", () => {
    const table = jobTableFor(loadConfig({ CAIRN_WEEKLY_REPORT_CRON: "30 7 * * 5" }));
    const scheduler = startScheduler({ "weekly-report": async () => "ok" }, () => {}, table);
    try {
      const [weekly] = scheduler.describe();
      expect(weekly?.name).toBe("weekly-report");
      expect(weekly?.cron).toBe("30 7 * * 5");
      expect(weekly?.next?.getUTCDay()).toBe(5);
      expect(weekly?.next?.getUTCHours()).toBe(7);
      expect(weekly?.next?.getUTCMinutes()).toBe(30);
    } finally {
      scheduler.stop();
    }
  });

  it.each(["every monday", "0 6 * *", "61 6 * * 1", "0 6 * * 1 2026"])(
    "refuses the cron %j with a clear message",
    (cron) => {
      expect(() => loadConfig({ CAIRN_WEEKLY_REPORT_CRON: cron })).toThrow(/CAIRN_WEEKLY_REPORT_CRON.*five-field cron/);
    },
  );
});

describe("isFiveFieldCron", () => {
  it.each([
    ["15 5,17 * * *", true],
    ["0 6 * * 1", true],
    ["30 6 3-10 * *", true],
    ["*/15 * * * 1-5", true],
    ["0 0 1 1 7", true],
    ["0 24 * * *", false],
    ["0 6 0 * *", false],
    ["0 6 * 13 *", false],
    ["0 6 * * 8", false],
    ["5-1 * * * *", false],
    ["*/0 * * * *", false],
    ["0 6 * * mon", true],
    ["0 6 * * 1 2026", false],
    ["0 6 * * * *", false],
  ])("%j is %s", (cron, valid) => {
    expect(isFiveFieldCron(cron)).toBe(valid);
  });
});
