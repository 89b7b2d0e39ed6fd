/**
 * The carbon page, the methodology's factor tables and the coverage beside totals, over a real
 * store holding a small estimated fixture. Expected figures are summed here from the footprints
 * the estimator gave (not from the read models), and the what-if from energy x hand-copied
 * regional factors.
 */
import { afterEach, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { CAIRN_2026, CCF_2022 } from "../../src/carbon/factor-sets";
import type { CostLine } from "../../src/model";
import { type EstimatedLine, upsertCostLines } from "../../src/store/cost-lines";
import { line } from "../helpers/lines";
import { webFixture } from "../helpers/web";

const SCRIPT_PIPELINE = "<script>alert(1)</script>";

const NOVEMBER: CostLine[] = [
  line({ day: "2026-11-03", pipeline: "temperatures", usageAmount: 360_000, unblendedCostUsd: 6 }),
  line({
    day: "2026-11-03",
    service: "AWS Step Functions",
    usageType: "EUW3-StateTransition",
    usageAmount: 20_000,
    usageUnit: "Count",
    unblendedCostUsd: 0.5,
    pipeline: "temperatures",
  }),
  line({
    day: "2026-11-05",
    service: "Amazon Elastic Compute Cloud - Compute",
    region: "eu-central-1",
    usageType: "EUC1-BoxUsage:m5.xlarge",
    usageAmount: 48,
    usageUnit: "Hrs",
    unblendedCostUsd: 11.5,
    pipeline: "camera-traps",
  }),
  line({
    day: "2026-11-06",
    service: "Amazon Simple Storage Service",
    region: "eu-west-1",
    usageType: "EU-TimedStorage-ByteHrs",
    usageAmount: 40,
    usageUnit: "GB-Mo",
    unblendedCostUsd: 0.9,
    pipeline: SCRIPT_PIPELINE,
  }),
  line({
    day: "2026-11-07",
    service: "Tax",
    region: "global",
    usageType: "Tax",
    usageAmount: 1,
    usageUnit: "N/A",
    unblendedCostUsd: 3.2,
    pipeline: "",
  }),
];

const OCTOBER: CostLine[] = [
  line({ day: "2026-10-12", pipeline: "temperatures", usageAmount: 720_000, unblendedCostUsd: 12 }),
];

/** Estimated with ccf-2022, in Ireland: the what-if must use that set's factors for it. */
const CCF_LINE: CostLine = line({
  day: "2026-11-08",
  service: "Amazon Elastic Compute Cloud - Compute",
  region: "eu-west-1",
  usageType: "EU-BoxUsage:m5.large",
  usageAmount: 100,
  usageUnit: "Hrs",
  unblendedCostUsd: 9.6,
  pipeline: "ccf-check",
});

function estimated(): { november: EstimatedLine[]; october: EstimatedLine[]; all: EstimatedLine[] } {
  const november = [
    ...estimateLines(NOVEMBER, { factorSet: "cairn-2026" }),
    ...estimateLines([CCF_LINE], { factorSet: "ccf-2022" }),
  ];
  const october = estimateLines(OCTOBER, { factorSet: "cairn-2026" });
  return { november, october, all: [...november, ...october] };
}

type Key = "co2eGrams" | "co2eGramsLow" | "co2eGramsHigh" | "marketCo2eGrams" | "embodiedCo2eGrams" | "energyKwh";
const sumOf = (items: EstimatedLine[], key: Key) => items.reduce((s, i) => s + (i.footprint?.[key] ?? 0), 0);

/** The value of a data attribute on the element with `marker` (an id or data-key attribute). */
function attr(html: string, marker: string, name: string): number {
  const re = new RegExp(`${marker}[^>]*\\s${name}="([^"]+)"`);
  const m = re.exec(html);
  if (!m) throw new Error(`no ${name} after ${marker}`);
  return Number(m[1]);
}

/** The row of a table whose opening tag carries `rowMarker`, up to its end. */
function row(html: string, tableId: string, rowMarker: string): string {
  const table = html.slice(html.indexOf(`id="${tableId}"`));
  const start = table.indexOf(rowMarker);
  if (start < 0) throw new Error(`no row ${rowMarker} in ${tableId}`);
  return table.slice(start, table.indexOf("</tr>", start));
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

describe("the carbon page", () => {
  let fixture: ReturnType<typeof webFixture>;
  afterEach(() => fixture?.close());

  async function setUp(locale: "en" | "fr" = "en") {
    fixture = webFixture({ CAIRN_LOCALE: locale });
    const data = estimated();
    await upsertCostLines(fixture.store, data.all, fixture.now.toISOString());
    const viewer = await fixture.signIn("viewer");
    return { ...data, request: viewer.request };
  }

  it("shows the period's totals, coverage and groups as the stored footprints sum", async () => {
    const { november, request } = await setUp();
    const res = await request("/carbon?from=2026-11-01&to=2026-12-01");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const [id, key] of [
      ["tile-co2e", "co2eGrams"],
      ["tile-market", "marketCo2eGrams"],
      ["tile-embodied", "embodiedCo2eGrams"],
    ] as const) {
      expect(attr(html, `id="${id}"`, "data-co2e-grams"), id).toBeCloseTo(sumOf(november, key), 2);
    }
    expect(attr(html, 'id="tile-energy"', "data-energy-kwh")).toBeCloseTo(sumOf(november, "energyKwh"), 3);
    expect(sumOf(november, "co2eGrams")).toBeGreaterThan(0);
    // The range beside the total: the footprints' low and high estimates summed.
    const low = sumOf(november, "co2eGramsLow");
    const high = sumOf(november, "co2eGramsHigh");
    expect(attr(html, 'id="co2e-range"', "data-co2e-grams-low")).toBeCloseTo(low, 2);
    expect(attr(html, 'id="co2e-range"', "data-co2e-grams-high")).toBeCloseTo(high, 2);
    expect(low).toBeLessThan(sumOf(november, "co2eGrams"));
    expect(high).toBeGreaterThan(sumOf(november, "co2eGrams"));
    expect(html).toMatch(/id="co2e-range"[^>]*>between [\d.,]+ and [\d.,]+ (g|kg) CO2e</);

    // Coverage: the tax line is excluded, Step Functions is a proxy, the rest physical.
    const total = NOVEMBER.reduce((s, l) => s + l.unblendedCostUsd, 0) + CCF_LINE.unblendedCostUsd;
    expect(attr(html, 'id="tile-coverage"', "data-excluded-share")).toBeCloseTo(3.2 / total, 5);
    expect(attr(html, 'id="tile-coverage"', "data-proxy-share")).toBeCloseTo(0.5 / total, 5);
    expect(attr(html, 'id="tile-coverage"', "data-physical-share")).toBeCloseTo((total - 3.7) / total, 5);
    // One coverage figure (of all the cost), the tile's value and its note agreeing; the detail,
    // with the share of the cost not excluded, in the tooltip only.
    expect(html).toMatch(
      /id="tile-coverage"[^>]*>\s*<div class="tile-label">Coverage<\/div><div class="tile-value">88%</,
    );
    expect(html).toMatch(/id="carbon-coverage"><span class="coverage-figure">88% of the cost estimated physically</);
    expect(html).toMatch(
      /role="tooltip" id="carbon-coverage-detail" class="tip-text">88% physical estimate · 2% cost-ratio proxy · 10% excluded \(tax, fees, credits\) · 98% of the cost not excluded is estimated physically</,
    );

    // By pipeline: each row equals the footprints of its lines.
    for (const pipeline of ["temperatures", "camera-traps", "ccf-check"]) {
      const mine = november.filter((i) => i.line.pipeline === pipeline);
      const r = row(html, "table-pipeline", `data-key="${pipeline}"`);
      expect(attr(r, "<td", "data-co2e-grams"), pipeline).toBeCloseTo(sumOf(mine, "co2eGrams"), 2);
      expect(attr(r, "<td", "data-energy-kwh"), pipeline).toBeCloseTo(sumOf(mine, "energyKwh"), 3);
    }
    // By region: eu-central-1 holds only the m5.xlarge line.
    const frankfurt = november.filter((i) => i.line.region === "eu-central-1");
    expect(attr(row(html, "table-region", 'data-key="eu-central-1"'), "<td", "data-co2e-grams")).toBeCloseTo(
      sumOf(frankfurt, "co2eGrams"),
      2,
    );
    // By service: Step Functions has a (proxy) estimate, not zero.
    const sfn = november.filter((i) => i.line.service === "AWS Step Functions");
    expect(sumOf(sfn, "co2eGrams")).toBeGreaterThan(0);
    expect(attr(row(html, "table-service", 'data-key="AWS Step Functions"'), "<td", "data-co2e-grams")).toBeCloseTo(
      sumOf(sfn, "co2eGrams"),
      2,
    );

    // A pipeline tag from AWS is shown as text, never as markup.
    expect(html).not.toContain(SCRIPT_PIPELINE);
    expect(html).toContain(escapeHtml(SCRIPT_PIPELINE));
    // Charts travel as JSON in data attributes.
    for (const id of ["chart-carbon-months", "chart-pipeline", "chart-region", "chart-service", "chart-what-if"]) {
      expect(html, id).toContain(`id="${id}" data-chart="`);
    }
  });

  it("shows 13 months, each month's figures from its own lines", async () => {
    const { november, october, request } = await setUp();
    const html = await (await request("/carbon")).text();
    const months = [...html.matchAll(/<tr data-month="(\d{4}-\d{2})"/g)].map((m) => m[1]);
    expect(months).toHaveLength(13);
    expect(months[0]).toBe("2025-11");
    expect(months.at(-1)).toBe("2026-11");
    const oct = row(html, "table-months", 'data-month="2026-10"');
    expect(attr(oct, "<td", "data-co2e-grams")).toBeCloseTo(sumOf(october, "co2eGrams"), 2);
    expect(attr(oct, "<td", "data-market-co2e-grams")).toBeCloseTo(sumOf(october, "marketCo2eGrams"), 2);
    expect(attr(oct, "<td", "data-embodied-co2e-grams")).toBeCloseTo(sumOf(october, "embodiedCo2eGrams"), 2);
    const nov = row(html, "table-months", 'data-month="2026-11"');
    expect(attr(nov, "<td", "data-co2e-grams")).toBeCloseTo(sumOf(november, "co2eGrams"), 2);
    expect(attr(row(html, "table-months", 'data-month="2026-01"'), "<td", "data-co2e-grams")).toBe(0);
  });

  it("re-expresses each pipeline's energy with the target region's PUE and grid intensity", async () => {
    const { november, request } = await setUp();
    const html = await (await request("/carbon?from=2026-11-01&to=2026-12-01")).text();
    // cairn-2026 (AWS PUE 2025, Ember): Paris 1.35 / 41.44, Stockholm 1.09 / 35.26,
    // Ireland 1.10 / 256.54, Frankfurt 1.24 / 329.65. All four matched 100% with renewables.
    const cairn: Record<string, [number, number]> = {
      "eu-west-3": [1.35, 41.44],
      "eu-north-1": [1.09, 35.26],
      "eu-west-1": [1.1, 256.54],
      "eu-central-1": [1.24, 329.65],
    };
    // ccf-2022: PUE 1.135 everywhere; its own grid table.
    const ccf = { "eu-west-3": 51.1, "eu-north-1": 8.8, "eu-west-1": 278.6, "eu-central-1": 311 };
    const energy = (pipeline: string) =>
      sumOf(
        november.filter((i) => i.line.pipeline === pipeline && i.footprint?.method !== "excluded"),
        "energyKwh",
      );
    const temperatures = energy("temperatures"); // all in eu-west-3
    const camera = energy("camera-traps"); // all in eu-central-1
    const ccfEnergy = energy("ccf-check");
    expect(temperatures).toBeGreaterThan(0);
    for (const [region, [pue, grid]] of Object.entries(cairn)) {
      const t = row(html, "table-what-if", 'data-pipeline="temperatures"');
      const cell = t.slice(t.indexOf(`data-region="${region}"`) - 5);
      expect(attr(cell, "<td", "data-co2e-grams"), region).toBeCloseTo(((temperatures * pue) / 1.35) * grid, 3);
      expect(attr(cell, "<td", "data-market-co2e-grams"), region).toBe(0);
      const c = row(html, "table-what-if", 'data-pipeline="camera-traps"');
      const cCell = c.slice(c.indexOf(`data-region="${region}"`) - 5);
      expect(attr(cCell, "<td", "data-co2e-grams"), region).toBeCloseTo(((camera * pue) / 1.24) * grid, 3);
    }
    for (const [region, grid] of Object.entries(ccf)) {
      const r = row(html, "table-what-if", 'data-pipeline="ccf-check"');
      const cell = r.slice(r.indexOf(`data-region="${region}"`) - 5);
      expect(attr(cell, "<td", "data-co2e-grams"), region).toBeCloseTo(ccfEnergy * grid, 3);
      // ccf-2022 has no market-based factor: market equals location.
      expect(attr(cell, "<td", "data-market-co2e-grams"), region).toBeCloseTo(ccfEnergy * grid, 3);
    }
    // The tax line's empty pipeline is excluded, so it has no what-if row.
    expect(html).not.toContain('data-pipeline=""');
  });

  it("answers 400 naming a bad query parameter", async () => {
    const { request } = await setUp();
    for (const [query, name] of [
      ["from=2026-13-01", "from"],
      ["to=yesterday", "to"],
      ["from=2026-11-10&to=2026-11-01", "to"],
      ["period=month", "period"],
    ] as const) {
      const res = await request(`/carbon?${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.text(), query).toMatch(new RegExp(`^${name}: `));
    }
  });

  it("speaks French with CAIRN_LOCALE=fr", async () => {
    const { request } = await setUp("fr");
    const html = await (await request("/carbon?from=2026-11-01&to=2026-12-01")).text();
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain("<h1>Carbone</h1>");
    expect(html).toContain("Et si on changeait de région\u202f?");
    expect(html).toMatch(/estimation physique/);
    expect(html).toMatch(/id="co2e-range"[^>]*>entre [\d,\u202f\u00a0]+ et [\d,\u202f\u00a0]+\u00a0(g|kg) CO2e</);
  });

  it("shows the carbon tile on the overview and coverage beside the explorer's total", async () => {
    const { november, request } = await setUp();
    const overview = await (await request("/")).text();
    expect(attr(overview, 'id="tile-carbon"', "data-co2e-grams")).toBeCloseTo(sumOf(november, "co2eGrams"), 2);
    expect(overview).toMatch(
      /id="overview-coverage"><span class="coverage-figure">88% of the cost estimated physically</,
    );
    expect(overview).toMatch(
      /id="overview-coverage-detail" class="tip-text">88% physical estimate · 2% cost-ratio proxy/,
    );
    const costs = await (await request("/costs?from=2026-11-01&to=2026-12-01")).text();
    expect(costs).toMatch(
      /carbon: <span class="coverage" id="explorer-coverage"><span class="coverage-figure">88% of the cost/,
    );
    expect(costs).toMatch(
      /id="explorer-coverage-detail" class="tip-text">88% physical estimate · 2% cost-ratio proxy · 10% excluded/,
    );
    // Filtered on the tax "service", the whole selection is excluded.
    const tax = await (await request("/costs?from=2026-11-01&to=2026-12-01&service=Tax")).text();
    expect(tax).toMatch(/0% physical estimate · 0% cost-ratio proxy · 100% excluded/);
  });
});

describe("the methodology's factor tables", () => {
  it("lists every region of each grid table and every factor set's sources", async () => {
    const fixture = webFixture({ CAIRN_LOCALE: "en" });
    try {
      const { request } = await fixture.signIn("viewer");
      const res = await request("/methodology");
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain('id="factor-tables-pending"');
      const regions = new Set([...html.matchAll(/<tr data-region="([^"]+)"/g)].map((m) => m[1]));
      for (const set of [CAIRN_2026, CCF_2022]) {
        for (const region of Object.keys(set.gridGPerKwhByRegion)) expect(regions, region).toContain(region);
        for (const s of set.sources) {
          expect(html, s.source).toContain(escapeHtml(s.source));
          expect(html, s.what).toContain(escapeHtml(s.what));
        }
        expect(html).toContain(`data-set="${set.name}"`);
      }
      // A few factors read back with their units: Paris in both sets, CCF's memory coefficient.
      const paris = row(html, "grid-table", 'data-region="eu-west-3"');
      expect(paris).toContain('data-grid="41.44"');
      expect(paris).toContain('data-grid="51.1"');
      expect(paris).toContain("1.35");
      expect(paris).toContain("1.135");
      expect(row(html, "coefficients-table", 'data-coefficient="memory"')).toContain("0.000392");
      expect(row(html, "coefficients-table", 'data-coefficient="memory"')).toContain("kWh/GB-h");
      // Storage: the default set's medium and redundancy range, CCF's full copies beside it.
      const standard = row(html, "factor-replication", 'data-usage-type="TimedStorage-ByteHrs"');
      expect(standard).toContain("S3 Standard");
      expect(standard).toContain("2 (1.5–3) · CCF 6");
      expect(row(html, "factor-replication", 'data-usage-type="TimedStorage-GDA-ByteHrs"')).toContain("COLD-HDD");
      expect(row(html, "factor-replication", 'data-usage-type="Aurora:StorageUsage"')).toContain("6 · CCF 6");
      expect(html).toContain("A10G");
      // Departures from CCF, with why and source; the grid basis said.
      expect(html).toContain('id="ccf-departures"');
      expect(html).toMatch(/CCF issue #1029/);
      expect(html).toMatch(/production-based/);
    } finally {
      fixture.close();
    }
  });
});
