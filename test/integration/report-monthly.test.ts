import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeRenderers } from "../../reports/render/node-renderers";
import { advise } from "../../src/analysis/advice/index";
import { formatCo2e } from "../../src/format/numbers";
import { type ReportArgs, runReport } from "../../src/jobs/report";
import { addUpkeep } from "../../src/services/add-upkeep";
import { changeFindingState } from "../../src/services/change-finding-state";
import { replaceAwsCarbonMonths } from "../../src/store/aws-carbon";
import { setRate } from "../../src/store/currency-rates";
import type { OpenedStore } from "../../src/store/open-sqlite";
import { loadAdviceInput } from "../../src/store/read/advice";
import { readDb } from "../../src/store/store";
import { readPdf } from "../helpers/pdf-text";
import { openDemoStore, squash, sumCost } from "../helpers/report-demo";

const NOW = new Date("2026-11-28T09:00:00.000Z");
let opened: OpenedStore;

beforeAll(async () => {
  opened = await openDemoStore(NOW);
});
afterAll(() => opened.close());

const args = (over: Partial<ReportArgs> = {}): ReportArgs => ({
  kind: "monthly",
  lang: "fr",
  currency: "USD",
  send: false,
  to: [],
  ceMaxRequests: 300,
  factorSet: "cairn-2026",
  ...over,
});

const usd = (n: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "USD", minimumFractionDigits: 2 }).format(n);
const eur = (n: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2 }).format(n);

describe("monthly report on the demo's last full month", () => {
  it("shows totals, pipelines and comparisons computed from the stored lines, in HTML, text and PDF", async () => {
    const summary = await runReport(
      { store: opened.store, now: () => NOW, mail: null, renderers: nodeRenderers },
      args(),
    );
    expect(summary.period).toBe("2026-10");
    const r = summary.rendered;
    if (!r?.pdf) throw new Error("no PDF");
    const total = sumCost(opened, "2026-10-01", "2026-11-01");
    const previous = sumCost(opened, "2026-09-01", "2026-10-01");
    const lastYear = sumCost(opened, "2025-10-01", "2025-11-01");
    const temperatures = sumCost(opened, "2026-10-01", "2026-11-01", "pipeline = ?", ["temperatures"]);
    const co2 = opened.sqlite
      .prepare(
        "select sum(f.co2e_grams) as g, sum(f.co2e_grams_low) as low, sum(f.co2e_grams_high) as high from cost_lines c join footprints f on f.cost_line_id = c.id where c.day >= '2026-10-01' and c.day < '2026-11-01'",
      )
      .get() as { g: number; low: number; high: number };
    const kg = (g: number) =>
      new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(g / 1000);
    const expected = [
      usd(total),
      usd(previous),
      usd(lastYear),
      usd(temperatures),
      // As the report writes it (grams under a kilogram).
      formatCo2e(co2.g, "fr"),
      "31 octobre 2026",
      // The range of the estimate.
      `entre ${kg(co2.low)} et ${kg(co2.high)}\u00a0kg CO2e`,
      // The demo's runaway Lambda loop (12th and 13th of the previous month) found by the anomaly rule.
      "(AWS Lambda) : 12 et 13 octobre 2026",
      "ADEME, Impact CO2",
      "2023",
    ];
    const pdf = readPdf(r.pdf);
    for (const haystack of [r.archiveHtml, r.mailHtml, r.text, ...(pdf ? [pdf.text] : [])]) {
      for (const needle of expected) expect(squash(haystack)).toContain(squash(needle));
    }
    // One A4 page for the directors, "Ce que l'équipe a fait" and the overrun's explanation included.
    if (pdf) expect(pdf.pages).toBe(1);
    expect(Buffer.from(r.pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    // Charts: inline images in mail, data URIs in the archive.
    expect(r.mailHtml).toContain('src="cid:monthly-trend@cairn"');
    expect(r.archiveHtml).toContain('src="data:image/png;base64,');
    expect(r.attachments.map((a) => a.contentType)).toEqual(["image/png", "image/png", "application/pdf"]);
  });

  it("gives AWS's figures beside Cairn's for the same scope, with the ratios, and names the services 2x apart with the likely cause", async () => {
    // Cairn's own October CO2e per service and region of the production account (counted lines).
    const groups = opened.sqlite
      .prepare(
        `select service, region, sum(co2e_grams) as g, sum(market_co2e_grams) as m from cost_daily
         where day >= '2026-10-01' and day < '2026-11-01' and account_id = '111122223333' group by 1, 2`,
      )
      .all() as { service: string; region: string; g: number; m: number }[];
    const cairnOf = (re: RegExp, region: string) =>
      groups.filter((x) => re.test(x.service) && x.region === region).reduce((s, x) => s + x.g, 0);
    const s3Paris = cairnOf(/Simple Storage/, "eu-west-3");
    const ec2Paris = cairnOf(/Elastic Compute|EC2 - Other/, "eu-west-3");
    expect(s3Paris).toBeGreaterThan(0);
    const figure = (productCode: string, regionCode: string, grams: number, market: number) => ({
      month: "2026-10",
      usageAccountId: "111122223333",
      payerAccountId: "111122223333",
      productCode,
      regionCode,
      location: regionCode,
      modelVersion: "v3.0.0",
      locationCo2eGrams: grams,
      marketCo2eGrams: market,
      lastRefresh: "2026-11-21T00:00:00Z",
    });
    // AWS: S3 in Paris (the demo's largest S3, the camera-trap images) a quarter of Cairn's (4x
    // apart: flagged), EC2 in Paris 1.25x (not flagged).
    await replaceAwsCarbonMonths(
      opened.store,
      [figure("AmazonS3", "eu-west-3", s3Paris / 4, 40), figure("AmazonEC2", "eu-west-3", ec2Paris * 1.25, 10)],
      "test",
      "2026-11-25T00:00:00Z",
    );
    try {
      const summary = await runReport(
        { store: opened.store, now: () => NOW, mail: null, renderers: nodeRenderers },
        args(),
      );
      const text = squash(summary.rendered?.text ?? "");
      // Same scope as AWS's: the production account (the sandbox is not in AWS's figures), every
      // service and region Cairn has there; AWS's market-based figure beside Cairn's.
      const cairnAll = groups.reduce((s, x) => s + x.g, 0);
      const cairnMarket = groups.reduce((s, x) => s + x.m, 0);
      const aws = s3Paris / 4 + ec2Paris * 1.25;
      const f = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      expect(text).toContain(squash("en market-based (scopes 1 et 2), à côté de l'estimation propre de Cairn"));
      expect(text).toContain(squash(`: ${f.format(cairnAll / aws)}× et ${f.format(cairnMarket / 50)}× ceux d'AWS`));
      // The flagged services and regions, with the ratio and the likely cause, in the report itself.
      expect(text).toContain(squash("Écart de plus de 2× (cause probable) :"));
      expect(text).toContain(squash(`AmazonS3 en eu-west-3, ${f.format(4)}× (stockage : hypothèses de redondance`));
      expect(text).not.toContain(squash("AmazonEC2 en eu-west-3,"));
      // Services Cairn has and AWS does not report are flagged too (AWS counts them elsewhere or at
      // 0): the three largest are named, the rest counted and left to the carbon page.
      expect(text).toContain(squash("AmazonRDS en eu-west-3, — (AWS ne déclare rien ici"));
      expect(text).toMatch(/\d+ de plus sur la page Carbone\./);
    } finally {
      opened.sqlite.prepare("delete from aws_carbon_emissions").run();
    }
  });

  it("speaks English on request", async () => {
    const summary = await runReport(
      { store: opened.store, now: () => NOW, mail: null, renderers: nodeRenderers },
      args({ lang: "en" }),
    );
    const total = sumCost(opened, "2026-10-01", "2026-11-01");
    const money = new Intl.NumberFormat("en-GB", { style: "currency", currency: "USD" }).format(total);
    expect(summary.rendered?.text).toContain(money);
    expect(summary.rendered?.text).toContain("October 2026");
  });

  it("converts each month at its own rate in euros, the budget too", async () => {
    // Every month the report shows has a rate (as after `cairn fx fetch`); two of them set apart.
    for (let m = 0; m < 13; m += 1) {
      const month = `${m < 3 ? 2025 : 2026}-${String(m < 3 ? 10 + m : m - 2).padStart(2, "0")}`;
      await setRate(
        opened.store,
        { month, currency: "EUR", ratePerUsd: 0.85, source: "manual" },
        { currentMonth: "2026-11", at: NOW.toISOString() },
      );
    }
    await setRate(
      opened.store,
      { month: "2026-10", currency: "EUR", ratePerUsd: 0.9, source: "manual" },
      { currentMonth: "2026-11", at: NOW.toISOString(), force: true },
    );
    await setRate(
      opened.store,
      { month: "2026-09", currency: "EUR", ratePerUsd: 0.8, source: "manual" },
      { currentMonth: "2026-11", at: NOW.toISOString(), force: true },
    );
    const summary = await runReport(
      { store: opened.store, now: () => NOW, mail: null, renderers: nodeRenderers },
      args({ currency: "EUR" }),
    );
    const text = squash(summary.rendered?.text ?? "");
    const total = sumCost(opened, "2026-10-01", "2026-11-01") * 0.9;
    const previous = sumCost(opened, "2026-09-01", "2026-10-01") * 0.8;
    expect(text).toContain(squash(eur(Math.round(total * 100) / 100)));
    expect(text).toContain(squash(eur(Math.round(previous * 100) / 100)));
    expect(text).toContain("0,9000 €");
  });

  it("says when figures are provisional, and the scheduled run waits for them to settle", async () => {
    opened.sqlite.prepare("update cost_lines set estimated = 1 where day = '2026-10-31'").run();
    const n = (
      opened.sqlite.prepare("select count(*) as n from cost_lines where day = '2026-10-31'").get() as { n: number }
    ).n;
    const early = new Date("2026-11-03T06:30:00.000Z");
    const summary = await runReport(
      { store: opened.store, now: () => early, mail: null, renderers: nodeRenderers },
      args({ period: "2026-10" }),
    );
    expect(summary.provisional).toBe(true);
    expect(squash(summary.rendered?.text ?? "")).toContain(
      `Chiffres provisoires : AWS n'a pas encore clôturé octobre 2026 (${n} lignes`,
    );
    const scheduled = await runReport(
      { store: opened.store, now: () => early, mail: null, renderers: nodeRenderers },
      args({ scheduled: true }),
    );
    expect(scheduled.outcome).toBe("waiting");
    opened.sqlite.prepare("update cost_lines set estimated = 0 where day = '2026-10-31'").run();
  });
  it("stays one page with the team's work of the month: a finding done and upkeep on every pipeline", async () => {
    const now = () => new Date("2026-10-28T10:00:00Z");
    const nat = advise(await loadAdviceInput(readDb(opened.store), "2026-10-28")).find((f) => f.kind === "nat-idle");
    if (!nat) throw new Error("the demo's idle NAT gateway is not found");
    await changeFindingState(
      { store: opened.store, now },
      {
        findingId: nat.id,
        action: "done",
        doneOn: "2026-10-27",
        asOf: "2026-10-28",
        actor: "camille@aarc.example.org",
      },
    );
    for (const pipeline of ["temperatures", "camera-traps", "website"]) {
      await addUpkeep(
        { store: opened.store, now },
        { day: "2026-10-20", pipeline, hours: 2.5, person: "Camille", what: "mises à jour", actor: "t" },
      );
    }
    const summary = await runReport(
      { store: opened.store, now: () => NOW, mail: null, renderers: nodeRenderers },
      args(),
    );
    const pdf = readPdf(summary.rendered?.pdf ?? new Uint8Array());
    if (!pdf) return; // pdftotext missing: the other tests say so
    expect(squash(pdf.text)).toContain(squash("par camille@aarc.example.org"));
    expect(squash(pdf.text)).toContain(squash("Heures d'entretien du mois"));
    expect(squash(pdf.text)).toContain(squash("Ce qui explique le dépassement du budget"));
    expect(pdf.pages).toBe(1);
  });
});
