/**
 * The Resources views on Athena, for periods whose resource lines are not kept locally: the same
 * rankings (by cost and by CO2e, per pipeline) as the local reader over a local import of the same
 * files, the answer cached in the store by query and period (a second view sends nothing, a
 * collection that re-reads the period drops it), and the query's cost counted against the cap.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { RESOURCES_PURPOSE, topResourcesOnAthena } from "../../src/jobs/athena-resources";
import { AthenaCapError } from "../../src/jobs/athena-session";
import { collectAthena } from "../../src/jobs/collect-athena";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { recentAthenaQueries } from "../../src/store/athena-queries";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { type ResourceQuery, resourceDetail, type TopResources, topResources } from "../../src/store/read/resources";
import { readDb } from "../../src/store/store";
import { type AthenaHarness, focusMonth, startAthenaHarness, TABLE } from "../helpers/athena-harness";

const NOW = new Date("2026-03-10T12:00:00Z");
let tick = 0;
const now = () => new Date(NOW.getTime() + 1000 * tick++);
const estimate = (lines: CostLine[]) => estimateLines(lines, { factorSet: "cairn-2026" });
const FEBRUARY = { from: "2026-02-01", to: "2026-03-01" };

let harness: AthenaHarness;
let local: OpenedStore;
let viaAthena: OpenedStore;
beforeEach(async () => {
  harness = await startAthenaHarness([
    ...focusMonth("2026-01"),
    ...focusMonth("2026-02"),
    ...focusMonth("2026-03").slice(0, 30),
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

const onAthena = (q: ResourceQuery, maxUsdPerMonth = 5) =>
  topResourcesOnAthena(
    { store: viaAthena.store, athena: harness.athena({ maxUsdPerMonth }), now },
    { ...q, pipelineTag: "pipeline" },
  );

function rounded(t: TopResources) {
  return {
    count: t.count,
    totalCostUsd: Number(t.totalCostUsd.toFixed(9)),
    totalCo2eGrams: Number(t.totalCo2eGrams.toFixed(6)),
    resources: t.resources.map((r) => ({
      ...r,
      costUsd: Number(r.costUsd.toFixed(9)),
      amortizedCostUsd: Number(r.amortizedCostUsd.toFixed(9)),
      co2eGrams: Number(r.co2eGrams.toFixed(6)),
    })),
  };
}

describe("resource views on Athena", () => {
  it("rank resources as the local reader does over a local import of the same files", async () => {
    const views: ResourceQuery[] = [
      { ...FEBRUARY, by: "cost", limit: 10 },
      { ...FEBRUARY, by: "co2e", limit: 3 },
      { ...FEBRUARY, by: "cost", limit: 10, pipeline: "temperatures" },
      { ...FEBRUARY, by: "cost", limit: 10, pipeline: "" },
      { from: "2026-01-10", to: "2026-02-20", by: "co2e", limit: 10 },
    ];
    for (const q of views) {
      const expected = rounded(await topResources(readDb(local.store), q));
      expect(expected.resources.length).toBeGreaterThan(0);
      const { cached: _, ...athena } = await onAthena(q);
      expect({ q, ...rounded(athena) }).toEqual({ q, ...expected });
    }
    // CO2e ranks differently from cost here: the ranking is not just the cost order.
    const byCo2e = (await onAthena({ ...FEBRUARY, by: "co2e", limit: 10 })).resources.map((r) => r.resourceId);
    const byCost = (await onAthena({ ...FEBRUARY, by: "cost", limit: 10 })).resources.map((r) => r.resourceId);
    expect(byCo2e).not.toEqual(byCost);
  });

  it("caches the answer by query and period, counts its cost against the cap, and forgets it when the period is re-read", async () => {
    const q: ResourceQuery = { ...FEBRUARY, by: "cost", limit: 5 };
    const sent = harness.fake.queries.length;
    const first = await onAthena(q);
    expect(first.cached).toBe(false);
    expect(harness.fake.queries.length).toBe(sent + 1);
    expect(harness.fake.queries.at(-1)?.partitions).toEqual(["2026-02"]);
    // Another ranking or pipeline of the same period and days: the same cached answer.
    const again = await onAthena({ ...q, by: "co2e", pipeline: "website" });
    expect(again.cached).toBe(true);
    expect(harness.fake.queries.length).toBe(sent + 1);
    const [recorded] = await recentAthenaQueries(viaAthena.store, 1);
    expect([recorded?.purpose, recorded?.billingPeriods, recorded?.state]).toEqual([
      RESOURCES_PURPOSE,
      "2026-02",
      "SUCCEEDED",
    ]);
    expect(recorded?.costUsd).toBeGreaterThan(0);
    // Re-collecting February drops the cached view: the next one asks Athena again.
    await collectAthena(
      { store: viaAthena.store, athena: harness.athena(), now, estimate },
      { pipelineTag: "pipeline", backfillMonths: 1, maxErrors: 0, periods: ["2026-02"] },
    );
    expect((await onAthena(q)).cached).toBe(false);
  });

  it("is refused by the monthly cap like any other query, and sends nothing", async () => {
    const sent = harness.fake.queries.length;
    await expect(onAthena({ ...FEBRUARY, by: "cost", limit: 5 }, 0.0001)).rejects.toThrow(AthenaCapError);
    expect(harness.fake.queries.length).toBe(sent);
  });
});

describe("the Resources page and API for a period kept only on Athena", () => {
  it("rank the period's resources through Athena, say so in both locales, and give the engine in the API", async () => {
    const { webFixture } = await import("../helpers/web");
    const env = { CAIRN_ATHENA_TABLE: TABLE, CAIRN_ATHENA_OUTPUT: "s3://cairn-athena-results/queries/" };
    for (const locale of ["en", "fr"] as const) {
      const fixture = webFixture({ ...env, CAIRN_LOCALE: locale }, NOW, { athena: () => harness.clients });
      // Cost lines collected on Athena: no resource lines are kept locally.
      await collectAthena(
        { store: fixture.store, athena: harness.athena(), now, estimate },
        { pipelineTag: "pipeline", backfillMonths: 3, maxErrors: 0, periods: ["2026-02"] },
      );
      const viewer = await fixture.signIn("viewer");
      const glueReads = () => harness.fake.operations.filter((o) => o === "glue:GetTable").length;
      const before = glueReads();
      const html = await (await viewer.request("/resources?from=2026-02-01&to=2026-03-01")).text();
      // The table is read from Glue once for the page (ranking and new/gone together).
      expect(glueReads()).toBe(before + 1);
      const expected = await topResources(readDb(local.store), { ...FEBRUARY, by: "cost", limit: 50 });
      expect(html).toContain(expected.resources[0]?.resourceId);
      expect(html).toContain(locale === "en" ? "this ranking comes from Athena" : "ce classement vient d’Athena");
      expect(html).toContain(
        locale === "en"
          ? "The resources new or gone come from it too"
          : "Les ressources apparues ou disparues en viennent aussi",
      );
      const api = (await (await viewer.request("/api/v1/resources?from=2026-02-01&to=2026-03-01")).json()) as {
        engine: string;
        resources: { resourceId: string }[];
        count: number;
      };
      expect(api.engine).toBe("athena");
      expect(api.count).toBe(expected.count);
      expect(api.resources.map((r) => r.resourceId)).toEqual(expected.resources.map((r) => r.resourceId));
      // One resource's page and its API come from Athena too, and say so.
      const id = expected.resources[0]?.resourceId ?? "";
      const page = await (
        await viewer.request(`/resources/${encodeURIComponent(id)}?from=2026-02-01&to=2026-03-01`)
      ).text();
      expect(page).toContain(locale === "en" ? "this page comes from Athena" : "cette page vient d’Athena");
      const local1 = await resourceDetail(readDb(local.store), id, FEBRUARY);
      const detail = (await (
        await viewer.request(`/api/v1/resources/${encodeURIComponent(id)}?from=2026-02-01&to=2026-03-01`)
      ).json()) as { engine: string; period: { costUsd: number }; usageTypes: unknown[] };
      expect(detail.engine).toBe("athena");
      expect(detail.period.costUsd).toBeCloseTo(local1?.period.costUsd ?? Number.NaN, 9);
      expect(detail.usageTypes).toHaveLength(local1?.usageTypes.length ?? -1);
      fixture.close();
    }
  });
});
