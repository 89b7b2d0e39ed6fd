/**
 * Collection on Athena against the stand-in (DuckDB over Parquet, Athena's JSON 1.1 protocol):
 * the same cost lines as a local FOCUS import of the same files, every query partitioned, bytes
 * scanned and their cost recorded, and the cap, the workgroup's per-query limit, a failure and a
 * cancellation each stop the run with a readable reason and nothing written.
 */
import { asc, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { athenaCostUsd } from "../../collectors/athena/cost";
import { runAthenaQuery } from "../../collectors/athena/run";
import { PartitionedQuery, partitionedQuery, UnpartitionedQueryError } from "../../collectors/athena/sql";
import { collectErrorText } from "../../src/format/collect-error-words";
import { type CollectAthenaArgs, collectAthena } from "../../src/jobs/collect-athena";
import { importFocus } from "../../src/jobs/import-focus";
import { recentAthenaQueries } from "../../src/store/athena-queries";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { recentRuns } from "../../src/store/runs";
import { costLines, importOtherProviders } from "../../src/store/schema/index";
import { type AthenaHarness, focusMonth, noFootprint, startAthenaHarness, WORKGROUP } from "../helpers/athena-harness";
import { BYTES_LIMIT_REASON } from "../helpers/fake-athena";
import type { ParquetRow } from "../helpers/focus-parquet";

const NOW = new Date("2026-03-10T12:00:00Z");
// A clock that moves a second per reading, so runs and queries are ordered.
let tick = 0;
const now = () => new Date(NOW.getTime() + 1000 * tick++);
const args = (periods?: string[]): CollectAthenaArgs => ({
  pipelineTag: "pipeline",
  backfillMonths: 3,
  maxErrors: 0,
  ...(periods ? { periods } : {}),
});

/** January and February, plus a correction issued in February for a January day. */
function dataset(): ParquetRow[] {
  const correction: ParquetRow = {
    ...(focusMonth("2026-01")[0] as ParquetRow),
    day: "2026-01-15",
    billingPeriod: "2026-02",
    cost: -0.1,
    quantity: 0,
  };
  return [...focusMonth("2026-01"), ...focusMonth("2026-02"), correction, ...focusMonth("2026-03").slice(0, 40)];
}

function storedLines(opened: OpenedStore) {
  return opened.store.db
    .select({
      day: costLines.day,
      accountId: costLines.accountId,
      service: costLines.service,
      region: costLines.region,
      usageType: costLines.usageType,
      pipeline: costLines.pipeline,
      source: costLines.source,
      estimated: costLines.estimated,
      usageUnit: costLines.usageUnit,
      cost: sql<number>`round(${costLines.unblendedCostUsd}, 9)`,
      amortized: sql<number>`round(${costLines.amortizedCostUsd}, 9)`,
      usage: sql<number>`round(${costLines.usageAmount}, 6)`,
    })
    .from(costLines)
    .orderBy(
      asc(costLines.day),
      asc(costLines.accountId),
      asc(costLines.service),
      asc(costLines.usageType),
      asc(costLines.pipeline),
    )
    .all();
}

let harness: AthenaHarness;
let local: OpenedStore;
let viaAthena: OpenedStore;

beforeEach(async () => {
  harness = await startAthenaHarness(dataset(), { bytesLimit: { limited: 2_000 } });
  local = openSqliteStore(":memory:");
  viaAthena = openSqliteStore(":memory:");
});
afterEach(async () => {
  local.close();
  viaAthena.close();
  await harness.close();
});

const collect = (overrides = {}, periods = ["2026-01", "2026-02", "2026-03"]) =>
  collectAthena(
    { store: viaAthena.store, athena: harness.athena(overrides), now, estimate: noFootprint },
    args(periods),
  );

describe("collection on Athena", () => {
  it("gives the same cost lines as a local FOCUS import of the same Parquet files", async () => {
    const imported = await importFocus(
      { store: local.store, now, estimate: noFootprint },
      { target: harness.root, pipelineTag: "pipeline", maxErrors: 0 },
    );
    expect(imported.status).toBe("succeeded");
    const summary = await collect();
    expect(summary.error).toBeNull();
    expect(summary.status).toBe("succeeded");
    const expected = storedLines(local);
    expect(expected.length).toBeGreaterThan(300);
    // Service names in Cost Explorer's vocabulary, EC2 split in two, the correction in January.
    expect(new Set(expected.map((l) => l.service))).toEqual(
      new Set([
        "Amazon Elastic Compute Cloud - Compute",
        "EC2 - Other",
        "Amazon Simple Storage Service",
        "AWS Lambda",
        "Amazon CloudFront",
      ]),
    );
    expect(storedLines(viaAthena)).toEqual(expected);
    expect(summary.costLinesWritten).toBe(expected.length);
    // The other provider's rows are counted apart, as the import counts them.
    const others = (s: OpenedStore) =>
      s.store.db.select().from(importOtherProviders).orderBy(importOtherProviders.billingPeriod).all();
    expect(others(viaAthena).map(({ id: _, ...o }) => o)).toEqual(others(local).map(({ id: _, ...o }) => o));
    expect(harness.fake.violations).toEqual([]);
  });

  it("names its billing period in every query and reads only that partition", async () => {
    await collect();
    const sizes = harness.fake.partitionBytes();
    expect(harness.fake.queries.map((q) => q.partitions)).toEqual([["2026-01"], ["2026-02"], ["2026-03"]]);
    for (const q of harness.fake.queries) {
      expect(q.sql).toContain(`WHERE billing_period IN ('${q.partitions[0]}')`);
      expect(q.bytesScanned).toBe(sizes.get(q.partitions[0] as string));
    }
    // Recorded with their cost ($5 per TB, 10 MB minimum), against the run.
    const recorded = await recentAthenaQueries(viaAthena.store);
    expect(recorded.map((q) => [q.billingPeriods, q.state, q.bytesScanned]).reverse()).toEqual(
      harness.fake.queries.map((q) => [q.partitions[0], "SUCCEEDED", q.bytesScanned]),
    );
    for (const q of recorded) expect(q.costUsd).toBeCloseTo(athenaCostUsd(q.bytesScanned), 12);
    expect(recorded[0]?.costUsd).toBeCloseTo((10 * 1024 * 1024 * 5) / 1024 ** 4, 12);
    const [run] = await recentRuns(viaAthena.store, 1);
    expect(run?.source).toBe("athena");
    expect(recorded.every((q) => q.runId === run?.id)).toBe(true);
  });

  it("reads the answer page by page, the header row once", async () => {
    // Many groups in one period: more than one page of 1,000 rows.
    const many: ParquetRow[] = [];
    for (let d = 1; d <= 28; d++) {
      for (let u = 0; u < 45; u++) {
        many.push({
          day: `2026-02-${String(d).padStart(2, "0")}`,
          hour: 0,
          billingAccountId: "999999999999",
          accountId: "111111111111",
          service: "AWS Lambda",
          serviceCode: "AWSLambda",
          region: "eu-west-3",
          usageType: `EUW3-Lambda-GB-Second-${u}`,
          unit: "Lambda-GB-Second",
          quantity: 1,
          cost: 0.001 * (u + 1),
          resourceId: null,
          resourceName: "",
          resourceType: "",
          tags: {},
        });
      }
    }
    await harness.close();
    harness = await startAthenaHarness(many);
    const summary = await collect({}, ["2026-02"]);
    expect(summary.status).toBe("succeeded");
    expect(summary.periods[0]?.groups).toBe(28 * 45);
    expect(harness.fake.operations.filter((o) => o === "GetQueryResults")).toHaveLength(2);
    expect(summary.costLinesWritten).toBe(28 * 45);
  });

  it("refuses a query without its partition filter before anything is sent", async () => {
    expect(() => partitionedQuery([], (f) => `SELECT 1 FROM t WHERE ${f}`)).toThrow(UnpartitionedQueryError);
    expect(() => partitionedQuery(["2026-13"], (f) => `SELECT 1 FROM t WHERE ${f}`)).toThrow(UnpartitionedQueryError);
    expect(() => partitionedQuery(["2026-02"], () => "SELECT count(*) FROM cur.focus_export")).toThrow(
      /does not filter on its billing periods/,
    );
    // The filter in a comment or a SELECT list is no filter.
    expect(() => partitionedQuery(["2026-02"], (f) => `SELECT ${f} FROM cur.focus_export`)).toThrow(
      UnpartitionedQueryError,
    );
    const lookAlike = { text: "SELECT count(*) FROM cur.focus_export", periods: ["2026-02"] };
    const settings = { workgroup: WORKGROUP, outputLocation: "s3://x/" };
    await expect(
      // @ts-expect-error: only a PartitionedQuery can be run; an object with the same fields is refused.
      runAthenaQuery(harness.client, settings, lookAlike, { sleep: async () => undefined }),
    ).rejects.toThrow(UnpartitionedQueryError);
    await expect(
      runAthenaQuery(harness.client, settings, Object.create(PartitionedQuery.prototype), {
        sleep: async () => undefined,
      }),
    ).rejects.toThrow(UnpartitionedQueryError);
    expect(harness.fake.operations).toEqual([]);
    // The stand-in does measure: the same SQL without the filter reads every partition.
    const everything = partitionedQuery(
      ["2026-02"],
      (f) => `SELECT sum(billedcost) AS n FROM cur.focus_export WHERE ${f} OR true`,
    );
    const result = await runAthenaQuery(harness.client, settings, everything, { sleep: async () => undefined });
    expect(harness.fake.queries[0]?.partitions).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(result.bytesScanned).toBe([...harness.fake.partitionBytes().values()].reduce((a, b) => a + b, 0));
  });
});

describe("what stops a collection on Athena writes nothing", () => {
  async function seeded() {
    // A first collection of February, then the export changes and the next one is stopped.
    const first = await collect({}, ["2026-02"]);
    expect(first.status).toBe("succeeded");
    return storedLines(viaAthena);
  }

  async function lastRun() {
    const [run] = await recentRuns(viaAthena.store, 1);
    return run;
  }

  it("the monthly cap stops the query before it is sent", async () => {
    const before = await seeded();
    const sent = harness.fake.queries.length;
    // The first query cost the 10 MB minimum; a cap just above it leaves no room for another.
    const summary = await collect({ maxUsdPerMonth: athenaCostUsd(0) * 1.5 }, ["2026-02"]);
    expect(summary.status).toBe("failed");
    expect(summary.errorKind).toBe("athena-cap");
    expect(summary.error).toMatch(/would pass CAIRN_ATHENA_MAX_USD/);
    expect(harness.fake.queries.length).toBe(sent);
    expect(storedLines(viaAthena)).toEqual(before);
    const run = await lastRun();
    expect(run?.status).toBe("failed");
    expect(collectErrorText(run?.errorKind, run?.error, "en").message).toMatch(/CAIRN_ATHENA_MAX_USD/);
    expect(collectErrorText(run?.errorKind, run?.error, "fr").message).toMatch(/plafond \(CAIRN_ATHENA_MAX_USD\)/);
    const [refused] = await recentAthenaQueries(viaAthena.store, 1);
    expect(refused?.state).toBe("REFUSED");
    expect(refused?.costUsd).toBe(0);
  });

  it("a backfill the cap cannot afford is refused before its first query", async () => {
    await seeded();
    const sent = harness.fake.queries.length;
    const summary = await collect({ maxUsdPerMonth: athenaCostUsd(0) * 2.5 });
    expect(summary.errorKind).toBe("athena-cap");
    expect(summary.error).toMatch(/3 queries' expected cost/);
    expect(harness.fake.queries.length).toBe(sent);
  });

  it("the workgroup's per-query limit: reported as such, nothing written", async () => {
    const before = await seeded();
    const summary = await collect({ settings: { workgroup: "limited", outputLocation: "s3://r/" } }, ["2026-02"]);
    expect(summary.status).toBe("failed");
    expect(summary.errorKind).toBe("athena-bytes-limit");
    expect(summary.error).toContain(BYTES_LIMIT_REASON);
    expect(storedLines(viaAthena)).toEqual(before);
    const run = await lastRun();
    expect(collectErrorText(run?.errorKind, run?.error, "fr").message).toMatch(/limite de données par requête/);
    const [q] = await recentAthenaQueries(viaAthena.store, 1);
    expect([q?.state, q?.bytesScanned]).toEqual(["CANCELLED", 2_000]);
  });

  it("a failed query: reported with Athena's reason, nothing written", async () => {
    const before = await seeded();
    harness.fake.failNext("FAILED", "HIVE_BAD_DATA: Error parsing field value for field 3");
    const summary = await collect({}, ["2026-02"]);
    expect(summary.errorKind).toBe("athena-failed");
    expect(summary.error).toMatch(/failed: HIVE_BAD_DATA/);
    expect(storedLines(viaAthena)).toEqual(before);
    expect((await lastRun())?.status).toBe("failed");
  });

  it("a cancelled query: reported as cancelled, nothing written, even after other periods were read", async () => {
    const before = await seeded();
    // January reads fine, February is cancelled: January is not written either.
    const sent = harness.fake.queries.length;
    harness.fake.failNext("CANCELLED", "Query was cancelled by user", 1);
    const summary = await collect({}, ["2026-01", "2026-02"]);
    expect(harness.fake.queries.slice(sent).map((q) => [q.partitions, q.state])).toEqual([
      [["2026-01"], "SUCCEEDED"],
      [["2026-02"], "CANCELLED"],
    ]);
    expect(summary.errorKind).toBe("athena-cancelled");
    expect(storedLines(viaAthena)).toEqual(before);
  });
});
