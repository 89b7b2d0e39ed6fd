/**
 * The carbon page beside AWS's imported figures: per month AWS's and Cairn's CO2e with the
 * ratio, gaps past 2x flagged with a cause; with CAIRN_CARBON_CALIBRATION=aws, the page's
 * figures are AWS's where AWS has one, and say so.
 */
import { afterEach, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { replaceAwsCarbonMonths } from "../../src/store/aws-carbon";
import { upsertCostLines } from "../../src/store/cost-lines";
import { line } from "../helpers/lines";
import { webFixture } from "../helpers/web";

const EC2 = "Amazon Elastic Compute Cloud - Compute";
const LINES = [
  line({
    day: "2026-10-03",
    service: EC2,
    usageType: "EUW3-BoxUsage:m5.large",
    usageAmount: 240,
    usageUnit: "Hrs",
    pipeline: "probes",
  }),
  line({
    day: "2026-10-04",
    service: EC2,
    usageType: "EUW3-BoxUsage:m5.large",
    usageAmount: 240,
    usageUnit: "Hrs",
    pipeline: "cameras",
  }),
  line({
    day: "2026-10-05",
    service: "Amazon Simple Storage Service",
    usageType: "EUW3-TimedStorage-ByteHrs",
    usageAmount: 5000,
    usageUnit: "GB-Mo",
    pipeline: "cameras",
  }),
];

const figure = (productCode: string, grams: number, market: number) => ({
  month: "2026-10",
  usageAccountId: "111111111111",
  payerAccountId: "999999999999",
  productCode,
  regionCode: "eu-west-3",
  location: "EU (Paris)",
  modelVersion: "v3.0.0",
  locationCo2eGrams: grams,
  marketCo2eGrams: market,
  lastRefresh: "2026-11-21T00:00:00Z",
});

function attr(html: string, marker: string, name: string): number {
  const m = new RegExp(`${marker}[^>]*\\s${name}="([^"]+)"`).exec(html);
  if (!m) throw new Error(`no ${name} after ${marker}`);
  return Number(m[1]);
}

describe("the carbon page beside AWS's figures", () => {
  let fixture: ReturnType<typeof webFixture>;
  afterEach(() => fixture?.close());

  async function setUp(env: Record<string, string> = {}) {
    fixture = webFixture(env);
    const estimated = estimateLines(LINES, { factorSet: "cairn-2026" });
    await upsertCostLines(fixture.store, estimated, fixture.now.toISOString());
    // AWS: EC2 about as Cairn; S3 far below Cairn's estimate.
    const ec2 = estimated.slice(0, 2).reduce((s, e) => s + (e.footprint?.co2eGrams ?? 0), 0);
    const s3 = estimated[2]?.footprint?.co2eGrams ?? 0;
    await replaceAwsCarbonMonths(
      fixture.store,
      [figure("AmazonEC2", ec2 * 1.2, 10), figure("AmazonS3", s3 / 4, 0)],
      "test",
      "2026-11-25T00:00:00Z",
    );
    const viewer = await fixture.signIn("viewer");
    return { ec2, s3, request: viewer.request };
  }

  it("shows the month's figures side by side with the ratio, and flags storage 4x apart", async () => {
    const { ec2, s3, request } = await setUp();
    const html = await (await request("/carbon?from=2026-10-01&to=2026-11-01")).text();
    const table = html.slice(html.indexOf('id="table-aws-months"'));
    const month = table.slice(
      table.indexOf('data-month="2026-10"'),
      table.indexOf("</tr>", table.indexOf('data-month="2026-10"')),
    );
    expect(attr(month, "<td", "data-aws-location-grams")).toBeCloseTo(ec2 * 1.2 + s3 / 4, 2);
    expect(attr(month, "<td", "data-cairn-location-grams")).toBeCloseTo(ec2 + s3, 2);
    expect(attr(month, "<td", "data-ratio")).toBeCloseTo((ec2 + s3) / (ec2 * 1.2 + s3 / 4), 5);
    // The market-based figures side by side too, with their own ratio (Paris: Cairn's market 0).
    expect(attr(month, "<td", "data-aws-market-grams")).toBeCloseTo(10, 6);
    expect(attr(month, "<td", "data-market-ratio")).toBeCloseTo(0, 6);
    // The flagged row says the likely cause in words.
    expect(html).toContain("stockage\u00a0: hypothèses de redondance et de support de Cairn");
    expect(html).toMatch(/<tr data-product="AmazonS3" data-region="eu-west-3" data-flag="storage-assumptions">/);
    expect(html).not.toMatch(/data-product="AmazonEC2"/);
    expect(html).not.toContain('id="carbon-calibrated"');
  });

  it("calibrates to AWS's figures with CAIRN_CARBON_CALIBRATION=aws, labelled", async () => {
    const { ec2, s3, request } = await setUp({ CAIRN_CARBON_CALIBRATION: "aws" });
    const html = await (await request("/carbon?from=2026-10-01&to=2026-11-01")).text();
    expect(attr(html, 'id="tile-co2e"', "data-co2e-grams")).toBeCloseTo(ec2 * 1.2 + s3 / 4, 2);
    expect(attr(html, 'id="carbon-calibrated"', "data-calibrated-share")).toBeCloseTo(1, 6);
    expect(html).toContain("Calibré sur les chiffres d&#39;AWS");
    // The pipelines split AWS's EC2 figure as Cairn's own estimate does (half each).
    const table = html.slice(html.indexOf('id="table-pipeline"'));
    const probes = table.slice(table.indexOf('data-key="probes"'));
    expect(attr(probes, "<td", "data-co2e-grams")).toBeCloseTo((ec2 * 1.2) / 2, 2);
  });
});
