/**
 * The rest of the Resources views on Athena, for periods whose resource lines are not kept
 * locally: the resources new or gone in a period and one resource's page give what the local
 * reader gives over a local import of the same Parquet files; each is one partitioned query,
 * recorded with its bytes, cached in the store (a second view sends nothing) and refused by the
 * monthly cap. CO2e shares are taken per day: with a footprint per hour that changes from day to
 * day (measured utilisation), a resource billed only on some days gets the local import's grams,
 * which a monthly share would miss.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import {
  CHANGES_PURPOSE,
  DETAIL_PURPOSE,
  resourceChangesOnAthena,
  resourceDetailOnAthena,
  topResourcesOnAthena,
} from "../../src/jobs/athena-resources";
import { AthenaCapError } from "../../src/jobs/athena-session";
import { collectAthena } from "../../src/jobs/collect-athena";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine, Period } from "../../src/model";
import { recentAthenaQueries } from "../../src/store/athena-queries";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import {
  type ResourceChanges,
  type ResourceDetail,
  resourceChanges,
  resourceDetail,
  topResources,
} from "../../src/store/read/resources";
import { readDb } from "../../src/store/store";
import { type AthenaHarness, focusMonth, startAthenaHarness } from "../helpers/athena-harness";
import type { ParquetRow } from "../helpers/focus-parquet";

const NOW = new Date("2026-03-10T12:00:00Z");
let tick = 0;
const now = () => new Date(NOW.getTime() + 1000 * tick++);
/** A t3.micro works hard in the first nine days of a month and idles after: its grams per hour change by day. */
const utilisation = (k: { instanceType: string; day: string }) =>
  k.instanceType === "t3.micro" ? (Number(k.day.slice(8, 10)) < 10 ? 0.9 : 0.05) : undefined;
const estimate = (lines: CostLine[]) => estimateLines(lines, { factorSet: "cairn-2026", utilisation });
const FEBRUARY = { from: "2026-02-01", to: "2026-03-01" };
const EVERYTHING = { from: "2026-01-01", to: "2026-04-01" };

/** An instance on the same cost line as i-0abc and i-0def, billed on `days` of `period`. */
function instance(id: string, name: string, period: string, days: number[], tags: Record<string, string>) {
  return days.map(
    (d): ParquetRow => ({
      day: `${period}-${String(d).padStart(2, "0")}`,
      hour: 7,
      billingAccountId: "999999999999",
      accountId: "111111111111",
      service: "Amazon Elastic Compute Cloud",
      serviceCode: "AmazonEC2",
      region: "eu-west-3",
      usageType: "EUW3-BoxUsage:t3.micro",
      unit: "Hrs",
      quantity: 24,
      cost: 0.2832,
      resourceId: id,
      resourceName: name,
      resourceType: "instance",
      tags,
    }),
  );
}
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

let harness: AthenaHarness;
let local: OpenedStore;
let viaAthena: OpenedStore;
beforeEach(async () => {
  harness = await startAthenaHarness([
    ...focusMonth("2026-01"),
    ...focusMonth("2026-02"),
    ...focusMonth("2026-03").slice(0, 30),
    // Appears on 10 February and runs on; only in the idle days of its months.
    ...instance("i-0new", "probe-new", "2026-02", range(10, 28), { "user:pipeline": "temperatures", owner: "alice" }),
    ...instance("i-0new", "probe-new", "2026-03", range(1, 5), { "user:pipeline": "temperatures", owner: "bob" }),
    // Runs from January until 15 February, then is gone.
    ...instance("i-0old", "probe-old", "2026-01", range(1, 30), { "user:pipeline": "temperatures" }),
    ...instance("i-0old", "probe-old", "2026-02", range(1, 15), { "user:pipeline": "temperatures" }),
    // Gone on 20 January, in another pipeline.
    ...instance("i-0jan", "", "2026-01", range(1, 20), { pipeline: "website" }),
  ]);
  local = openSqliteStore(":memory:");
  viaAthena = openSqliteStore(":memory:");
  const imported = await importFocus(
    { store: local.store, now, estimate },
    { target: harness.root, pipelineTag: "pipeline", maxErrors: 0 },
  );
  expect(imported.status).toBe("succeeded");
  const collected = await collectAthena(
    { store: viaAthena.store, athena: harness.athena(), now, estimate },
    { pipelineTag: "pipeline", backfillMonths: 3, maxErrors: 0, periods: ["2026-01", "2026-02", "2026-03"] },
  );
  expect(collected.status).toBe("succeeded");
});
afterEach(async () => {
  local.close();
  viaAthena.close();
  await harness.close();
});

const session = (maxUsdPerMonth = 5) => ({ store: viaAthena.store, athena: harness.athena({ maxUsdPerMonth }), now });
const r9 = (n: number) => Number(n.toFixed(9));
const r6 = (n: number) => Number(n.toFixed(6));

/**
 * Rounded, and each list with the day that makes it: when a resource appeared, when one went.
 * (Athena sees the other end only as far as the billing period after, or before, the view.)
 */
function roundChanges(c: ResourceChanges) {
  const each = (list: ResourceChanges["appeared"], keep: "firstDay" | "lastDay") =>
    list.map(({ firstDay, lastDay, ...r }) => ({
      ...r,
      [keep]: keep === "firstDay" ? firstDay : lastDay,
      costUsd: r9(r.costUsd),
      amortizedCostUsd: r9(r.amortizedCostUsd),
      co2eGrams: r6(r.co2eGrams),
    }));
  return { appeared: each(c.appeared, "firstDay"), gone: each(c.gone, "lastDay") };
}

function roundDetail(d: ResourceDetail | null) {
  if (!d) return null;
  return {
    ...d,
    days: d.days.map((x) => ({
      ...x,
      costUsd: r9(x.costUsd),
      amortizedCostUsd: r9(x.amortizedCostUsd),
      co2eGrams: r6(x.co2eGrams),
    })),
    usageTypes: d.usageTypes.map((u) => ({
      ...u,
      usageAmount: r9(u.usageAmount),
      costUsd: r9(u.costUsd),
      amortizedCostUsd: r9(u.amortizedCostUsd),
      energyKwh: r9(u.energyKwh),
      co2eGrams: r6(u.co2eGrams),
      embodiedCo2eGrams: r6(u.embodiedCo2eGrams),
    })),
    period: Object.fromEntries(Object.entries(d.period).map(([k, v]) => [k, r6(v)])),
    months: d.months.map((m) => ({ ...m, costUsd: r9(m.costUsd), co2eGrams: r6(m.co2eGrams) })),
  };
}

describe("resources new or gone, on Athena", () => {
  it("are those the local reader finds over a local import of the same files", async () => {
    const views: (Period & { pipeline?: string })[] = [
      FEBRUARY,
      { ...FEBRUARY, pipeline: "temperatures" },
      { ...FEBRUARY, pipeline: "website" },
      { from: "2026-01-01", to: "2026-02-01" },
      { from: "2026-02-05", to: "2026-02-20" },
      { from: "2026-03-01", to: "2026-04-01" },
    ];
    for (const v of views) {
      const expected = roundChanges(await resourceChanges(readDb(local.store), v, v.pipeline));
      const { cached: _, ...athena } = await resourceChangesOnAthena(session(), { ...v, pipelineTag: "pipeline" });
      expect({ v, ...roundChanges(athena) }).toEqual({ v, ...expected });
    }
    // The views are not empty: February has one resource new and one gone, January one gone.
    const feb = await resourceChanges(readDb(local.store), FEBRUARY);
    expect([feb.appeared.map((r) => r.resourceId), feb.gone.map((r) => r.resourceId)]).toEqual([
      ["i-0new"],
      ["i-0old"],
    ]);
    const jan = await resourceChanges(readDb(local.store), { from: "2026-01-01", to: "2026-02-01" });
    expect(jan.gone.map((r) => r.resourceId)).toEqual(["i-0jan"]);
  });

  it("reads the period with the one before and the one after, records the query, caches it, and obeys the cap", async () => {
    const sent = harness.fake.queries.length;
    const first = await resourceChangesOnAthena(session(), { ...FEBRUARY, pipelineTag: "pipeline" });
    expect(first.cached).toBe(false);
    // One query for the spans (January to March) and one for the period's figures (February).
    const queries = harness.fake.queries.slice(sent);
    expect(queries.map((q) => q.partitions)).toEqual([["2026-01", "2026-02", "2026-03"], ["2026-02"]]);
    const recorded = await recentAthenaQueries(viaAthena.store, 2);
    const spans = recorded.find((q) => q.purpose === CHANGES_PURPOSE);
    expect([spans?.billingPeriods, spans?.state]).toEqual(["2026-01,2026-02,2026-03", "SUCCEEDED"]);
    expect(spans?.bytesScanned).toBe(queries[0]?.bytesScanned);
    const again = await resourceChangesOnAthena(session(), {
      ...FEBRUARY,
      pipelineTag: "pipeline",
      pipeline: "temperatures",
    });
    expect(again.cached).toBe(true);
    expect(harness.fake.queries.length).toBe(sent + 2);
    await expect(
      resourceChangesOnAthena(session(0.0001), { from: "2026-01-01", to: "2026-02-01", pipelineTag: "pipeline" }),
    ).rejects.toThrow(AthenaCapError);
    expect(harness.fake.queries.length).toBe(sent + 2);
  });
});

describe("one resource's page, on Athena", () => {
  it("gives the local reader's days, usage types, tags and footprint for the same files", async () => {
    for (const id of [
      "i-0new",
      "i-0abc",
      "camera-traps-images",
      "arn:aws:lambda:eu-west-3:222222222222:function:probe-ingest",
    ]) {
      // Over every day the files hold, first and last days and months agree too.
      const whole = roundDetail(await resourceDetail(readDb(local.store), id, EVERYTHING));
      expect(whole?.usageTypes.length).toBeGreaterThan(0);
      const onAthena = await resourceDetailOnAthena(session(), {
        ...EVERYTHING,
        resourceId: id,
        pipelineTag: "pipeline",
      });
      const { cached: _, ...detail } = onAthena ?? { cached: false };
      expect({ id, ...roundDetail(detail as ResourceDetail) }).toEqual({ id, ...whole });
      // Over February: the period's figures (first and last day, months and tags are the period's on Athena).
      const feb = roundDetail(await resourceDetail(readDb(local.store), id, FEBRUARY));
      const febAthena = roundDetail(
        (await resourceDetailOnAthena(session(), {
          ...FEBRUARY,
          resourceId: id,
          pipelineTag: "pipeline",
        })) as ResourceDetail,
      );
      for (const field of ["name", "type", "service", "accountId", "region", "days", "usageTypes", "period"] as const) {
        expect({ id, field, value: febAthena?.[field] }).toEqual({ id, field, value: feb?.[field] });
      }
    }
    // The tags are those of the resource's latest day (in the period, on Athena).
    const latest = await resourceDetailOnAthena(session(), {
      ...EVERYTHING,
      resourceId: "i-0new",
      pipelineTag: "pipeline",
    });
    expect(latest?.tags).toEqual({ "user:pipeline": "temperatures", owner: "bob" });
    const inFebruary = await resourceDetailOnAthena(session(), {
      ...FEBRUARY,
      resourceId: "i-0new",
      pipelineTag: "pipeline",
    });
    expect(inFebruary?.tags).toEqual({ "user:pipeline": "temperatures", owner: "alice" });
    expect([inFebruary?.firstDay, inFebruary?.lastDay]).toEqual(["2026-02-10", "2026-02-28"]);
  });

  it("is one partitioned query per resource and period, recorded and cached; unknown there, it is null", async () => {
    const sent = harness.fake.queries.length;
    const q = { ...FEBRUARY, resourceId: "i-0abc", pipelineTag: "pipeline" };
    expect((await resourceDetailOnAthena(session(), q))?.cached).toBe(false);
    expect(harness.fake.queries.at(-1)?.partitions).toEqual(["2026-02"]);
    expect((await resourceDetailOnAthena(session(), q))?.cached).toBe(true);
    expect(harness.fake.queries.length).toBe(sent + 1);
    const [recorded] = await recentAthenaQueries(viaAthena.store, 1);
    expect([recorded?.purpose, recorded?.billingPeriods, recorded?.state]).toEqual([
      DETAIL_PURPOSE,
      "2026-02",
      "SUCCEEDED",
    ]);
    expect(recorded?.bytesScanned).toBeGreaterThan(0);
    expect(await resourceDetailOnAthena(session(), { ...q, resourceId: "i-nothing" })).toBeNull();
    await expect(resourceDetailOnAthena(session(0.0001), { ...q, resourceId: "vol-01" })).rejects.toThrow(
      AthenaCapError,
    );
  });
});

describe("CO2e shares on Athena", () => {
  it("are taken per day: a resource billed only on idle days gets the local import's grams, not the month's average", async () => {
    const local9 = await topResources(readDb(local.store), { ...FEBRUARY, by: "co2e", limit: 50 });
    const athena9 = await topResourcesOnAthena(session(), {
      ...FEBRUARY,
      by: "co2e",
      limit: 50,
      pipelineTag: "pipeline",
    });
    const grams = (t: typeof local9, id: string) =>
      t.resources.find((r) => r.resourceId === id)?.co2eGrams ?? Number.NaN;
    for (const id of ["i-0new", "i-0old", "i-0abc"]) expect(r6(grams(athena9, id))).toBe(r6(grams(local9, id)));
    // What a monthly share would have given i-0new: the month's grams per hour on the line, times its hours.
    const month = viaAthena.sqlite
      .prepare(
        `SELECT total(c.usage_amount) AS hours, total(f.co2e_grams) AS grams FROM cost_lines c
         JOIN footprints f ON f.cost_line_id = c.id
         WHERE c.usage_type = 'EUW3-BoxUsage:t3.micro' AND c.day >= '2026-02-01' AND c.day < '2026-03-01'`,
      )
      .get() as { hours: number; grams: number };
    const monthly = (month.grams / month.hours) * 24 * 19;
    // The test can tell the two apart: the monthly share is off by far more than rounding.
    expect(Math.abs(monthly - grams(local9, "i-0new")) / grams(local9, "i-0new")).toBeGreaterThan(0.1);
  });
});
