/**
 * In EUR mode no page, report, email or CSV shows `$` or `USD`, except where it names the
 * billing currency or a month without a rate. Over the demo with a rate for every month, every
 * page, the CSV, both reports (HTML, text and the PDF's extracted text) and the alert emails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAlertEmail } from "../../reports/alerts/alert-email";
import { nodeRenderers } from "../../reports/render/node-renderers";
import { evaluateAlerts } from "../../src/analysis/alert-rules/index";
import { estimateLines } from "../../src/carbon/estimate";
import { addMonths } from "../../src/days";
import { loadDemo } from "../../src/jobs/load-demo";
import { runReport } from "../../src/jobs/report";
import { setRate } from "../../src/store/currency-rates";
import { gatherAlertInputs } from "../../src/store/read/alert-inputs";
import { readPdf } from "../helpers/pdf-text";
import { webFixture } from "../helpers/web";

const NOW = new Date("2026-11-28T09:00:00.000Z");
const fixture = webFixture({ CAIRN_CURRENCY: "EUR", CAIRN_LOCALE: "fr" }, NOW);
afterAll(() => fixture.close());

beforeAll(async () => {
  await loadDemo(
    { store: fixture.store, now: () => NOW, estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }) },
    { onlyIfEmpty: false },
  );
  for (let i = -14; i <= 0; i += 1)
    await setRate(
      fixture.store,
      { month: addMonths("2026-11", i), currency: "EUR", ratePerUsd: 0.92, source: "manual" },
      { currentMonth: "2020-01", at: NOW.toISOString() },
    );
});

/**
 * What may name the dollar: the billing currency (a rate per US dollar, a coefficient per billed
 * dollar, AWS's price of a Cost Explorer request) and the currency a budget is entered in (the
 * form's choice).
 */
const ALLOWED = [
  /Taux pour 1 USD/g,
  /kWh\/USD/g,
  /facture 0,01 (USD|\$US) par requête/g,
  /facture 5 \$US par To/g,
  /pour un dollar (US|américain)/g,
  /énergie par dollar/gi,
  /en dollars US tels qu(&#39;|')AWS les facture/g,
  /coûte 0,01 USD/g,
  /<select[^>]*name="currency"[\s\S]*?<\/select>/g,
];

/** `$`, `USD` and the word "dollar" left once markup, scripts, attributes and the allowed phrases are removed. */
function dollars(text: string): string[] {
  let visible = text;
  for (const a of ALLOWED) visible = visible.replace(a, " ");
  visible = visible
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]*>/g, " ");
  return [...visible.matchAll(/.{0,40}(\$|\bUSD\b|\bdollars?\b).{0,40}/gi)].map((m) => m[0]);
}

describe("EUR mode", () => {
  it.each([
    "/",
    "/costs",
    "/costs?groupBy=day",
    "/carbon",
    "/budgets",
    "/alerts",
    "/reports",
    "/runs",
    "/settings",
    "/tuning",
    "/incidents",
    "/reports/preview",
    "/methodology",
  ])("page %s shows no dollar", async (path) => {
    const admin = await fixture.signIn("admin", `admin-${path.replace(/\W/g, "")}@example.org`);
    const res = await admin.request(path);
    expect(res.status).toBe(200);
    expect(dollars(await res.text())).toEqual([]);
  });

  it("the explorer CSV is in euros", async () => {
    const admin = await fixture.signIn("admin", "csv@example.org");
    const csv = await (await admin.request("/api/v1/costs.csv?from=2026-10-01&to=2026-11-01")).text();
    expect(csv.split("\r\n")[0]).toBe("service,cost_eur,share_percent,co2e_kg");
  });

  it.each(["monthly", "weekly"] as const)("the %s report (HTML, text, PDF) shows no dollar", async (kind) => {
    const summary = await runReport(
      { store: fixture.store, now: () => NOW, mail: null, renderers: nodeRenderers },
      {
        kind,
        lang: "fr",
        currency: "EUR",
        send: false,
        to: [],
        ceMaxRequests: 300,
        factorSet: "cairn-2026",
        pdf: true,
      },
    );
    const r = summary.rendered;
    if (!r?.pdf) throw new Error("no PDF");
    expect(dollars(r.text)).toEqual([]);
    // The budgets table names its columns once each (it said "Budget" twice).
    if (kind === "monthly")
      expect(r.text.replace(/[\s\u00a0\u202f]+/g, " ")).toContain("Budget Dépensé Montant Utilisé");
    expect(dollars(r.mailHtml)).toEqual([]);
    const pdf = readPdf(r.pdf);
    if (pdf) expect(dollars(pdf.text)).toEqual([]);
  });

  it("alert emails show no dollar", async () => {
    const inputs = await gatherAlertInputs(fixture.store, {
      now: NOW,
      display: "EUR",
      ceMaxRequests: 300,
      lookbackDays: 30,
      sources: ["cost-explorer"],
    });
    const alerts = evaluateAlerts(inputs);
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) {
      const email = buildAlertEmail(alert, { locale: "fr", publicUrl: "http://localhost:8787" });
      expect(dollars(`${email.subject}\n${email.text}\n${email.html}`)).toEqual([]);
    }
  });
});
