import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Footprint } from "../../src/model";
import { replaceCostLines, upsertCostLines } from "../../src/store/cost-lines";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { costsBy } from "../../src/store/read/costs";
import { readDb } from "../../src/store/store";
import { line, unestimated } from "../helpers/lines";

const footprint: Footprint = {
  usageClass: "serverless",
  method: "default-utilisation",
  factorSet: "test-1",
  energyKwh: 0.5,
  cpuKwh: 0.4,
  memoryKwh: 0.1,
  storageKwh: 0,
  networkKwh: 0,
  gpuKwh: 0,
  co2eGrams: 20.5,
  marketCo2eGrams: 0,
  embodiedCo2eGrams: 3,
  energyKwhLow: 0.4,
  energyKwhHigh: 0.6,
  co2eGramsLow: 18,
  co2eGramsHigh: 23,
  reason: "test",
  fallback: null,
  utilisation: 0.5,
};

let opened: OpenedStore;
beforeEach(() => {
  opened = openSqliteStore(":memory:");
});
afterEach(() => opened.close());

const month = { from: "2026-10-01", to: "2026-11-01" };
const total = async () => (await costsBy(readDb(opened.store), { period: month, groupBy: "day" })).total;

describe("cost line writes", () => {
  const lines = [
    line({ day: "2026-10-01", unblendedCostUsd: 1.1 }),
    line({ day: "2026-10-02", unblendedCostUsd: 2.2 }),
    line({ day: "2026-10-02", pipeline: "", unblendedCostUsd: 0.7 }),
    line({
      day: "2026-10-03",
      service: "Amazon Simple Storage Service",
      usageType: "EUW3-TimedStorage-ByteHrs",
      unblendedCostUsd: 3.3,
    }),
  ];

  it("writing the same lines twice gives the same totals and line count", async () => {
    await upsertCostLines(opened.store, unestimated(lines), "2026-10-04T00:00:00Z");
    const first = await total();
    await upsertCostLines(opened.store, unestimated(lines), "2026-10-05T00:00:00Z");
    const second = await total();
    expect(first.lines).toBe(4);
    expect(second).toEqual(first);
    expect(second.costUsd).toBeCloseTo(7.3, 9);
  });

  it("a restated line replaces the old value instead of adding to it", async () => {
    await upsertCostLines(opened.store, unestimated(lines), "2026-10-04T00:00:00Z");
    await upsertCostLines(
      opened.store,
      unestimated([line({ day: "2026-10-02", unblendedCostUsd: 2.5 })]),
      "2026-10-05T00:00:00Z",
    );
    const t = await total();
    expect(t.lines).toBe(4);
    expect(t.costUsd).toBeCloseTo(7.6, 9);
  });

  it("replacing a window drops lines that vanished from it and keeps the rest", async () => {
    await upsertCostLines(opened.store, unestimated(lines), "2026-10-04T00:00:00Z");
    await replaceCostLines(
      opened.store,
      { from: "2026-10-02", to: "2026-10-03", source: "cost-explorer" },
      unestimated([line({ day: "2026-10-02", unblendedCostUsd: 2.0 })]),
      "2026-10-05T00:00:00Z",
    );
    const t = await total();
    expect(t.lines).toBe(3);
    expect(t.costUsd).toBeCloseTo(1.1 + 2.0 + 3.3, 9);
  });

  it("replacing only one account's window leaves other accounts alone", async () => {
    const other = line({ day: "2026-10-02", accountId: "222222222222", unblendedCostUsd: 9 });
    await upsertCostLines(opened.store, unestimated([...lines, other]), "t");
    await replaceCostLines(
      opened.store,
      { from: "2026-10-01", to: "2026-11-01", accountIds: ["111111111111"], source: "cost-explorer" },
      [],
      "t",
    );
    const t = await total();
    expect(t.lines).toBe(1);
    expect(t.costUsd).toBe(9);
  });

  it("replacing a Cost Explorer window keeps the FOCUS lines of the same days, with the same keys", async () => {
    const focus = lines.map((l) => ({ ...l, source: "focus" as const, unblendedCostUsd: l.unblendedCostUsd + 0.01 }));
    await upsertCostLines(opened.store, unestimated([...lines, ...focus]), "2026-10-04T00:00:00Z");
    const bare = () =>
      opened.sqlite
        .prepare("SELECT source, count(*) AS n, round(sum(unblended_cost_usd), 6) AS c FROM cost_lines GROUP BY source")
        .all();
    expect(bare()).toEqual([
      { source: "cost-explorer", n: 4, c: 7.3 },
      { source: "focus", n: 4, c: 7.34 },
    ]);
    await replaceCostLines(
      opened.store,
      { from: "2026-10-02", to: "2026-10-03", source: "cost-explorer" },
      unestimated([line({ day: "2026-10-02", unblendedCostUsd: 2.0 })]),
      "2026-10-05T00:00:00Z",
    );
    expect(bare()).toEqual([
      { source: "cost-explorer", n: 3, c: 6.4 },
      { source: "focus", n: 4, c: 7.34 },
    ]);
  });

  it("refuses lines outside the replaced window and writes nothing", async () => {
    await expect(
      replaceCostLines(
        opened.store,
        { from: "2026-10-02", to: "2026-10-03", source: "cost-explorer" },
        unestimated(lines),
        "t",
      ),
    ).rejects.toThrow(/outside the replaced window/);
    expect((await total()).lines).toBe(0);
  });

  it("stores the footprint with its line, and removes it when the line is rewritten unestimated", async () => {
    await upsertCostLines(opened.store, [{ line: lines[0] ?? line(), footprint }], "t");
    expect((await total()).co2eGrams).toBeCloseTo(20.5, 9);
    await upsertCostLines(
      opened.store,
      [{ line: lines[0] ?? line(), footprint: { ...footprint, co2eGrams: 30 } }],
      "t",
    );
    expect((await total()).co2eGrams).toBeCloseTo(30, 9);
    await upsertCostLines(opened.store, unestimated([lines[0] ?? line()]), "t");
    expect((await total()).co2eGrams).toBe(0);
  });

  it("a failure in the middle of a batch writes nothing (one transaction)", async () => {
    const bad = { ...line({ day: "2026-10-09" }), unblendedCostUsd: null as unknown as number };
    await expect(upsertCostLines(opened.store, unestimated([line({ day: "2026-10-08" }), bad]), "t")).rejects.toThrow();
    expect((await total()).lines).toBe(0);
  });
});
