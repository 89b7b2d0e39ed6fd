/**
 * The Resources page and API over a real store filled by a FOCUS import: top resources by cost
 * and CO2e with their cost of ownership, one resource's page and API (facts, tags, usage types,
 * days, upkeep naming it), new and gone resources, French and English, the display currency,
 * the default period, and parameters refused by name.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { addUpkeep } from "../../src/services/add-upkeep";
import { setRate } from "../../src/store/currency-rates";
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

async function setUp(env: Record<string, string>) {
  fx = webFixture({ CAIRN_UPKEEP_HOUR_VALUE: "20", ...env }, NOW);
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
  // Upkeep logged against the instance by its short id, as people write it.
  await addUpkeep(
    { store: fx.store, now: () => NOW },
    { day: "2026-01-06", resource: "i-0abc123", hours: 2, person: "Léa", what: "Driver update", actor: "admin" },
  );
  return fx.signIn("viewer");
}

const JAN = "from=2026-01-01&to=2026-02-01";

interface ListBody {
  from: string;
  to: string;
  count: number;
  totalCostUsd: number;
  resources: {
    resourceId: string;
    costUsd: number;
    co2eGrams: number;
    ownership: { upkeepHours: number; totalUsd: number };
  }[];
  appeared: { resourceId: string }[];
  gone: { resourceId: string }[];
}

describe("Resources API", () => {
  it("ranks resources by cost and by CO2e, per pipeline, with their cost of ownership", async () => {
    const s = await setUp({ CAIRN_LOCALE: "en" });
    const res = await s.request(`/api/v1/resources?${JAN}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ListBody;
    expect(body.count).toBe(3);
    expect(body.resources.map((r) => [r.resourceId, r.costUsd])).toEqual([
      [GPU, 15],
      [PROBE, 3],
      ["vol-0new", 1.5],
    ]);
    expect(body.totalCostUsd).toBe(19.5);
    // 15 of cloud + 2 h at 20 an hour.
    expect(body.resources[0]?.ownership).toMatchObject({ upkeepHours: 2, totalUsd: 55 });
    expect(body.resources[1]?.ownership).toMatchObject({ upkeepHours: 0, totalUsd: 3 });
    expect(body.appeared.map((r) => r.resourceId).sort()).toEqual([GPU, PROBE, "vol-0new"].sort());
    expect(body.gone.map((r) => r.resourceId).sort()).toEqual([GPU, PROBE].sort());
    const byCo2e = (await (await s.request(`/api/v1/resources?${JAN}&by=co2e&limit=1`)).json()) as ListBody;
    expect(byCo2e.resources).toHaveLength(1);
    expect(byCo2e.resources[0]?.co2eGrams).toBe(Math.max(...body.resources.map((r) => r.co2eGrams)));
    const camera = (await (await s.request(`/api/v1/resources?${JAN}&pipeline=camera-traps`)).json()) as ListBody;
    expect(camera.resources.map((r) => r.resourceId)).toEqual([GPU]);
  });

  it("defaults to the whole month of the latest day resource lines cover", async () => {
    const s = await setUp({ CAIRN_LOCALE: "en" });
    const body = (await (await s.request("/api/v1/resources")).json()) as ListBody;
    expect([body.from, body.to]).toEqual(["2026-01-01", "2026-02-01"]);
    expect(body.count).toBe(3);
  });

  it("describes one resource by its URL-encoded id, with the upkeep naming it", async () => {
    const s = await setUp({ CAIRN_LOCALE: "en" });
    const res = await s.request(`/api/v1/resources/${encodeURIComponent(GPU)}?${JAN}`);
    expect(res.status).toBe(200);
    const d = (await res.json()) as {
      resourceId: string;
      tags: Record<string, string>;
      usageTypes: { usageType: string; usageAmount: number }[];
      days: { day: string; costUsd: number }[];
      months: { month: string; costUsd: number }[];
      period: { costUsd: number; co2eGrams: number; energyKwh: number };
      ownership: { cloudCostUsd: number; upkeepHours: number; upkeepValueUsd: number; totalUsd: number };
      upkeep: { resource: string; hours: number }[];
      findings: unknown[];
    };
    expect(d.resourceId).toBe(GPU);
    expect(d.tags).toEqual({ "user:pipeline": "camera-traps", owner: "Léa" });
    expect(d.usageTypes).toEqual([
      expect.objectContaining({ usageType: "EUW3-SpotUsage:g4dn.xlarge", usageAmount: 72 }),
    ]);
    expect(d.days).toHaveLength(31);
    expect(d.days.filter((x) => x.costUsd > 0).map((x) => x.day)).toEqual(["2026-01-05", "2026-01-06", "2026-01-07"]);
    expect(d.months).toEqual([{ month: "2026-01", costUsd: 15, co2eGrams: expect.any(Number) }]);
    expect(d.period.co2eGrams).toBeGreaterThan(0);
    expect(d.ownership).toEqual({
      cloudCostUsd: 15,
      upkeepHours: 2,
      volunteeredHours: 2,
      upkeepValueUsd: 40,
      totalUsd: 55,
    });
    expect(d.upkeep).toEqual([expect.objectContaining({ resource: "i-0abc123", hours: 2 })]);
    expect(Array.isArray(d.findings)).toBe(true);
    const missing = await s.request(`/api/v1/resources/nope?${JAN}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { parameter: string } }).error.parameter).toBe("id");
  });

  it("refuses bad parameters by name", async () => {
    const s = await setUp({ CAIRN_LOCALE: "en" });
    const cases: [string, string][] = [
      ["/api/v1/resources?by=price", "by"],
      ["/api/v1/resources?limit=0", "limit"],
      ["/api/v1/resources?limit=many", "limit"],
      ["/api/v1/resources?from=2026-13-01", "from"],
      ["/api/v1/resources?from=2026-02-01&to=2026-01-01", "to"],
      ["/api/v1/resources?colour=red", "colour"],
      [`/api/v1/resources/${encodeURIComponent(GPU)}?by=cost`, "by"],
      [`/api/v1/resources/${encodeURIComponent(GPU)}?to=yesterday`, "to"],
    ];
    for (const [path, parameter] of cases) {
      const res = await s.request(path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { error: { parameter: string; message: string } };
      expect(body.error.parameter, path).toBe(parameter);
      expect(body.error.message, path).toMatch(new RegExp(`^${parameter}: `));
    }
  });
});

describe("Resources pages", () => {
  it("shows the top resources and one resource in French, in euros", async () => {
    const s = await setUp({ CAIRN_LOCALE: "fr", CAIRN_CURRENCY: "EUR" });
    await setRate(
      fx.store,
      { month: "2026-01", currency: "EUR", ratePerUsd: 0.5, source: "manual" },
      { currentMonth: "2020-01", at: NOW.toISOString() },
    );
    const html = await (await s.request(`/resources?${JAN}`)).text();
    expect(html).toContain("Ressources les plus coûteuses");
    expect(html).toContain('id="table-resources"');
    expect(html).toContain(GPU);
    // 15 USD at 0.5: 7,50 €; its cost of ownership 55 USD: 27,50 €.
    expect(html).toContain("7,50\u00a0€");
    expect(html).toContain("27,50\u00a0€");
    expect(html).not.toContain("$");
    expect(html).toContain("Apparues dans la période");
    expect(html).toContain(`href="/resources/${encodeURIComponent(GPU)}?from=2026-01-01&amp;to=2026-02-01"`);
    const page = await s.request(`/resources/${encodeURIComponent(GPU)}?${JAN}`);
    expect(page.status).toBe(200);
    const detail = await page.text();
    expect(detail).toContain("Coût de possession");
    expect(detail).toContain("Léa");
    expect(detail).toContain("Driver update");
    expect(detail).toContain("EUW3-SpotUsage:g4dn.xlarge");
    expect(detail).toContain("5 janvier 2026");
    expect(detail).toContain("Période\u00a0: ");
    expect((await s.request(`/resources/unknown?${JAN}`)).status).toBe(404);
  });

  it("shows the page in English, with a notice when nothing names a resource", async () => {
    const s = await setUp({ CAIRN_LOCALE: "en" });
    const html = await (await s.request("/resources?from=2025-01-01&to=2025-02-01")).text();
    expect(html).toContain("No resource lines for this period");
    expect(html).toContain('href="/resources"');
    const bad = await s.request("/resources?by=price");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("by: must be cost or co2e");
  });
});
