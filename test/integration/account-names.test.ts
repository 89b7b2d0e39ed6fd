/**
 * Account names on the pages and in the explorer's CSV (issue 16, point 6): configured with
 * CAIRN_ACCOUNT_NAMES, or the demo's own, instead of bare ids.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { loadDemo } from "../../src/jobs/load-demo";
import { addPlannedActivityService } from "../../src/services/add-planned-activity";
import { type SignedIn, webFixture } from "../helpers/web";

const NOW = new Date("2026-11-18T10:00:00Z");

describe("account names", () => {
  let fixture: ReturnType<typeof webFixture>;
  let viewer: SignedIn;
  beforeAll(async () => {
    fixture = webFixture({ CAIRN_LOCALE: "en", CAIRN_ACCOUNT_NAMES: "111122223333=Production" }, NOW);
    await loadDemo(
      {
        store: fixture.store,
        now: () => NOW,
        estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }),
      },
      { onlyIfEmpty: false },
    );
    viewer = await fixture.signIn("viewer");
  });
  afterAll(() => fixture.close());

  it("names the accounts in the explorer's filter, table and chart", async () => {
    const html = await (await viewer.request("/costs?groupBy=account")).text();
    expect(html).toMatch(/<option value="111122223333"[^>]*>Production \(111122223333\)<\/option>/);
    // Unconfigured, the demo's own name.
    expect(html).toMatch(/<option value="444455556666"[^>]*>aarc-sandbox \(444455556666\)<\/option>/);
    expect(html).toMatch(/<th scope="row">\s*Production \(111122223333\)<\/th>/);
    expect(html).toContain("Production (111122223333)&quot;");
  });

  it("keeps the id in the CSV and adds the name in a column", async () => {
    const csv = await (await viewer.request("/api/v1/costs.csv?groupBy=account")).text();
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("account,account_name,cost_usd,share_percent,co2e_kg");
    expect(lines.some((l) => l.startsWith("111122223333,Production,"))).toBe(true);
    expect(lines.some((l) => l.startsWith("444455556666,aarc-sandbox,"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Total,,"))).toBe(true);
  });

  it("names the accounts on the data health page and the tuning findings", async () => {
    const runs = await (await viewer.request("/runs")).text();
    expect(runs).toContain('<span class="account" title="111122223333">Production (111122223333)</span>');
    const tuning = await (await viewer.request("/tuning")).text();
    expect(tuning).toMatch(/aarc-sandbox \(444455556666\)|Production \(111122223333\)/);
  });

  it("suggests accounts by name in the budget form's scope, keeping the id as the value", async () => {
    const admin = await fixture.signIn("admin", "admin-budgets@example.org");
    const budgets = await (await admin.request("/budgets")).text();
    expect(budgets).toMatch(/<option value="111122223333" label="Production"/);
    expect(budgets).toMatch(/<option value="444455556666" label="aarc-sandbox"/);
  });

  it("names the account of a planned activity on the settings page", async () => {
    await addPlannedActivityService(
      { store: fixture.store, now: () => NOW },
      {
        name: "Migration",
        fromDay: "2026-11-20",
        toDay: "2026-11-22",
        scopeKind: "account",
        scopeValue: "111122223333",
        actor: "admin@example.org",
      },
    );
    const admin = await fixture.signIn("admin", "admin-planned@example.org");
    const settings = await (await admin.request("/settings")).text();
    expect(settings).toContain("Production (111122223333)");
  });

  it("names the accounts inside the findings' own sentences on the tuning page", async () => {
    const tuning = await (await viewer.request("/tuning")).text();
    expect(tuning).toContain("Delete the idle NAT gateway of account aarc-sandbox (444455556666) in eu-west-3");
    // Headings and the kind · resource line: no bare id left (ids stay in attributes and forms).
    const said = [...tuning.matchAll(/<h2>([\s\S]*?)<\/h2>|<p class="muted">([\s\S]*?)<\/p>/g)].map((m) => m[0]);
    expect(said.length).toBeGreaterThan(0);
    for (const text of said) expect(text.replace(/<[^>]*>/g, "")).not.toMatch(/(?<![\d(])\d{12}(?![\d)])/);
  });
});
