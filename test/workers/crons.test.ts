// wrangler.toml's cron triggers must be exactly the job table's crons: a job left out would
// never run on Workers, an extra cron would fire with no job.
import { describe, expect, inject, it } from "vitest";
import { JOB_TABLE, jobsForCron } from "../../src/jobs/job-table";

describe("cron triggers", () => {
  it("wrangler.toml's crons equal the job table's", () => {
    const fromToml = [...inject("wranglerCrons")].sort();
    const fromTable = [...new Set(JOB_TABLE.map((job) => job.cron))].sort();
    expect(fromToml.length).toBeGreaterThan(0);
    expect(fromToml).toEqual(fromTable);
  });

  it("every cron of wrangler.toml selects at least one job, and each job exactly once", () => {
    const selected = inject("wranglerCrons").flatMap((cron) => jobsForCron(cron).map((job) => job.name));
    expect(selected.sort()).toEqual(JOB_TABLE.map((job) => job.name).sort());
  });
});
