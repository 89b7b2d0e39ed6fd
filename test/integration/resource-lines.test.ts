/**
 * Resource lines from a FOCUS import into real SQLite: per day and resource, with their cost-line
 * keys, name, type and tags; footprints that add up to their cost lines'; a newer export of a
 * period replacing its own lines; a failed import leaving nothing behind; flushing to staging
 * (the import's bounded memory) giving the same lines as summing in memory.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { resourceChanges, resourceDetail, topResources } from "../../src/store/read/resources";
import { readDb } from "../../src/store/store";
import { focusRow } from "../helpers/focus-rows";

const NOW = new Date("2026-03-10T12:00:00Z");
const estimate = (lines: CostLine[]) => estimateLines(lines, { factorSet: "cairn-2026" });

type Row = ReturnType<typeof focusRow> & { ResourceName: string; ResourceType: string };

function row(o: Partial<Row>): Row {
  return { ...focusRow(), ResourceName: "", ResourceType: "", ...o };
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
function csv(rows: Row[]): string {
  const names = Object.keys(row({})) as (keyof Row)[];
  return `${[names.join(","), ...rows.map((r) => names.map((n) => quote(r[n])).join(","))].join("\n")}\n`;
}

const PROBE = "arn:aws:lambda:eu-west-3:011111111111:function:probe";
const GPU = "i-0abc123";

/** Two resources over two days, hourly rows, plus a row with no resource. */
function january(gpuCost = "2"): Row[] {
  const rows: Row[] = [];
  for (const day of ["05", "06"]) {
    for (const hour of ["00", "01", "02"]) {
      rows.push(
        row({
          ChargePeriodStart: `2026-01-${day}T${hour}:00:00Z`,
          BilledCost: "0.5",
          EffectiveCost: "0.5",
          ResourceName: "probe",
          ResourceType: "Function",
        }),
      );
    }
    rows.push(
      row({
        ChargePeriodStart: `2026-01-${day}T00:00:00Z`,
        ServiceName: "Amazon Elastic Compute Cloud",
        ResourceId: GPU,
        ResourceName: "detector",
        ResourceType: "Instance",
        x_UsageType: "EUW3-SpotUsage:g4dn.xlarge",
        ConsumedUnit: "Hrs",
        ConsumedQuantity: "4",
        BilledCost: gpuCost,
        EffectiveCost: gpuCost,
        Tags: JSON.stringify({ "user:pipeline": "camera-traps", owner: "léa" }),
      }),
    );
  }
  // A charge that names no resource: a cost line, no resource line.
  rows.push(row({ ResourceId: "", ServiceName: "Tax", x_UsageType: "Tax", BilledCost: "1", EffectiveCost: "1" }));
  return rows;
}

let opened: OpenedStore;
let dir: string;
beforeEach(async () => {
  opened = openSqliteStore(":memory:");
  dir = await mkdtemp(join(tmpdir(), "cairn-resources-test-"));
});
afterEach(async () => {
  opened.close();
  await rm(dir, { recursive: true, force: true });
});

async function importRows(rows: Row[], name = "jan.csv", maxErrors = 0) {
  const file = join(dir, name);
  await writeFile(file, csv(rows));
  return importFocus(
    { store: opened.store, now: () => NOW, estimate },
    { target: file, pipelineTag: "pipeline", maxErrors },
  );
}

const all = <T>(text: string, ...params: unknown[]) => opened.store.db.$client.prepare(text).all(...params) as T[];
const JAN = { from: "2026-01-01", to: "2026-02-01" };

describe("resource lines from a FOCUS import", () => {
  it("keeps each resource's daily lines with their cost-line keys, name, type and tags", async () => {
    const summary = await importRows(january());
    expect(summary.status).toBe("succeeded");
    expect(summary.resourceLinesWritten).toBe(4);
    const lines = all<Record<string, unknown>>(
      "SELECT day, resource_id, account_id, service, region, usage_type, pipeline, unblended_cost_usd, usage_amount, source FROM resource_lines ORDER BY resource_id, day",
    );
    expect(lines).toEqual(
      [
        {
          day: "2026-01-05",
          resource_id: PROBE,
          account_id: "011111111111",
          service: "AWS Lambda",
          region: "eu-west-3",
          usage_type: "EUW3-Lambda-GB-Second",
          pipeline: "temperatures",
          unblended_cost_usd: 1.5,
          usage_amount: 3 * 3600,
          source: "focus",
        },
        expect.objectContaining({ day: "2026-01-06", resource_id: PROBE, unblended_cost_usd: 1.5 }),
        expect.objectContaining({
          day: "2026-01-05",
          resource_id: GPU,
          pipeline: "camera-traps",
          unblended_cost_usd: 2,
        }),
        expect.objectContaining({ day: "2026-01-06", resource_id: GPU, unblended_cost_usd: 2 }),
      ].sort((a, b) => String(a.resource_id).localeCompare(String(b.resource_id))),
    );
    const detail = await resourceDetail(readDb(opened.store), GPU, JAN);
    expect(detail?.name).toBe("detector");
    expect(detail?.type).toBe("Instance");
    expect(detail?.tags).toEqual({ "user:pipeline": "camera-traps", owner: "léa" });
    expect(detail?.firstDay).toBe("2026-01-05");
    expect(detail?.lastDay).toBe("2026-01-06");
    expect(detail?.days).toHaveLength(31);
    expect(detail?.days.filter((d) => d.costUsd > 0).map((d) => d.day)).toEqual(["2026-01-05", "2026-01-06"]);
    expect(detail?.usageTypes.map((u) => [u.usageType, u.usageAmount, u.usageUnit])).toEqual([
      ["EUW3-SpotUsage:g4dn.xlarge", 8, "Hrs"],
    ]);
    expect(detail?.months).toEqual([{ month: "2026-01", costUsd: 4, co2eGrams: expect.any(Number) }]);
  });

  it("gives each resource its cost line's footprint, in proportion to its usage", async () => {
    await importRows(january());
    // Every Lambda and EC2 row names a resource: their resource lines carry the cost lines' whole CO2e.
    const [costSide] = all<{ g: number; e: number; k: number }>(`SELECT sum(f.co2e_grams) AS g,
      sum(f.embodied_co2e_grams) AS e, sum(f.energy_kwh) AS k FROM cost_lines c
      JOIN footprints f ON f.cost_line_id = c.id WHERE c.service != 'Tax'`);
    const [resourceSide] = all<{ g: number; e: number; k: number }>(
      "SELECT sum(co2e_grams) AS g, sum(embodied_co2e_grams) AS e, sum(energy_kwh) AS k FROM resource_lines",
    );
    expect(costSide?.g).toBeGreaterThan(0);
    expect(resourceSide?.g).toBeCloseTo(costSide?.g as number, 9);
    expect(resourceSide?.e).toBeCloseTo(costSide?.e as number, 9);
    expect(resourceSide?.k).toBeCloseTo(costSide?.k as number, 9);
  });

  it("ranks resources by cost and by CO2e, per pipeline, from the rollup and from the lines alike", async () => {
    await importRows(january("20"));
    const db = readDb(opened.store);
    const byCost = await topResources(db, { ...JAN, by: "cost", limit: 10 });
    expect(byCost.resources.map((r) => [r.resourceId, r.costUsd])).toEqual([
      [GPU, 40],
      [PROBE, 3],
    ]);
    expect(byCost.count).toBe(2);
    expect(byCost.totalCostUsd).toBe(43);
    // Days inside a month are read from the lines: same figures.
    const partial = await topResources(db, { from: "2026-01-02", to: "2026-01-31", by: "cost", limit: 10 });
    expect(partial.resources).toEqual(byCost.resources);
    const camera = await topResources(db, { ...JAN, pipeline: "camera-traps", by: "co2e", limit: 10 });
    expect(camera.resources.map((r) => r.resourceId)).toEqual([GPU]);
    const byCo2e = await topResources(db, { ...JAN, by: "co2e", limit: 1 });
    expect(byCo2e.resources[0]?.co2eGrams).toBe(Math.max(...byCost.resources.map((r) => r.co2eGrams)));
  });

  it("a newer export of the period replaces its resource lines; vanished resources go", async () => {
    await importRows(january());
    const newer = january("3").filter((r) => r.ResourceId !== PROBE);
    await importRows(newer, "jan-v2.csv");
    const lines = all<{ resource_id: string; cost: number }>(
      "SELECT resource_id, sum(unblended_cost_usd) AS cost FROM resource_lines GROUP BY resource_id",
    );
    expect(lines).toEqual([{ resource_id: GPU, cost: 6 }]);
    const months = all<{ resource_id: string }>("SELECT resource_id FROM resource_months");
    expect(months).toEqual([{ resource_id: GPU }]);
    const changes = await resourceChanges(readDb(opened.store), JAN);
    // The probe has no lines any more: its record stays, without billed days.
    expect(changes.appeared.map((r) => r.resourceId)).toEqual([GPU]);
  });

  it("tells new and gone resources apart", async () => {
    const rows = january();
    rows.push(
      row({ ChargePeriodStart: "2026-01-20T00:00:00Z", ResourceId: "vol-new", x_UsageType: "EBS:VolumeUsage.gp3" }),
    );
    await importRows(rows);
    const changes = await resourceChanges(readDb(opened.store), { from: "2026-01-06", to: "2026-02-01" });
    expect(changes.appeared.map((r) => r.resourceId)).toEqual(["vol-new"]);
    // Both others were last billed on the 6th, before the data's last day (the 20th).
    expect(changes.gone.map((r) => r.resourceId).sort()).toEqual([GPU, PROBE].sort());
  });

  it("a failed import writes no resource line and leaves no staging row", async () => {
    await importRows(january());
    const before = all("SELECT * FROM resource_lines ORDER BY id");
    const bad = [...january("9"), row({ BilledCost: "not a number" })];
    const summary = await importRows(bad, "jan-bad.csv", 0);
    expect(summary.status).toBe("failed");
    expect(all("SELECT * FROM resource_lines ORDER BY id")).toEqual(before);
    expect(all("SELECT * FROM temp.import_resource_staging")).toEqual([]);
  });

  it("flushing to staging every few keys gives the same lines as summing in memory", async () => {
    const rows = [...january(), ...january()];
    const file = join(dir, "twice.csv");
    await writeFile(file, csv(rows));
    const run = async (flushKeys: number) => {
      const summary = await importFocus(
        { store: opened.store, now: () => NOW, estimate, flushKeys },
        { target: file, pipelineTag: "pipeline", maxErrors: 0 },
      );
      expect(summary.status).toBe("succeeded");
      return all(
        "SELECT day, resource_id, unblended_cost_usd, usage_amount FROM resource_lines ORDER BY day, resource_id",
      );
    };
    const inMemory = await run(1_000_000);
    const flushed = await run(1);
    expect(flushed).toEqual(inMemory);
    // Imported twice, the same export: replaced, not doubled.
    expect(all<{ c: number }>("SELECT sum(unblended_cost_usd) AS c FROM resource_lines")).toEqual([
      { c: 2 * (6 * 0.5 + 2 * 2) },
    ]);
  });
});
