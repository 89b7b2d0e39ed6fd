import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateDemoLines } from "../../collectors/demo/index";
import { DEMO_GPU_INSTANCE, DEMO_NOTEBOOK_INSTANCE } from "../../collectors/demo/metrics";
import { advise } from "../../src/analysis/advice/index";
import { estimateLines } from "../../src/carbon/estimate";
import { demoMetrics, writeDemoMetrics } from "../../src/jobs/load-demo-metrics";
import { upsertCostLines } from "../../src/store/cost-lines";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { loadAdviceInput } from "../../src/store/read/advice";
import { readDb } from "../../src/store/store";

let opened: OpenedStore;
beforeEach(() => {
  opened = openSqliteStore(":memory:");
});
afterEach(() => opened.close());

async function loadDemoAt(today: string) {
  const { rows, lookup } = demoMetrics(today);
  const lines = generateDemoLines({ today });
  const items = estimateLines(lines, { factorSet: "cairn-2026", utilisation: lookup });
  await upsertCostLines(opened.store, items, `${today}T00:00:00.000Z`);
  await writeDemoMetrics(opened.store, rows, today, { runId: null, collectedAt: `${today}T00:00:00.000Z` });
  return { rows, lines, items };
}

describe("demo metrics", () => {
  it("match the demo's cost lines and carry its findings (late November)", async () => {
    const { rows, lines, items } = await loadDemoAt("2026-11-28");
    // The notebook's hours with a CPU datapoint are its billed t3.medium hours, rounded, every day.
    const billed = new Map(
      lines.filter((l) => l.usageType === "EUW3-BoxUsage:t3.medium").map((l) => [l.day, l.usageAmount]),
    );
    const measured = rows.filter((r) => r.resourceId === DEMO_NOTEBOOK_INSTANCE);
    expect(measured.length).toBe(billed.size);
    for (const r of measured) expect(r.samples).toBe(Math.min(14, Math.round(billed.get(r.day) ?? -1)));
    // Aurora's capacity-hours are the billed ACU-hours.
    const acu = new Map(
      lines.filter((l) => l.usageType === "EUW3-Aurora:ServerlessV2Usage").map((l) => [l.day, l.usageAmount]),
    );
    for (const r of rows.filter((x) => x.metricName === "ServerlessDatabaseCapacity"))
      expect(r.sum).toBeCloseTo(acu.get(r.day) ?? -1, 6);
    // The notebook's estimates use its measured CPU.
    const notebook = items.filter((i) => i.line.usageType === "EUW3-BoxUsage:t3.medium");
    expect(notebook.every((i) => i.footprint?.method === "measured-utilisation")).toBe(true);

    const findings = advise(await loadAdviceInput(readDb(opened.store), "2026-11-28"));
    const kinds = findings.map((f) => `${f.kind} ${f.resource}`);
    expect(kinds).toContain("lambda-growth probe-ingest");
    expect(kinds).toContain("s3-colder-class aarc-camera-traps");
    expect(kinds).toContain(`ec2-underused ${DEMO_NOTEBOOK_INSTANCE} (t3.medium)`);
    const savings = findings.map((f) => f.monthlySavingUsd);
    expect(savings).toEqual([...savings].sort((a, b) => b - a));
  });

  it("shows the idle GPU instance in season", async () => {
    await loadDemoAt("2026-08-20");
    const findings = advise(await loadAdviceInput(readDb(opened.store), "2026-08-20"));
    expect(findings[0]?.resource).toBe(`${DEMO_GPU_INSTANCE} (g4dn.xlarge)`);
    expect(findings[0]?.action).toMatch(/^Stop i-0c4a7e9b1d2f3a5b6 when it idles/);
  });
});
