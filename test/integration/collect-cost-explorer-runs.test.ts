/**
 * The Cost Explorer collector against the fake Cost Explorer on 127.0.0.1: a paginated 13-month
 * backfill, daily runs, a restated second run, two runs in a row; stored totals equal the
 * server's to the cent after each, and each run's requests are counted and recorded.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readCollectState } from "../../src/jobs/collect-state";
import { latestForecast } from "../../src/store/read/forecast";
import { readDb } from "../../src/store/store";
import { demoLikeRecords, RESEARCH_ACCOUNT, restate } from "../helpers/cost-explorer-dataset";
import {
  type Harness,
  harness,
  lineCount,
  requestRows,
  runRows,
  storedCents,
  truthCents,
} from "../helpers/cost-explorer-harness";
import { type FakeCostExplorer, type FakeRecord, startFakeCostExplorer } from "../helpers/fake-cost-explorer";

let fake: FakeCostExplorer | null = null;
let h: Harness | null = null;
afterEach(async () => {
  h?.opened.close();
  await fake?.close();
  fake = null;
  h = null;
});

const T0 = "2026-07-15T06:00:00Z";
const BACKFILL_FROM = "2025-06-01";

/** Asserts stored totals equal the server's to the cent: overall, per day, account, service, pipeline. */
function expectTotalsEqual(hh: Harness, records: readonly FakeRecord[], from: string, to: string): void {
  for (const by of [undefined, "day", "account_id", "service", "pipeline"] as const) {
    const stored = storedCents(hh.opened, from, to, by);
    const truth = truthCents(records, from, to, by);
    // Keys with a zero total may have no stored line at all.
    for (const [k, v] of truth) if (v[0] === 0 && v[1] === 0 && !stored.has(k)) truth.delete(k);
    expect(Object.fromEntries(stored), `totals by ${by ?? "all"}`).toEqual(Object.fromEntries(truth));
  }
}

/** Pages a query of `pageSize` groups needs for these records: the expectation, counted apart. */
function pagesFor(
  records: readonly FakeRecord[],
  from: string,
  to: string,
  accountId: string,
  key: (r: FakeRecord) => string,
  pageSize: number,
): number {
  const groups = new Set(
    records.filter((r) => r.accountId === accountId && r.day >= from && r.day < to).map((r) => `${r.day}|${key(r)}`),
  );
  return Math.max(1, Math.ceil(groups.size / pageSize));
}

function expectedRequests(
  records: readonly FakeRecord[],
  from: string,
  to: string,
  pageSize: number,
  forecast = true,
): number {
  const accounts = [...new Set(records.filter((r) => r.day >= from && r.day < to).map((r) => r.accountId))];
  let n = 1 + (forecast ? 1 : 0);
  for (const a of accounts) {
    n += pagesFor(records, from, to, a, (r) => `${r.service}|${r.usageType}`, pageSize);
    n += pagesFor(records, from, to, a, (r) => `${r.pipeline}|${r.usageType}`, pageSize);
  }
  return n;
}

describe("Cost Explorer collection runs", () => {
  it("backfills 13 months over many pages, then re-reads the open months, a restatement, and a daily window", async () => {
    let records = demoLikeRecords({ from: BACKFILL_FROM, to: "2026-07-20" });
    fake = await startFakeCostExplorer({ dataset: { records, estimated: (d) => d >= "2026-06-01" }, pageSize: 500 });
    h = harness(fake, T0);

    // Run 1: the backfill, 13 whole months and the current one, every page followed.
    const first = await h.run();
    expect(first.error).toBeNull();
    expect(first.status).toBe("succeeded");
    expect(first.window).toEqual({ from: BACKFILL_FROM, to: "2026-07-15", kind: "backfill" });
    expect(first.accounts).toEqual(["111111111111", "222222222222"]);
    const backfillRequests = expectedRequests(records, BACKFILL_FROM, "2026-07-15", 500);
    expect(backfillRequests).toBeGreaterThan(20);
    expect(first.requests).toBe(backfillRequests);
    expect(fake.answered()).toBe(backfillRequests);
    expect(fake.violations).toEqual([]);
    expect(first.requestCostUsd).toBe(Math.round(backfillRequests) / 100);
    expectTotalsEqual(h, records, BACKFILL_FROM, "2026-07-15");
    expect(first.finalMonths.at(-1)).toBe("2026-05");
    expect(first.forecast).toMatchObject({ source: "aws", month: "2026-07" });
    const rows = requestRows(h.opened);
    expect(rows).toHaveLength(backfillRequests);
    expect(rows.every((r) => r.units === 1 && r.cost_usd === 0.01 && r.run_id === first.runId)).toBe(true);
    expect(rows.filter((r) => r.operation === "GetDimensionValues")).toHaveLength(1);
    expect(rows.filter((r) => r.operation === "GetCostForecast")).toHaveLength(1);

    // Run 2, next morning: the trailing days and June (not final yet), one page per query.
    fake.setPageSize(100_000);
    h.clock.now = new Date("2026-07-16T06:00:00Z");
    const second = await h.run();
    expect(second.status).toBe("succeeded");
    expect(second.window).toEqual({ from: "2026-06-01", to: "2026-07-16", kind: "incremental" });
    expect(second.requests).toBe(1 + 4 + 1);
    expectTotalsEqual(h, records, BACKFILL_FROM, "2026-07-16");
    expect(second.monthRequests).toBe(backfillRequests + 6);

    // Run 3, same evening: AWS restated June and July and closed June.
    records = restate(records, "2026-06-01", "2026-07-16");
    fake.setDataset({ records, estimated: (d) => d >= "2026-07-01" });
    h.clock.now = new Date("2026-07-16T18:00:00Z");
    const third = await h.run();
    expect(third.status).toBe("succeeded");
    // Second run of the day: the accounts and AWS's forecast were asked this morning.
    expect(third.requests).toBe(4);
    expect(
      requestRows(h.opened)
        .filter((r) => r.run_id === third.runId)
        .map((r) => r.operation),
    ).toEqual(Array(4).fill("GetCostAndUsage"));
    expect(third.forecast?.source).toBe("aws");
    expectTotalsEqual(h, records, BACKFILL_FROM, "2026-07-16");
    expect(third.finalMonths).toEqual(["2026-06"]);
    const guardDuty = h.opened.sqlite
      .prepare("SELECT count(*) AS n FROM cost_lines WHERE service = 'Amazon GuardDuty'")
      .get() as { n: number };
    expect(guardDuty.n).toBe(daysFrom("2026-06-01", "2026-07-16"));
    expect(await readCollectState(h.opened.store)).toEqual({
      backfilledFrom: BACKFILL_FROM,
      collectedTo: "2026-07-16",
      finalThrough: "2026-06",
      accounts: ["111111111111", "222222222222"],
      accountsDay: "2026-07-16",
    });

    // Run 4, next morning: June is final, so only the trailing days are read.
    h.clock.now = new Date("2026-07-17T06:00:00Z");
    const fourth = await h.run();
    expect(fourth.window).toEqual({ from: "2026-07-14", to: "2026-07-17", kind: "incremental" });
    expect(fourth.requests).toBe(6);
    expectTotalsEqual(h, records, BACKFILL_FROM, "2026-07-17");
    // Stored lines carry AWS's Estimated flag of their day.
    const flags = h.opened.sqlite
      .prepare(
        "SELECT day < '2026-07-01' AS closed, max(estimated) AS hi, min(estimated) AS lo FROM cost_lines GROUP BY closed",
      )
      .all() as { closed: number; hi: number; lo: number }[];
    expect(flags).toEqual([
      { closed: 0, hi: 1, lo: 1 },
      { closed: 1, hi: 0, lo: 0 },
    ]);
    expect(runRows(h.opened).map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    const forecast = await latestForecast(readDb(h.opened.store), "2026-07");
    expect(forecast?.source).toBe("aws");
    expect(forecast?.asOfDay).toBe("2026-07-17");
    expect(forecast?.monthToDateUsd).toBeCloseTo(
      truthCents(records, "2026-07-01", "2026-07-17").get("all")?.[0] ?? -1,
      2,
    );
    expect(forecast?.remainingUsd).toBe(100);
  });

  it("costs 4 requests for a daily run of one account whose answers fit in one page", async () => {
    const records = demoLikeRecords({ from: "2026-04-01", to: "2026-07-20", accounts: [RESEARCH_ACCOUNT] });
    fake = await startFakeCostExplorer({ dataset: { records, estimated: (d) => d >= "2026-07-01" }, pageSize: 5000 });
    h = harness(fake, T0);
    const backfill = await h.run({ backfillMonths: 3 });
    expect(backfill.window.from).toBe("2026-04-01");
    expect(backfill.requests).toBe(expectedRequests(records, "2026-04-01", "2026-07-15", 5000));
    expect(backfill.error).toBeNull();
    expect(backfill.finalMonths).toEqual(["2026-04", "2026-05", "2026-06"]);

    h.clock.now = new Date("2026-07-16T05:15:00Z");
    const daily = await h.run();
    expect(daily.window).toEqual({ from: "2026-07-13", to: "2026-07-16", kind: "incremental" });
    expect(daily.requests).toBe(4);
    expect(
      requestRows(h.opened)
        .filter((r) => r.run_id === daily.runId)
        .map((r) => r.operation),
    ).toEqual(["GetDimensionValues", "GetCostAndUsage", "GetCostAndUsage", "GetCostForecast"]);
    expectTotalsEqual(h, records, "2026-04-01", "2026-07-16");
    expect(lineCount(h.opened)).toBeGreaterThan(0);
  });

  it("lets --from/--to re-read a past range without moving the incremental state", async () => {
    const records = demoLikeRecords({ from: "2026-05-01", to: "2026-07-20" });
    fake = await startFakeCostExplorer({ dataset: { records, estimated: (d) => d >= "2026-07-01" } });
    h = harness(fake, T0);
    await h.run({ backfillMonths: 2 });
    const before = await readCollectState(h.opened.store);
    const manual = await h.run({ from: "2026-05-10", to: "2026-05-20" });
    expect(manual.status).toBe("succeeded");
    expect(manual.window).toEqual({ from: "2026-05-10", to: "2026-05-20", kind: "override" });
    expect(manual.forecast).toBeNull();
    expect(manual.requests).toBe(1 + 4);
    expect(await readCollectState(h.opened.store)).toEqual(before);
    expectTotalsEqual(h, records, "2026-05-01", "2026-07-15");
  });
});

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
