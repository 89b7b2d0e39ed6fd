/**
 * CAIRN_CARBON_CALIBRATION=aws applies everywhere a footprint appears, labelled: the line and
 * open-data exports, the monthly and weekly reports, the overview, the explorer API (rollup and
 * line paths). On the demo with AWS figures for October and November 2026 built per (account,
 * product, region) at a different factor each, every surface's CO2e of a (month, account,
 * service, region) sums to AWS's figure, and what AWS did not publish stays Cairn's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportChunks } from "../../reports/export/export-chunks";
import { nodeRenderers } from "../../reports/render/node-renderers";
import { awsRegionOf, productCodeOf } from "../../src/carbon/aws-product-codes";
import { estimateLines } from "../../src/carbon/estimate";
import { loadDemo } from "../../src/jobs/load-demo";
import { runReport } from "../../src/jobs/report";
import { replaceAwsCarbonMonths } from "../../src/store/aws-carbon";
import { loadCalibration } from "../../src/store/read/carbon-calibration";
import { readDb } from "../../src/store/store";
import { squash } from "../helpers/report-demo";
import { webFixture } from "../helpers/web";

const NOW = new Date("2026-11-28T09:00:00Z");
const MONTHS = ["2026-10", "2026-11"];
/** AWS publishes nothing for this group: its CO2e stays Cairn's everywhere. */
const LEFT_OUT = "AmazonSES|eu-west-1";

type Group = { month: string; account: string; product: string; region: string; cairn: number; cairnAll: number };
let fixture: ReturnType<typeof webFixture>;
/** Expected CO2e per (month, account, product, region): AWS's figure, or Cairn's where AWS has none. */
const expected = new Map<string, number>();
/** The groups AWS has a figure for. */
const published = new Set<string>();
const key = (month: string, account: string, service: string, region: string) =>
  `${month}|${account}|${productCodeOf(service)}|${awsRegionOf(region)}`;

beforeAll(async () => {
  fixture = webFixture({ CAIRN_CARBON_CALIBRATION: "aws" }, NOW);
  await loadDemo(
    {
      store: fixture.store,
      now: () => NOW,
      estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }),
    },
    { onlyIfEmpty: false },
  );
  // Cairn's own CO2e per group, straight from the counted lines.
  const rows = fixture.sqlite
    .prepare(
      `select substr(day, 1, 7) as month, account_id as account, service, region, sum(co2e_grams) as g
       from cost_daily where substr(day, 1, 7) in ('2026-10', '2026-11') group by 1, 2, 3, 4`,
    )
    .all() as { month: string; account: string; service: string; region: string; g: number }[];
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const k = key(r.month, r.account, r.service, r.region);
    const g = groups.get(k) ?? {
      month: r.month,
      account: r.account,
      product: productCodeOf(r.service),
      region: awsRegionOf(r.region),
      cairn: 0,
      cairnAll: 0,
    };
    g.cairn += r.g;
    groups.set(k, g);
  }
  const figures = [];
  let i = 0;
  for (const [k, g] of groups) {
    if (g.cairn <= 0 || k.endsWith(LEFT_OUT)) {
      expected.set(k, g.cairn);
      continue;
    }
    // A different factor per group (0.3x to 3x), so a calibration that mixed groups would show.
    const factor = 0.3 + ((i++ * 7) % 10) * 0.3;
    expected.set(k, g.cairn * factor);
    published.add(k);
    figures.push({
      month: g.month,
      usageAccountId: g.account,
      payerAccountId: g.account,
      productCode: g.product,
      regionCode: g.region,
      location: g.region,
      modelVersion: "v3.0.0",
      locationCo2eGrams: g.cairn * factor,
      marketCo2eGrams: g.cairn * factor * 0.1,
      lastRefresh: "2026-11-21T00:00:00Z",
    });
  }
  expect(figures.length).toBeGreaterThan(10);
  expect([...expected.keys()].some((k) => k.endsWith(LEFT_OUT))).toBe(true);
  await replaceAwsCarbonMonths(fixture.store, figures, "test", "2026-11-25T00:00:00Z");
}, 60_000);
afterAll(() => fixture?.close());

const total = (month: string) => [...expected].filter(([k]) => k.startsWith(month)).reduce((s, [, v]) => s + v, 0);

async function exported(openData: boolean, format: "csv" | "json" = "json"): Promise<string> {
  const period = { from: "2026-10-01", to: "2026-12-01" };
  let text = "";
  for await (const chunk of exportChunks(readDb(fixture.store), {
    format,
    period,
    openData,
    pipelineTag: "pipeline",
    generatedOn: "2026-11-28",
    calibration: await loadCalibration(fixture.store, "aws", period),
  }))
    text += chunk;
  return text;
}

describe("calibration everywhere a footprint appears", () => {
  it("line export: each (month, account, service, region) sums to AWS's figure, each line labelled", async () => {
    const lines = JSON.parse(await exported(false)) as Record<string, unknown>[];
    const sums = new Map<string, number>();
    for (const l of lines) {
      const k = key(String(l.day).slice(0, 7), String(l.accountId), String(l.service), String(l.region));
      sums.set(k, (sums.get(k) ?? 0) + Number(l.co2eGrams ?? 0));
      expect(l.co2eCalibrated, k).toBe(published.has(k));
    }
    for (const [k, v] of expected) expect(sums.get(k) ?? 0, k).toBeCloseTo(v, 6);
  });

  it("open data: rows without accounts still add up to AWS's figures per month, with the calibrated share", async () => {
    const csv = await exported(true, "csv");
    expect(csv).toContain("CALIBRATED: location- and market-based CO2e");
    const [header, ...rows] = csv.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
    const names = (header ?? "").split(",");
    const at = (row: string, name: string) => Number(row.split(",")[names.indexOf(name)]);
    expect(names.at(-1)).toBe("co2eCalibratedShare");
    for (const month of MONTHS) {
      const mine = rows.filter((r) => r.startsWith(month));
      expect(mine.reduce((s, r) => s + at(r, "co2eGrams"), 0)).toBeCloseTo(total(month), 4);
    }
    // SES in Ireland (left out) is Cairn's own: share 0; S3 in Ireland is all AWS's: share 1.
    const ses = rows.find((r) => r.startsWith("2026-10") && r.includes("Simple Email") && r.includes("eu-west-1"));
    expect(ses && at(ses, "co2eCalibratedShare")).toBe(0);
    const s3 = rows.find((r) => r.startsWith("2026-10") && r.includes("Simple Storage") && r.includes("eu-west-1"));
    expect(s3 && at(s3, "co2eCalibratedShare")).toBeCloseTo(1, 9);
  });

  it("monthly report: the month's CO2e and its pipelines are AWS's, labelled; AWS beside Cairn's own", async () => {
    const summary = await runReport(
      { store: fixture.store, now: () => NOW, mail: null, renderers: nodeRenderers },
      {
        kind: "monthly",
        period: "2026-10",
        lang: "fr",
        currency: "USD",
        send: false,
        to: [],
        ceMaxRequests: 300,
        factorSet: "cairn-2026",
        calibration: "aws",
      },
    );
    const facts = summary.facts as { co2eGrams: number; pipelines: { co2eGrams: number }[]; calibratedShare: number };
    expect(facts.co2eGrams).toBeCloseTo(total("2026-10"), 4);
    expect(facts.pipelines.reduce((s, p) => s + p.co2eGrams, 0)).toBeCloseTo(total("2026-10"), 4);
    expect(facts.calibratedShare).toBeGreaterThan(0.9);
    expect(facts.calibratedShare).toBeLessThan(1);
    const text = squash(summary.rendered?.text ?? "");
    expect(text).toContain(squash("Calibré sur les chiffres d'AWS là où AWS les a publiés"));
    // The comparison stays between AWS and Cairn's own estimate, not the calibrated figure.
    expect(text).toContain(squash("à côté de l'estimation propre de Cairn"));
  });

  it("weekly report: calibrated and labelled", async () => {
    const summary = await runReport(
      { store: fixture.store, now: () => NOW, mail: null, renderers: nodeRenderers },
      {
        kind: "weekly",
        period: "2026-10-12",
        lang: "en",
        currency: "USD",
        send: false,
        to: [],
        ceMaxRequests: 300,
        factorSet: "cairn-2026",
        calibration: "aws",
      },
    );
    expect(squash(summary.rendered?.text ?? "")).toContain("Calibrated to AWS's own figures");
  });

  it("overview: the month's tile is calibrated and says so", async () => {
    const viewer = await fixture.signIn("viewer");
    const html = await (await viewer.request("/")).text();
    const tile = html.slice(html.indexOf('id="tile-carbon"'));
    expect(Number(/data-co2e-grams="([^"]+)"/.exec(tile)?.[1])).toBeCloseTo(total("2026-11"), 2);
    expect(tile).toContain('id="overview-calibrated"');
  });

  it("explorer API: totals calibrated on the rollup path and the line path (usage type), flagged", async () => {
    const token = await fixture.token("viewer");
    const get = async (q: string) =>
      (await (
        await fixture.app.request(`/api/v1/costs?${q}`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as {
        total: { co2eGrams: number };
        rows: { key: string; co2eGrams: number }[];
        co2eCalibrated?: boolean;
      };
    const byService = await get("from=2026-10-01&to=2026-11-01&groupBy=service");
    expect(byService.co2eCalibrated).toBe(true);
    expect(byService.total.co2eGrams).toBeCloseTo(total("2026-10"), 3);
    const s3 = byService.rows.find((r) => r.key === "Amazon Simple Storage Service");
    const s3Expected = [...expected]
      .filter(([k]) => k.startsWith("2026-10") && k.includes("|AmazonS3|"))
      .reduce((s, [, v]) => s + v, 0);
    expect(s3?.co2eGrams).toBeCloseTo(s3Expected, 3);
    const byUsage = await get("from=2026-10-01&to=2026-11-01&groupBy=usageType");
    expect(byUsage.total.co2eGrams).toBeCloseTo(total("2026-10"), 3);
    // The explorer's CSV and page name the column as calibrated.
    const csv = await (
      await fixture.app.request("/api/v1/costs.csv?from=2026-10-01&to=2026-11-01", {
        headers: { authorization: `Bearer ${token}` },
      })
    ).text();
    expect(csv.split("\n")[0]).toContain("co2e_kg_calibrated_to_aws");
    const viewer = await fixture.signIn("viewer");
    const page = await (await viewer.request("/costs?from=2026-10-01&to=2026-11-01")).text();
    expect(page).toContain("CO2e, calibré sur les chiffres d&#39;AWS");
  });
});
