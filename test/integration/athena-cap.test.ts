/**
 * The monthly cap's estimate, said as it is: the first query of an export is estimated at the
 * 10 MB minimum charge (nothing is known of the export's size yet), and the refusal says so with
 * the amounts to the millionth; later queries are estimated from what was read; queries still
 * running count with their estimates (two started together cannot both pass the cap), unless
 * left RUNNING so long ago that their process must have died.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { athenaCostUsd, billedBytes, MIN_BILLED_BYTES } from "../../collectors/athena/cost";
import { costLinesQuery } from "../../collectors/athena/sql";
import { standardFocusTable } from "../../collectors/athena/table-schema";
import { AthenaCapError, athenaQuery, expectation, GROWTH_MARGIN } from "../../src/jobs/athena-session";
import { COST_LINES_PURPOSE, collectAthena } from "../../src/jobs/collect-athena";
import { recentAthenaQueries, recordAthenaStart } from "../../src/store/athena-queries";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { type AthenaHarness, focusMonth, noFootprint, startAthenaHarness, TABLE } from "../helpers/athena-harness";

const NOW = new Date("2026-03-10T12:00:00Z");
let tick = 0;
const now = () => new Date(NOW.getTime() + 1000 * tick++);
const MINIMUM_USD = athenaCostUsd(0);
const query = (period: string) => costLinesQuery(standardFocusTable(TABLE), "pipeline", period);

let harness: AthenaHarness;
let opened: OpenedStore;
beforeEach(async () => {
  harness = await startAthenaHarness([...focusMonth("2026-02"), ...focusMonth("2026-03").slice(0, 30)]);
  opened = openSqliteStore(":memory:");
});
afterEach(async () => {
  opened.close();
  await harness.close();
});
const session = (maxUsdPerMonth: number) => ({ store: opened.store, athena: harness.athena({ maxUsdPerMonth }), now });

describe("the Athena cap's estimate", () => {
  it("is the 10 MB minimum for an export never read, and the refusal says so to the millionth", async () => {
    expect(MINIMUM_USD).toBeCloseTo((10 / 1024 / 1024) * 5, 12);
    expect(billedBytes(1)).toBe(MIN_BILLED_BYTES);
    expect(await expectation(opened.store, COST_LINES_PURPOSE, query("2026-02"))).toEqual({
      bytes: 0,
      basis: "minimum",
    });
    const refused = athenaQuery(session(MINIMUM_USD * 0.9), COST_LINES_PURPOSE, query("2026-02"));
    await expect(refused).rejects.toThrow(AthenaCapError);
    await expect(refused).rejects.toThrow(
      "this month's Athena spending ($0.0000) plus this query's expected cost ($0.000048, from the 10 MB minimum charge: " +
        "no query has read this export yet, so the real cost may be higher, and counts against the cap from then on) " +
        "would pass CAIRN_ATHENA_MAX_USD ($0.000043)",
    );
    expect(harness.fake.queries).toEqual([]);
    // A cap that leaves room for the minimum lets the first query run; its real bytes are recorded.
    await athenaQuery(session(MINIMUM_USD * 1.5), COST_LINES_PURPOSE, query("2026-02"));
    const [first] = await recentAthenaQueries(opened.store, 1);
    expect([first?.state, first?.estimatedCostUsd, first?.bytesScanned]).toEqual([
      "SUCCEEDED",
      MINIMUM_USD,
      harness.fake.queries[0]?.bytesScanned,
    ]);
  });

  it("rests on what was read: the same periods plus 10%, else the largest period read", async () => {
    await athenaQuery(session(5), COST_LINES_PURPOSE, query("2026-02"));
    const read = harness.fake.queries[0]?.bytesScanned ?? 0;
    expect(read).toBeGreaterThan(0);
    expect(await expectation(opened.store, COST_LINES_PURPOSE, query("2026-02"))).toEqual({
      bytes: Math.ceil(read * GROWTH_MARGIN),
      basis: "same-query",
    });
    expect(await expectation(opened.store, COST_LINES_PURPOSE, query("2026-03"))).toEqual({
      bytes: read,
      basis: "largest-period",
    });
  });

  it("counts the queries still running with their estimates, but not one left RUNNING hours ago", async () => {
    const start = (startedAt: string, estimatedCostUsd: number) =>
      recordAthenaStart(opened.store, {
        purpose: "resources-top",
        billingPeriods: "2026-02",
        startedAt,
        estimatedCostUsd,
      });
    // Another view started a minute ago, expected to cost $1: with the cap at $1, this one cannot start.
    await start(new Date(NOW.getTime() - 60_000).toISOString(), 1);
    await expect(athenaQuery(session(1), COST_LINES_PURPOSE, query("2026-02"))).rejects.toThrow(
      /queries still running \(\$1\.0000 expected\)/,
    );
    expect(harness.fake.queries).toEqual([]);
    // A query its process left RUNNING three hours ago no longer holds the cap.
    opened.sqlite
      .prepare("UPDATE athena_queries SET started_at = ? WHERE state = 'RUNNING'")
      .run(new Date(NOW.getTime() - 3 * 3_600_000).toISOString());
    await athenaQuery(session(1), COST_LINES_PURPOSE, query("2026-02"));
    expect(harness.fake.queries).toHaveLength(1);
  });

  it("a backfill refused whole says how many of its queries are estimated at the minimum", async () => {
    const summary = await collectAthena(
      {
        store: opened.store,
        athena: harness.athena({ maxUsdPerMonth: MINIMUM_USD * 1.5 }),
        now,
        estimate: noFootprint,
      },
      { pipelineTag: "pipeline", backfillMonths: 2, maxErrors: 0, periods: ["2026-02", "2026-03"] },
    );
    expect(summary.errorKind).toBe("athena-cap");
    expect(summary.error).toContain(
      "plus its 2 queries' expected cost ($0.000095, 2 of them at the 10 MB minimum as no query has read this export yet)",
    );
  });
});
