/**
 * The Resources page and API over a real store filled by a FOCUS import: top resources by cost and
 * CO2e, one resource's page (facts, tags, usage types, days, cost of ownership), new and gone
 * resources, French and English, and parameters refused by name.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { focusCsv, focusRow } from "../helpers/focus-rows";
import { webFixture } from "../helpers/web";

const NOW = new Date("2026-02-10T10:00:00Z");
const GPU = "arn:aws:ec2:eu-west-3:011111111111:instance/i-0abc123";
const PROBE = "arn:aws:lambda:eu-west-3:011111111111:function:probe";

function rows() {
  const out = [];
  for (const day of ["05", "06", "07"]) {
    out.push(focusRow({ ChargePeriodStart: `2026-01-${day}T00:00:00Z`, BilledCost: "1", EffectiveCost: "1" }));
    out.push(
      focusRow({
        ChargePeriodStart: `2026-01-${day}T00:00:00Z`,
        ServiceName: "Amazon Elastic Compute Cloud",
        ResourceId: GPU,
        x_UsageType: "EUW3-SpotUsage:g4dn.xlarge",
        ConsumedUnit: "Hrs",
        ConsumedQuantity: "24",
        BilledCost: "5",
        EffectiveCost: "5",
        Tags: JSON.stringify({ "user:pipeline": "camera-traps", owner: "Léa" }),
      }),
    );
  }
  out.push(
    focusRow({
      ChargePeriodStart: "2026-01-20T00:00:00Z",
      ResourceId: "vol-0new",
      x_UsageType: "EUW3-EBS:VolumeUsage.gp3",
      ServiceName: "Amazon Elastic Compute Cloud",
      Tags: "",
    }),
  );
  return out;
}

let fx: ReturnType<typeof webFixture>;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cairn-resources-page-"));
});
afterEach(async () => {
  fx?.close();
  await rm(dir, { recursive: true, force: true });
});

async function setUp(locale: "fr" | "en") {
  fx = webFixture({ CAIRN_LOCALE: locale }, NOW);
  const file = join(dir, "jan.csv");
  await writeFile(file, focusCsv(rows()));
  const summary = await importFocus(
    {
      store: fx.store,
      now: () => NOW,
      estimate: (lines: CostLine[]) => estimateLines(lines, { factorSet: "cairn-2026" }),
    },
    { target: file, pipelineTag: "pipeline", maxErrors: 0 },
  );
  expect(summary.status).toBe("succeeded");
  return fx.signIn("viewer");
}

const JAN = "from=2026-01-01&to=2026-02-01";

describe("Resources API", () => {
  it("ranks resources by cost and by CO2e, per pipeline", async () => {
    const s = await setUp("en");
    const res = await s.request(`/api/v1/resources?${JAN}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      currency: string;
      count: number;
      totalCostUsd: number;
      resources: { resourceId: string; costUsd: number; cost: number; co2eGrams: number }[];
      appeared: { resourceId: string }[];
      disappeared: { resourceId: string }[];
    };
    expect(body.currency).toBe("USD");
    expect(body.count).toBe(3);
    expect(body.resources.map((r) => [r.resourceId, r.costUsd])).toEqual([
      [GPU, 15],
      [PROBE, 3],
      ["vol-0new", 1.5],
    ]);
    expect(body.resources[0]?.cost).toBe(15);
    expect(body.totalCostUsd).toBe(19.5);
    expect(body.appeared.map((r) => r.resourceId).sort()).toEqual([GPU, PROBE, "vol-0new"].sort());
    expect(body.disappeared.map((r) => r.resourceId).sort()).toEqual([GPU, PROBE].sort());
    const byCo2e = (await (await s.request(`/api/v1/resources?${JAN}&by=co2e&limit=1`)).json()) as typeof body;
    expect(byCo2e.resources).toHaveLength(1);
    expect(byCo2e.resources[0]?.co2eGrams).toBe(Math.max(...body.resources.map((r) => r.co2eGrams)));
    const camera = (await (await s.request(`/api/v1/resources?${JAN}&pipeline=camera-traps`)).json()) as typeof body;
    expect(camera.resources.map((r) => r.resourceId)).toEqual([GPU]);
  });

  it("describes one resource, and refuses bad parameters by name", async () => {
    const s = await setUp("en");
    const res = await s.request(`/api/v1/resources/detail?${JAN}&id=${encodeURIComponent(GPU)}`);
    expect(res.status).toBe(200);
    const d = (await res.json()) as {
      tags: Record<string, string>;
      usageTypes: { usageType: string; usageAmount: number }[];
      days: { day: string; costUsd: number }[];
      lifetime: { costUsd: number };
      findings: unknown[];
    };
    expect(d.tags).toEqual({ "user:pipeline": "camera-traps", owner: "Léa" });
    expect(d.usageTypes).toEqual([
      expect.objectContaining({ usageType: "EUW3-SpotUsage:g4dn.xlarge", usageAmount: 72 }),
    ]);
    expect(d.days.filter((x) => x.costUsd > 0).map((x) => x.day)).toEqual(["2026-01-05", "2026-01-06", "2026-01-07"]);
    expect(d.lifetime.costUsd).toBe(15);
    expect(Array.isArray(d.findings)).toBe(true);
    expect((await s.request(`/api/v1/resources/detail?${JAN}&id=nope`)).status).toBe(404);
    const bad = await s.request("/api/v1/resources?by=price");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { parameter: string } }).error.parameter).toBe("by");
    expect((await s.request("/api/v1/resources/detail")).status).toBe(400);
  });
});

describe("Resources pages", () => {
  it("shows the top resources and one resource in French", async () => {
    const s = await setUp("fr");
    const html = await (await s.request(`/resources?${JAN}`)).text();
    expect(html).toContain("Ressources principales");
    expect(html).toContain('id="table-resources"');
    expect(html).toContain(GPU);
    expect(html).toContain("15,00");
    expect(html).toContain("Apparues dans la période");
    const page = await s.request(`/resource?${JAN}&id=${encodeURIComponent(GPU)}`);
    expect(page.status).toBe(200);
    const detail = await page.text();
    expect(detail).toContain("Coût de possession");
    expect(detail).toContain("Léa");
    expect(detail).toContain("EUW3-SpotUsage:g4dn.xlarge");
    expect(detail).toContain("5 janvier 2026");
    expect((await s.request(`/resource?${JAN}&id=unknown`)).status).toBe(404);
  });

  it("shows the page in English, with a notice when nothing names a resource", async () => {
    const s = await setUp("en");
    const html = await (await s.request("/resources?from=2025-01-01&to=2025-02-01")).text();
    expect(html).toContain("No resource lines for this period");
    expect(html).toContain('href="/resources"');
  });
});
