/**
 * A refused form in French: the page comes back (400, not bare English text) with each error
 * beside its field in French, what was typed kept, and a way back. Budgets (amount, period,
 * thresholds, scope) and the explorer's dates.
 */
import { afterAll, describe, expect, it } from "vitest";
import { listBudgets } from "../../src/store/budgets";
import { webFixture } from "../helpers/web";

const fixture = webFixture({ CAIRN_LOCALE: "fr", CAIRN_CURRENCY: "EUR" });
afterAll(() => fixture.close());

const form = {
  name: "Labo",
  amount: "12,5",
  currency: "EUR",
  periodKind: "custom",
  from: "2026-06-01",
  to: "2026-05-01",
  scopeKind: "account",
  scopeValue: "1234",
  thresholds: "50,2000 %",
};

describe("forms in French", () => {
  it("budgets: every error beside its field, in French, what was typed kept, nothing saved", async () => {
    const admin = await fixture.signIn("admin");
    const res = await admin.request("/budgets", { form });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Rien n&#39;a été enregistré. À corriger\u00a0:");
    expect(html).toMatch(/id="budget-to-error">ne doit pas précéder le premier jour</);
    expect(html).toMatch(
      /id="budget-scope-value-error">doit être un identifiant de compte AWS à 12 chiffres, et non «\u202f1234\u202f»</,
    );
    expect(html).toMatch(/id="budget-thresholds-error">«\u202f2000\u202f%\u202f» dépasse 1000\u202f%</);
    expect(html).toMatch(/<input id="budget-amount" name="amount" value="12,5"/);
    expect(html).toMatch(/<input id="budget-scope-value" name="scopeValue"[^>]*value="1234"/);
    expect(html).toMatch(/<option value="custom" selected="">personnalisée<\/option>/);
    expect(html).toContain('<a href="/budgets">Annuler</a>');
    expect(html).not.toMatch(/must|should/);
    expect(await listBudgets(fixture.store)).toEqual([]);
  });

  it("budgets: the currency defaults to the display currency", async () => {
    const admin = await fixture.signIn("admin", "a2@example.org");
    const html = await (await admin.request("/budgets")).text();
    expect(html).toMatch(/<option value="EUR" selected="">EUR<\/option>/);
    const saved = await admin.request("/budgets", { form: { name: "Mensuel", amount: "40", thresholds: "80" } });
    expect(saved.status).toBe(303);
    expect((await listBudgets(fixture.store))[0]).toMatchObject({ name: "Mensuel", amount: 40, currency: "EUR" });
  });

  it("explorer: a bad date keeps the page, says so in French beside the field, keeps what was typed", async () => {
    const viewer = await fixture.signIn("viewer");
    const bad = await viewer.request("/costs?from=2026-11-31&to=2026-11-19&groupBy=service");
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('<form method="get" action="/costs"');
    expect(html).toMatch(/id="f-from-error">doit être une date \(année-mois-jour\)</);
    expect(html).toMatch(
      /<input id="f-from" name="from" type="date" value="2026-11-31" required="" aria-invalid="true"/,
    );
    expect(html).toContain('id="query-errors"');
    const reversed = await (await viewer.request("/costs?from=2026-11-10&to=2026-11-01")).text();
    expect(reversed).toMatch(/id="f-to-error">doit suivre le premier jour/);
    expect(reversed).toMatch(/id="f-to"[^>]*value="2026-11-01"/);
    const ok = await viewer.request("/costs?from=2026-11-01&to=2026-11-19");
    expect(ok.status).toBe(200);
    expect(await ok.text()).not.toContain('id="query-errors"');
  });
});
