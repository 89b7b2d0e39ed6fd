/**
 * The store contract: what every store driver must do, written once and run against SQLite
 * (test/integration/store-contract-sqlite.test.ts) and against D1 inside workerd
 * (test/workers/store-contract-d1.test.ts). Writes, window replacement by source, footprints,
 * rollups, import records and metrics. Imports nothing that needs Node.
 */
import { asc, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { footprintRecord } from "../../src/carbon/footprint-batch";
import type { CostLine, Footprint, MetricDay } from "../../src/model";
import { type EstimatedLine, replaceCostLines, upsertCostLines } from "../../src/store/cost-lines";
import { recordImportFile, replaceOtherProviders, seenFileVersions } from "../../src/store/imports";
import { replaceFootprints, replaceMetricDays } from "../../src/store/metrics";
import { readOrganizationAccounts, replaceOrganizationAccounts } from "../../src/store/organization-accounts";
import { resourceDetail, topResources } from "../../src/store/read/resources";
import { type ResourceLine, replaceResourceLines } from "../../src/store/resource-lines";
import {
  costDaily,
  costLines,
  costMonthly,
  footprints,
  importFiles,
  importOtherProviders,
  metricDays,
  resourceLines,
  resourceMonths,
  resources,
} from "../../src/store/schema/index";
import { readDb, type Store } from "../../src/store/store";

const AT = "2026-11-18T10:00:00.000Z";
const A = "111111111111";
const B = "222222222222";

export function contractLine(overrides: Partial<CostLine> = {}): CostLine {
  return {
    day: "2026-10-05",
    accountId: A,
    service: "Amazon Elastic Compute Cloud - Compute",
    region: "eu-west-3",
    usageType: "EUW3-BoxUsage:t3.medium",
    pipeline: "probes",
    unblendedCostUsd: 1.25,
    amortizedCostUsd: 1.5,
    usageAmount: 24,
    usageUnit: "Hrs",
    estimated: false,
    source: "cost-explorer",
    ...overrides,
  };
}

export function contractFootprint(grams: number): Footprint {
  return {
    usageClass: "compute",
    method: "instance-table",
    factorSet: "cairn-2026",
    energyKwh: grams / 50,
    energyKwhLow: grams / 80,
    energyKwhHigh: grams / 30,
    cpuKwh: grams / 60,
    memoryKwh: 0,
    storageKwh: 0,
    networkKwh: 0,
    gpuKwh: 0,
    co2eGrams: grams,
    co2eGramsLow: grams * 0.6,
    co2eGramsHigh: grams * 1.7,
    marketCo2eGrams: grams / 2,
    embodiedCo2eGrams: 1,
    reason: "contract",
    fallback: null,
    utilisation: 0.5,
  };
}

const est = (line: CostLine, grams: number | null = null): EstimatedLine => ({
  line,
  footprint: grams === null ? null : contractFootprint(grams),
});

function metric(day: string, region: string, overrides: Partial<MetricDay> = {}): MetricDay {
  return {
    day,
    region,
    namespace: "AWS/EC2",
    metricName: "CPUUtilization",
    stat: "Average",
    dimensions: "InstanceId=i-0abc",
    resourceId: "i-0abc",
    instanceType: "t3.medium",
    unit: "Percent",
    average: 12.5,
    minimum: 2,
    maximum: 40,
    sum: 300,
    samples: 24,
    samplesAtMinimum: 1,
    partial: false,
    ...overrides,
  };
}

async function lines(store: Store) {
  return readDb(store)
    .select()
    .from(costLines)
    .orderBy(asc(costLines.day), asc(costLines.accountId), asc(costLines.usageType), asc(costLines.source));
}

async function daily(store: Store) {
  return readDb(store)
    .select({
      day: costDaily.day,
      account: costDaily.accountId,
      source: costDaily.source,
      cost: costDaily.unblendedCostUsd,
      co2e: costDaily.co2eGrams,
      lines: costDaily.lines,
    })
    .from(costDaily)
    .orderBy(asc(costDaily.day), asc(costDaily.accountId), asc(costDaily.source));
}

const sum = (rows: { cost: number }[]) => Math.round(rows.reduce((s, r) => s + r.cost, 0) * 1e6) / 1e6;

/** Empties every table the contract touches, so each case starts from nothing on either driver. */
async function reset(store: Store): Promise<void> {
  const db = readDb(store);
  for (const table of [footprints, costLines, metricDays, importFiles, importOtherProviders]) await db.delete(table);
  for (const table of [resourceLines, resourceMonths, resources]) await db.delete(table);
  await upsertCostLines(store, [], AT); // rebuilds nothing, but leaves the rollups consistent
  await db.run(sql`DELETE FROM cost_daily`);
  await db.run(sql`DELETE FROM cost_monthly`);
  await db.run(sql`DELETE FROM cost_source_days`);
}

export function storeContract(driver: string, open: () => Store): void {
  describe(`store contract (${driver})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = open();
      await reset(store);
    });

    describe("writes", () => {
      it("upserts by natural key: a second write updates every figure, amortised cost included", async () => {
        await upsertCostLines(store, [est(contractLine())], AT);
        await upsertCostLines(
          store,
          [est(contractLine({ unblendedCostUsd: 2, amortizedCostUsd: 2.75, usageAmount: 30, estimated: true }))],
          "2026-11-19T10:00:00.000Z",
        );
        const rows = await lines(store);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
          unblendedCostUsd: 2,
          amortizedCostUsd: 2.75,
          usageAmount: 30,
          estimated: true,
          collectedAt: "2026-11-19T10:00:00.000Z",
        });
      });

      it("keeps one line per source for the same key (the source is part of the key)", async () => {
        await upsertCostLines(
          store,
          [est(contractLine()), est(contractLine({ source: "focus", unblendedCostUsd: 1.3 }))],
          AT,
        );
        expect((await lines(store)).map((l) => l.source).sort()).toEqual(["cost-explorer", "focus"]);
      });
    });

    describe("window replacement", () => {
      it("replaces the window's lines of the source, leaves other days and other sources alone", async () => {
        await upsertCostLines(
          store,
          [
            est(contractLine({ day: "2026-10-01", usageType: "old" })),
            est(contractLine({ day: "2026-10-05", usageType: "gone" })),
            est(contractLine({ day: "2026-10-05", usageType: "focus-kept", source: "focus" })),
            est(contractLine({ day: "2026-10-09", usageType: "after" })),
          ],
          AT,
        );
        await replaceCostLines(
          store,
          { from: "2026-10-02", to: "2026-10-09", source: "cost-explorer" },
          [est(contractLine({ day: "2026-10-06", usageType: "new" }))],
          AT,
        );
        expect((await lines(store)).map((l) => `${l.day} ${l.usageType} ${l.source}`)).toEqual([
          "2026-10-01 old cost-explorer",
          "2026-10-05 focus-kept focus",
          "2026-10-06 new cost-explorer",
          "2026-10-09 after cost-explorer",
        ]);
      });

      it("limits a replacement to the accounts it names", async () => {
        await upsertCostLines(store, [est(contractLine({ accountId: A })), est(contractLine({ accountId: B }))], AT);
        await replaceCostLines(
          store,
          { from: "2026-10-01", to: "2026-11-01", source: "cost-explorer", accountIds: [A] },
          [],
          AT,
        );
        expect((await lines(store)).map((l) => l.accountId)).toEqual([B]);
      });

      it("refuses a line outside the window and writes nothing", async () => {
        await expect(
          replaceCostLines(
            store,
            { from: "2026-10-01", to: "2026-10-02", source: "cost-explorer" },
            [est(contractLine())],
            AT,
          ),
        ).rejects.toThrow(RangeError);
        expect(await lines(store)).toEqual([]);
      });
    });

    describe("footprints", () => {
      it("stores a footprint with its line, drops it when the line is rewritten without one", async () => {
        await upsertCostLines(store, [est(contractLine(), 120)], AT);
        const [withOne] = await readDb(store).select().from(footprints);
        expect(withOne).toMatchObject({
          co2eGrams: 120,
          co2eGramsLow: 72,
          co2eGramsHigh: 204,
          method: "instance-table",
        });
        await upsertCostLines(store, [est(contractLine({ unblendedCostUsd: 9 }))], AT);
        expect(await readDb(store).select().from(footprints)).toEqual([]);
      });

      it("replaces footprints by line id (the CloudWatch re-estimate)", async () => {
        await upsertCostLines(store, [est(contractLine(), 120)], AT);
        const [line] = await lines(store);
        await replaceFootprints(store, [{ costLineId: line?.id ?? -1, footprint: contractFootprint(80) }]);
        const rows = await readDb(store).select().from(footprints);
        expect(rows.map((f) => f.co2eGrams)).toEqual([80]);
        expect((await daily(store)).map((d) => d.co2e)).toEqual([80]);
      });
      it("stores the estimator's packed footprints (values read through getters), by upsert and by id", async () => {
        const line = contractLine({ usageType: "EUW3-BoxUsage:m5.large", usageAmount: 24, unblendedCostUsd: 2 });
        const [item] = estimateLines([line], { factorSet: "cairn-2026" });
        const expected = footprintRecord(item?.footprint as Footprint);
        expect(expected.co2eGrams).toBeGreaterThan(0);
        await upsertCostLines(store, [item as EstimatedLine], AT);
        const [stored] = await readDb(store).select().from(footprints);
        expect(stored).toMatchObject(expected);
        const [again] = estimateLines([{ ...line, usageAmount: 12 }], { factorSet: "cairn-2026" });
        const [row] = await lines(store);
        await replaceFootprints(store, [{ costLineId: row?.id ?? -1, footprint: again?.footprint ?? null }]);
        const [replaced] = await readDb(store).select().from(footprints);
        expect(replaced).toMatchObject(footprintRecord(again?.footprint as Footprint));
      });
    });

    describe("rollups", () => {
      it("hold the counted lines' sums after every write, per day and per month", async () => {
        await upsertCostLines(
          store,
          [
            est(contractLine({ day: "2026-10-05", usageType: "a", unblendedCostUsd: 1 }), 10),
            est(contractLine({ day: "2026-10-05", usageType: "b", unblendedCostUsd: 2 }), 20),
            est(contractLine({ day: "2026-10-06", usageType: "a", unblendedCostUsd: 4 })),
          ],
          AT,
        );
        expect(await daily(store)).toEqual([
          { day: "2026-10-05", account: A, source: "cost-explorer", cost: 3, co2e: 30, lines: 2 },
          { day: "2026-10-06", account: A, source: "cost-explorer", cost: 4, co2e: 0, lines: 1 },
        ]);
        const months = await readDb(store)
          .select({ month: costMonthly.month, cost: costMonthly.unblendedCostUsd, lines: costMonthly.lines })
          .from(costMonthly);
        expect(months).toEqual([{ month: "2026-10", cost: 7, lines: 3 }]);
        await replaceCostLines(store, { from: "2026-10-06", to: "2026-10-07", source: "cost-explorer" }, [], AT);
        expect(sum(await daily(store))).toBe(3);
      });

      it("count one source per account and day: a complete FOCUS month wins over Cost Explorer", async () => {
        const ce: EstimatedLine[] = [];
        const focus: EstimatedLine[] = [];
        for (let d = 1; d <= 31; d++) {
          const day = `2026-10-${String(d).padStart(2, "0")}`;
          ce.push(est(contractLine({ day, unblendedCostUsd: 1 })));
          focus.push(est(contractLine({ day, unblendedCostUsd: 1.1, source: "focus" })));
        }
        await upsertCostLines(store, ce, AT);
        expect(sum(await daily(store))).toBe(31);
        // A FOCUS period is complete when the export reaches the month's last day.
        await upsertCostLines(store, focus.slice(0, 30), AT);
        expect(sum(await daily(store))).toBe(31); // incomplete FOCUS counts only where nothing else does
        await upsertCostLines(store, focus.slice(30), AT);
        const rows = await daily(store);
        expect([...new Set(rows.map((r) => r.source))]).toEqual(["focus"]);
        expect(rows).toHaveLength(31);
        expect(sum(rows)).toBe(34.1);
      });
    });

    describe("resource lines", () => {
      const resourceLine = (overrides: Partial<ResourceLine> = {}): ResourceLine => {
        const { source: _s, estimated: _e, ...line } = contractLine();
        return {
          ...line,
          resourceId: "i-0abc",
          usageAmount: 12,
          unblendedCostUsd: 0.625,
          amortizedCostUsd: 0.75,
          ...overrides,
        };
      };
      const facts = (resourceId: string, seenOn: string, name: string) => ({
        resourceId,
        accountId: A,
        name,
        type: "Instance",
        service: "Amazon Elastic Compute Cloud - Compute",
        region: "eu-west-3",
        tags: JSON.stringify({ team: "probes" }),
        seenOn,
      });
      const OCT = { from: "2026-10-01", to: "2026-11-01" };

      it("replace a window without doubling, take their share of the cost line's footprint, and roll up", async () => {
        await upsertCostLines(store, [est(contractLine(), 100)], AT);
        const scope = { from: "2026-10-05", to: "2026-10-06", source: "cost-explorer" as const };
        const two = [resourceLine(), resourceLine({ resourceId: "i-0def", unblendedCostUsd: 0.5, usageAmount: 6 })];
        await replaceResourceLines(store, scope, two, [facts("i-0abc", "2026-10-05", "probe")]);
        await replaceResourceLines(store, scope, two, [facts("i-0abc", "2026-10-05", "probe")]);
        const top = await topResources(readDb(store), { ...OCT, by: "cost", limit: 10 });
        expect(top.resources.map((r) => [r.resourceId, r.name, r.costUsd])).toEqual([
          ["i-0abc", "probe", 0.625],
          ["i-0def", "", 0.5],
        ]);
        expect(top.count).toBe(2);
        // Half and a quarter of the line's 24 hours: half and a quarter of its 100 g.
        expect(top.resources.map((r) => r.co2eGrams)).toEqual([50, 25]);
        const partial = await topResources(readDb(store), {
          from: "2026-10-02",
          to: "2026-10-30",
          by: "co2e",
          limit: 1,
        });
        expect(partial.resources.map((r) => [r.resourceId, r.co2eGrams])).toEqual([["i-0abc", 50]]);
        const detail = await resourceDetail(readDb(store), "i-0abc", OCT);
        expect(detail?.tags).toEqual({ team: "probes" });
        expect([detail?.firstDay, detail?.lastDay]).toEqual(["2026-10-05", "2026-10-05"]);
        expect(detail?.period.energyKwh).toBeCloseTo(1, 9);
        // A replacement without i-0def removes it, and older facts never overwrite newer ones.
        await replaceResourceLines(store, scope, [resourceLine()], [facts("i-0abc", "2026-10-01", "older name")]);
        const after = await topResources(readDb(store), { ...OCT, by: "cost", limit: 10 });
        expect(after.resources.map((r) => [r.resourceId, r.name])).toEqual([["i-0abc", "probe"]]);
      });

      it("write hundreds of lines and resources within D1's bound parameters", async () => {
        // Resource lines count where their source's cost lines count: one cost line per day.
        const days: EstimatedLine[] = [];
        for (let d = 1; d <= 28; d++)
          days.push(est(contractLine({ day: `2026-10-${String(d).padStart(2, "0")}` }), 10));
        await upsertCostLines(store, days, AT);
        const many: ResourceLine[] = [];
        const known = [];
        for (let i = 0; i < 240; i++) {
          const id = `i-${String(i).padStart(4, "0")}`;
          many.push(
            resourceLine({
              resourceId: id,
              unblendedCostUsd: 0.01,
              day: `2026-10-${String(1 + (i % 28)).padStart(2, "0")}`,
            }),
          );
          known.push(facts(id, "2026-10-05", `n${i}`));
        }
        await replaceResourceLines(store, { ...OCT, source: "cost-explorer" }, many, known);
        const top = await topResources(readDb(store), { ...OCT, by: "cost", limit: 5 });
        expect(top.count).toBe(240);
        expect(top.totalCostUsd).toBeCloseTo(2.4, 9);
      });

      it("count only the source counted for their day and account: a complete FOCUS month hides Cost Explorer's", async () => {
        await upsertCostLines(store, [est(contractLine(), 100)], AT);
        await replaceResourceLines(
          store,
          { ...OCT, source: "cost-explorer" },
          [resourceLine()],
          [facts("i-0abc", "2026-10-05", "probe")],
        );
        expect((await topResources(readDb(store), { ...OCT, by: "cost", limit: 10 })).count).toBe(1);
        const focus: EstimatedLine[] = [];
        for (let d = 1; d <= 31; d++) {
          focus.push(est(contractLine({ day: `2026-10-${String(d).padStart(2, "0")}`, source: "focus" })));
        }
        await upsertCostLines(store, focus, AT);
        const hidden = await topResources(readDb(store), { ...OCT, by: "cost", limit: 10 });
        expect(hidden.count).toBe(0);
        const partial = await topResources(readDb(store), {
          from: "2026-10-05",
          to: "2026-10-06",
          by: "cost",
          limit: 10,
        });
        expect(partial.count).toBe(0);
      });
    });

    describe("import records", () => {
      it("remembers which file versions were imported, once each", async () => {
        const file = {
          name: "focus/2026-10/part-0.csv",
          etag: "abc",
          sizeBytes: 2048,
          importedAt: AT,
          focusVersion: "1.2",
          billingPeriods: "2026-10",
          billingAccountIds: A,
          rows: 10,
          awsRows: 10,
          otherProviderRows: 0,
          badRows: 0,
        };
        await recordImportFile(store, file);
        await recordImportFile(store, file);
        expect([...(await seenFileVersions(store))]).toEqual(["focus/2026-10/part-0.csv\u0000abc"]);
      });

      it("replaces an export's other-provider totals whole", async () => {
        const key = { billingAccountId: A, billingPeriod: "2026-10" };
        const total = (provider: string, billedCost: number) => ({
          ...key,
          provider,
          billedCost,
          currency: "USD",
          rows: 3,
        });
        await replaceOtherProviders(store, key, [total("Datadog", 12), total("GitHub", 4)]);
        await replaceOtherProviders(store, key, [total("Datadog", 13)]);
        const rows = await readDb(store).select().from(importOtherProviders);
        expect(rows.map((r) => `${r.provider} ${r.billedCost}`)).toEqual(["Datadog 13"]);
      });
    });

    describe("organization accounts", () => {
      it("are replaced whole by each read, over several insert statements on D1", async () => {
        const many = Array.from({ length: 45 }, (_, i) => ({
          accountId: String(100000000000 + i),
          name: `team-${i}`,
          status: i === 3 ? "SUSPENDED" : "ACTIVE",
        }));
        expect(await replaceOrganizationAccounts(store, many, AT)).toBe(45);
        const stored = await readOrganizationAccounts(store);
        expect(stored).toHaveLength(45);
        expect(stored[3]).toEqual({ accountId: "100000000003", name: "team-3", status: "SUSPENDED", fetchedAt: AT });
        await replaceOrganizationAccounts(store, [{ accountId: B, name: "Bac à sable", status: "ACTIVE" }], AT);
        expect((await readOrganizationAccounts(store)).map((a) => `${a.accountId}=${a.name}`)).toEqual([
          `${B}=Bac à sable`,
        ]);
      });
    });

    describe("metrics", () => {
      it("make a window of days and regions the whole truth, leaving other regions alone", async () => {
        const meta = { runId: null, collectedAt: AT };
        await replaceMetricDays(
          store,
          { from: "2026-10-01", to: "2026-10-08" },
          [metric("2026-10-02", "eu-west-3"), metric("2026-10-02", "eu-west-1"), metric("2026-10-03", "eu-west-3")],
          meta,
        );
        await replaceMetricDays(
          store,
          { from: "2026-10-01", to: "2026-10-08", regions: ["eu-west-3"] },
          [metric("2026-10-03", "eu-west-3", { average: 50, partial: true })],
          meta,
        );
        const rows = await readDb(store)
          .select({
            day: metricDays.day,
            region: metricDays.region,
            average: metricDays.average,
            partial: metricDays.partial,
          })
          .from(metricDays)
          .orderBy(asc(metricDays.region), asc(metricDays.day));
        expect(rows).toEqual([
          { day: "2026-10-02", region: "eu-west-1", average: 12.5, partial: false },
          { day: "2026-10-03", region: "eu-west-3", average: 50, partial: true },
        ]);
      });
    });
  });
}
