/**
 * Every failure ends the run as failed with a readable reason, writes no cost line, is recorded
 * with the requests it made, and the next run re-reads the same window and gets it right.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readCollectState } from "../../src/jobs/collect-state";
import { latestForecast } from "../../src/store/read/forecast";
import { readDb } from "../../src/store/store";
import { demoLikeRecords, restate } from "../helpers/cost-explorer-dataset";
import { type Harness, harness, requestRows, runRows, storedCents, truthCents } from "../helpers/cost-explorer-harness";
import {
  type FakeCostExplorer,
  type FakeRecord,
  type Fault,
  startFakeCostExplorer,
} from "../helpers/fake-cost-explorer";

let fake: FakeCostExplorer | null = null;
let h: Harness | null = null;
afterEach(async () => {
  h?.opened.close();
  await fake?.close();
  fake = null;
  h = null;
});

const FROM = "2026-05-01";

function expectTotals(hh: Harness, records: readonly FakeRecord[], to: string): void {
  for (const by of [undefined, "day", "service", "pipeline"] as const) {
    expect(Object.fromEntries(storedCents(hh.opened, FROM, to, by)), `by ${by ?? "all"}`).toEqual(
      Object.fromEntries(truthCents(records, FROM, to, by)),
    );
  }
}

/** A successful backfill on July 15th, then AWS restates June and July before the next run. */
async function afterBackfill(pageSize = 100_000) {
  const records = demoLikeRecords({ from: FROM, to: "2026-07-20" });
  fake = await startFakeCostExplorer({ dataset: { records, estimated: (d) => d >= "2026-06-01" }, pageSize });
  h = harness(fake, "2026-07-15T06:00:00Z");
  const first = await h.run({ backfillMonths: 2 });
  expect(first.status).toBe("succeeded");
  const restated = restate(records, "2026-06-01", "2026-07-16");
  fake.setDataset({ records: restated, estimated: (d) => d >= "2026-06-01" });
  h.clock.now = new Date("2026-07-16T06:00:00Z");
  return { fake, h, records, restated };
}

interface FailureCase {
  name: string;
  fault: Fault;
  kind: string;
  message: RegExp;
  /** Attempts the failed run made and recorded: every attempt that reached AWS is billed, SDK retries included. */
  requests: number;
  pageSize?: number;
}

const CASES: FailureCase[] = [
  {
    name: "throttling that outlasts the SDK's retries",
    fault: { operation: "GetCostAndUsage", kind: "throttling", times: 99, skip: 1 },
    kind: "throttled",
    message: /throttled GetCostAndUsage \(ThrottlingException\) and still refused after 3 attempts/,
    // Two answered requests, then three refused attempts of the third.
    requests: 2 + 3,
  },
  {
    name: "LimitExceededException that outlasts the retries",
    fault: { operation: "GetCostAndUsage", kind: "limit-exceeded", times: 99 },
    kind: "throttled",
    message: /LimitExceededException/,
    requests: 1 + 3,
  },
  {
    name: "access denied to GetCostAndUsage",
    fault: { operation: "GetCostAndUsage", kind: "access-denied", times: 99 },
    kind: "access-denied",
    message: /may not call ce:GetCostAndUsage \(grant the IAM action ce:GetCostAndUsage/,
    requests: 2,
  },
  {
    name: "access denied to GetDimensionValues",
    fault: { operation: "GetDimensionValues", kind: "access-denied", times: 99 },
    kind: "access-denied",
    message: /ce:GetDimensionValues/,
    requests: 1,
  },
  {
    name: "access denied to GetCostForecast, after every page was read",
    fault: { operation: "GetCostForecast", kind: "access-denied", times: 99 },
    kind: "access-denied",
    message: /ce:GetCostForecast/,
    requests: 6,
  },
  {
    name: "no data yet",
    fault: { operation: "GetCostAndUsage", kind: "data-unavailable", times: 99 },
    kind: "no-data",
    message: /no data for this period yet \(DataUnavailableException/,
    requests: 2,
  },
  {
    name: "an expired token",
    fault: { operation: "GetCostAndUsage", kind: "expired-token", times: 99, skip: 2 },
    kind: "expired-credentials",
    message: /credentials were refused \(ExpiredTokenException\).*aws sso login/,
    requests: 4,
  },
  {
    name: "a page token AWS no longer accepts (RequestChangedException) on the third page",
    fault: { operation: "GetCostAndUsage", kind: "request-changed", times: 1, skip: 2 },
    kind: "request-changed",
    message: /RequestChangedException/,
    requests: 4,
    pageSize: 200,
  },
  {
    name: "a malformed JSON answer on a later page",
    fault: { operation: "GetCostAndUsage", kind: "malformed", times: 99, skip: 1 },
    kind: "malformed-answer",
    message: /could not be read \(malformed or truncated, HTTP 200/,
    requests: 3,
    pageSize: 200,
  },
  {
    name: "a truncated answer (connection cut mid-body)",
    fault: { operation: "GetCostAndUsage", kind: "truncated", times: 99, skip: 3 },
    kind: "malformed-answer",
    message: /GetCostAndUsage could not be read/,
    // The cut answer reached AWS: the SDK's two retries of it are billed too.
    requests: 5 + 2,
    pageSize: 200,
  },
];

describe("Cost Explorer collection failures", () => {
  for (const c of CASES) {
    it(`fails cleanly on ${c.name}, then the next run recovers`, async () => {
      const { fake, h, records, restated } = await afterBackfill(c.pageSize);
      const stateBefore = await readCollectState(h.opened.store);
      const linesBefore = h.opened.sqlite.prepare("SELECT count(*) AS n FROM cost_lines").get();
      fake.fail(c.fault);

      const failed = await h.run();
      expect(failed.status).toBe("failed");
      expect(failed.errorKind).toBe(c.kind);
      expect(failed.error).toMatch(c.message);
      expect(failed.rowsWritten).toBe(0);
      expect(failed.requests).toBe(c.requests);
      // Nothing partial: the store is exactly as the backfill left it.
      expectTotals(h, records, "2026-07-15");
      expect(h.opened.sqlite.prepare("SELECT count(*) AS n FROM cost_lines").get()).toEqual(linesBefore);
      expect(await readCollectState(h.opened.store)).toEqual(stateBefore);
      const run = runRows(h.opened).at(-1);
      expect(run).toMatchObject({
        status: "failed",
        requests: c.requests,
        rows_written: 0,
        from_day: "2026-06-01",
        to_day: "2026-07-16",
      });
      expect(run?.error).toBe(failed.error);
      expect(requestRows(h.opened).filter((r) => r.run_id === failed.runId)).toHaveLength(c.requests);

      // The next run re-reads the same window and gets AWS's restated figures.
      fake.clearFaults();
      h.clock.now = new Date("2026-07-16T18:00:00Z");
      const next = await h.run();
      expect(next.status).toBe("succeeded");
      expect(next.window.from).toBe("2026-06-01");
      expectTotals(h, restated, "2026-07-16");
      expect(fake.violations).toEqual([]);
    });
  }

  it("retries a throttled request through the SDK and records every attempt, each one billed", async () => {
    const { fake, h, restated } = await afterBackfill();
    const httpBefore = fake.requests.length;
    fake.fail({ operation: "GetCostAndUsage", kind: "limit-exceeded", times: 2 });
    const run = await h.run();
    expect(run.status).toBe("succeeded");
    expect(fake.requests.length - httpBefore).toBe(6 + 2);
    // What reached AWS is what was recorded: the two refused attempts are on the bill too.
    expect(run.requests).toBe(6 + 2);
    expect(requestRows(h.opened).filter((r) => r.run_id === run.runId)).toHaveLength(6 + 2);
    expectTotals(h, restated, "2026-07-16");
  });

  it("fails cleanly when Cost Explorer cannot be reached, recording no billed request", async () => {
    const { fake, h, records } = await afterBackfill();
    await fake.close();
    const failed = await h.run();
    expect(failed.status).toBe("failed");
    expect(failed.errorKind).toBe("network");
    expect(failed.error).toMatch(/Could not reach Cost Explorer for GetDimensionValues \(ECONNREFUSED/);
    expect(failed.requests).toBe(0);
    expectTotals(h, records, "2026-07-15");
    expect(runRows(h.opened).at(-1)?.status).toBe("failed");
  });

  it("falls back to Cairn's weekday-profile forecast when AWS has none", async () => {
    const { fake, h, restated } = await afterBackfill();
    fake.setForecast(null);
    const run = await h.run();
    expect(run.status).toBe("succeeded");
    expect(run.forecast?.source).toBe("cairn");
    const forecast = await latestForecast(readDb(h.opened.store), "2026-07");
    expect(forecast).toMatchObject({ source: "cairn", method: "weekday-profile", asOfDay: "2026-07-16" });
    const monthToDate = truthCents(restated, "2026-07-01", "2026-07-16").get("all")?.[0] ?? -1;
    expect(Math.round((forecast?.monthToDateUsd ?? 0) * 100) / 100).toBe(monthToDate);
    expect(forecast?.totalUsd).toBeGreaterThan(forecast?.monthToDateUsd ?? Number.POSITIVE_INFINITY);
  });

  it("stops before exceeding the monthly request cap, with a message naming it", async () => {
    const { fake, h, records } = await afterBackfill();
    const used = requestRows(h.opened).length;
    // The daily run needs 6 requests; allow only 4 more this month.
    const httpBefore = fake.requests.length;
    const capped = await h.run({ maxRequestsPerMonth: used + 4 });
    expect(capped.status).toBe("failed");
    expect(capped.errorKind).toBe("request-cap");
    expect(capped.error).toContain(`${used + 1} of CAIRN_CE_MAX_REQUESTS=${used + 4} requests used in 2026-07`);
    expect(capped.error).toContain("needs at least 5 more");
    expect(capped.requests).toBe(1);
    expect(fake.requests.length - httpBefore).toBe(1);
    expectTotals(h, records, "2026-07-15");
    // With room for exactly the run, it goes through and ends at the cap.
    const fits = await h.run({ maxRequestsPerMonth: used + 1 + 6 });
    expect(fits.status).toBe("succeeded");
    expect(fits.monthRequests).toBe(used + 7);
    expect(fits.monthRequestCostUsd).toBe((used + 7) / 100);
  });
});
