/**
 * The demo's footprint by service (issue 17: "storage no longer dominates"). Loaded as `cairn
 * demo` loads it (real SQLite, the demo's metrics as measured utilisation) and read through the
 * carbon page's read model over the demo's 14 months. The camera-trap archive copy sat in
 * Glacier in Ireland and made S3 58% of the demo's CO2e; in Stockholm it is a small line.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { loadDemo } from "../../src/jobs/load-demo";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { type CarbonGroupRow, carbonBy, carbonTotals } from "../../src/store/read/carbon";
import { readDb } from "../../src/store/store";

const NOW = new Date("2026-11-18T10:00:00Z");
const PERIOD = { from: "2025-10-01", to: "2026-11-18" };
const S3 = "Amazon Simple Storage Service";

let opened: OpenedStore;
let byService: CarbonGroupRow[];
let total: number;
beforeAll(async () => {
  opened = openSqliteStore(":memory:");
  await loadDemo(
    {
      store: opened.store,
      now: () => NOW,
      estimate: (lines, utilisation) => estimateLines(lines, { factorSet: "cairn-2026", utilisation }),
    },
    { onlyIfEmpty: false },
  );
  byService = await carbonBy(opened.store, PERIOD, "service");
  total = (await carbonTotals(opened.store, PERIOD)).co2eGrams;
});
afterAll(() => opened.close());

const shareOf = (service: string) => (byService.find((r) => r.key === service)?.co2eGrams ?? 0) / total;

describe("the demo's footprint by service", () => {
  it("is no longer mostly S3: under half of the location-based CO2e, with compute and databases next", () => {
    expect(shareOf(S3)).toBeLessThan(0.5);
    expect(shareOf(S3)).toBeGreaterThan(0.2);
    expect(shareOf("Amazon Elastic Compute Cloud - Compute")).toBeGreaterThan(0.1);
    expect(shareOf("Amazon Relational Database Service")).toBeGreaterThan(0.1);
  });

  it("gives each service a range with low <= central <= high", () => {
    for (const r of byService) {
      expect(r.co2eGramsLow, r.key).toBeLessThanOrEqual(r.co2eGrams);
      expect(r.co2eGramsHigh, r.key).toBeGreaterThanOrEqual(r.co2eGrams);
    }
  });

  it("keeps the camera-trap archive copy in Glacier in Stockholm, a small share, and no storage line above a quarter", async () => {
    const rows = await readDb(opened.store).all<{ usageType: string; region: string; g: number }>(
      `SELECT l.usage_type AS usageType, l.region AS region, total(f.co2e_grams) AS g
       FROM cost_lines l JOIN footprints f ON f.cost_line_id = l.id
       WHERE l.source = 'demo' AND l.day >= '${PERIOD.from}' AND f.usage_class = 'storage'
       GROUP BY 1, 2 ORDER BY g DESC`,
    );
    const all = rows.reduce((s, r) => s + r.g, 0);
    const glacier = rows.filter((r) => r.usageType.includes("Glacier"));
    expect(glacier.map((r) => [r.usageType, r.region])).toEqual([["EUN1-TimedStorage-GlacierByteHrs", "eu-north-1"]]);
    expect((glacier[0]?.g ?? 0) / total).toBeLessThan(0.1);
    // Storage lines of the demo source only (the FOCUS month repeats one month of production):
    // each is under a quarter of the whole demo.
    expect((rows[0]?.g ?? 0) / total).toBeLessThan(0.25);
    expect(all).toBeGreaterThan(0);
  });
});
