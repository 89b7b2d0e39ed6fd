/**
 * Importing the FinOps Foundation's FOCUS 1.0 sample into a real SQLite store: totals, per-service
 * totals and line counts must equal what a plain, independent reading of the file gives.
 */
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { otherProviderTotals } from "../../src/store/imports";
import { costLines, footprints } from "../../src/store/schema/index";
import { useFocusImportFixture } from "../helpers/focus-import-fixture";
import { FOCUS_SAMPLE, sampleRows, withCostExplorerNames } from "../helpers/focus-sample";

const SAMPLE = FOCUS_SAMPLE;
const NOW = new Date("2026-03-10T12:00:00Z");
const TAG = "application";

const nul = (v: string | undefined) => (v === undefined || v === "NULL" || v === "" ? null : v);

function expected(rows: Record<string, string>[]) {
  const aws = rows.filter((r) => r.ProviderName === "AWS");
  const byService = new Map<string, number>();
  const keys = new Set<string>();
  let total = 0;
  for (const r of aws) {
    const cost = Number(r.BilledCost);
    total += cost;
    byService.set(r.ServiceName as string, (byService.get(r.ServiceName as string) ?? 0) + cost);
    const tags = nul(r.Tags) ? (JSON.parse(r.Tags as string) as Record<string, string>) : {};
    const usageType = r.ChargeCategory === "Usage" ? r.ChargeDescription : r.ChargeCategory;
    keys.add(
      [
        r.ChargePeriodStart?.slice(0, 10),
        r.SubAccountId,
        r.ServiceName,
        nul(r.RegionId) ?? "global",
        usageType,
        tags[TAG] ?? "",
      ].join("|"),
    );
  }
  const others = new Map<string, number>();
  for (const r of rows.filter((x) => x.ProviderName !== "AWS")) {
    others.set(r.ProviderName as string, (others.get(r.ProviderName as string) ?? 0) + 1);
  }
  return { awsRows: aws.length, total, byService, keys: keys.size, others };
}

const estimate = (lines: CostLine[]) => estimateLines(lines, { factorSet: "cairn-2026" });

const fx = useFocusImportFixture("cairn-focus-test");

function deps() {
  return { store: fx.opened.store, now: () => NOW, estimate };
}
const args = (target: string, maxErrors = 100) => ({ target, pipelineTag: TAG, maxErrors });

function storedLines() {
  return fx.opened.store.db
    .select({
      day: costLines.day,
      accountId: costLines.accountId,
      service: costLines.service,
      region: costLines.region,
      usageType: costLines.usageType,
      pipeline: costLines.pipeline,
      cost: costLines.unblendedCostUsd,
      amortized: costLines.amortizedCostUsd,
      usage: costLines.usageAmount,
      unit: costLines.usageUnit,
      source: costLines.source,
      co2e: footprints.co2eGrams,
    })
    .from(costLines)
    .leftJoin(footprints, eq(footprints.costLineId, costLines.id))
    .orderBy(
      asc(costLines.day),
      asc(costLines.accountId),
      asc(costLines.service),
      asc(costLines.usageType),
      asc(costLines.pipeline),
      asc(costLines.region),
    )
    .all();
}

function serviceTotals(): Map<string, number> {
  const rows = fx.opened.store.db
    .select({ service: costLines.service, cost: sql<number>`sum(${costLines.unblendedCostUsd})` })
    .from(costLines)
    .groupBy(costLines.service)
    .all();
  return new Map(rows.map((r) => [r.service, r.cost]));
}

describe("cairn import of the FOCUS 1.0 sample", () => {
  const truth = expected(sampleRows());

  it("stores the AWS total, per-service totals and line counts of the file, with footprints", async () => {
    const summary = await importFocus(deps(), args(SAMPLE));
    expect(summary.status).toBe("succeeded");
    expect(summary.rows).toBe(1000);
    expect(summary.awsRows).toBe(truth.awsRows);
    expect(summary.badRows).toBe(0);
    expect(summary.files[0]?.version).toBe("1.0");

    const lines = storedLines();
    expect(lines).toHaveLength(truth.keys);
    expect(summary.costLinesWritten).toBe(truth.keys);
    expect(lines.every((l) => l.source === "focus")).toBe(true);
    expect(lines.every((l) => l.co2e !== null)).toBe(true);
    const total = lines.reduce((s, l) => s + l.cost, 0);
    expect(total).toBeCloseTo(truth.total, 8);
    // Services are stored under Cost Explorer's names (EC2 split in two, "Elastic Load Balancing" renamed).
    const stored = serviceTotals();
    expect(stored.has("Amazon Elastic Compute Cloud - Compute") && stored.has("EC2 - Other")).toBe(true);
    const services = withCostExplorerNames(stored);
    const fileServices = withCostExplorerNames(truth.byService);
    expect([...services.keys()].sort()).toEqual([...fileServices.keys()].sort());
    for (const [service, cost] of fileServices) expect(services.get(service)).toBeCloseTo(cost, 8);
  });

  it("counts other providers apart and never mixes them into cost lines", async () => {
    const summary = await importFocus(deps(), args(SAMPLE));
    const counted = new Map<string, number>();
    for (const o of summary.otherProviders) counted.set(o.provider, (counted.get(o.provider) ?? 0) + o.rows);
    expect(counted).toEqual(truth.others);
    expect(summary.otherProviderRows).toBe([...truth.others.values()].reduce((a, b) => a + b, 0));
    const stored = await otherProviderTotals(fx.opened.store);
    expect(stored.reduce((s, o) => s + o.rows, 0)).toBe(summary.otherProviderRows);
    // Azure's and Oracle's regions never appear among the stored lines.
    const regions = new Set(storedLines().map((l) => l.region));
    expect(regions.has("eastus")).toBe(false);
  });

  it("changes nothing when the same export is imported twice", async () => {
    await importFocus(deps(), args(SAMPLE));
    const first = storedLines();
    const second = await importFocus(deps(), args(SAMPLE));
    expect(second.status).toBe("succeeded");
    expect(storedLines()).toEqual(first);
    expect((await otherProviderTotals(fx.opened.store)).reduce((s, o) => s + o.rows, 0)).toBe(second.otherProviderRows);
  });

  it("reads gzip the same as plain CSV", async () => {
    const gz = join(fx.dir, "export-00001.csv.gz");
    await writeFile(gz, gzipSync(readFileSync(SAMPLE)));
    const summary = await importFocus(deps(), args(gz));
    expect(summary.status).toBe("succeeded");
    expect(summary.awsRows).toBe(truth.awsRows);
    expect(storedLines().reduce((s, l) => s + l.cost, 0)).toBeCloseTo(truth.total, 8);
  });
});
