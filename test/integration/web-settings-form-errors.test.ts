/**
 * The Settings page's forms (a month's rate, a planned activity, and their removals) refused:
 * the page comes back (400, not the generic error page) with each error beside its field in
 * the reader's language, what was typed kept, and nothing written. Schema errors (a month that
 * is no month, a rate that is no number) and the services' own refusals (a fixed past month,
 * nothing to remove) take the same path.
 */
import { afterAll, describe, expect, it } from "vitest";
import { listAudit } from "../../src/store/audit-log";
import { listPlannedActivities } from "../../src/store/planned-activities";
import { listRates } from "../../src/store/read/rates";
import { readDb } from "../../src/store/store";
import { webFixture } from "../helpers/web";

const WORDS = {
  fr: {
    lang: '<html lang="fr">',
    summary: "Rien n&#39;a été enregistré. À corriger\u00a0:",
    monthInvalid: "doit être un mois (année-mois)",
    notNumber: "doit être un nombre",
    rateTooHigh: "100 au plus (euros pour un dollar US)",
    rateFixed: "ce mois passé a déjà un autre taux",
    rateMissing: "aucun taux EUR pour septembre 2026",
    toBeforeFrom: "ne doit pas précéder le premier jour",
    accountId: "doit être un identifiant de compte AWS à 12 chiffres, et non «\u202f12\u202f»",
    nameEmpty: "ne doit pas être vide",
    plannedMissing: "aucune activité prévue n&#39;a le numéro 9999",
  },
  en: {
    lang: '<html lang="en">',
    summary: "Nothing was saved. Please correct:",
    monthInvalid: "must be a month YYYY-MM",
    notNumber: "must be a number",
    rateTooHigh: "must be at most 100 (euros per US dollar)",
    rateFixed: "September 2026 is a past month that already has a different rate",
    rateMissing: "no EUR rate for September 2026",
    toBeforeFrom: "must not be before the first day",
    accountId: "must be a 12-digit AWS account id, got “12”",
    nameEmpty: "must not be empty",
    plannedMissing: "no planned activity with ID 9999",
  },
} as const;

for (const locale of ["fr", "en"] as const) {
  const w = WORDS[locale];
  const fixture = webFixture({ CAIRN_LOCALE: locale, CAIRN_CURRENCY: "EUR" });
  afterAll(() => fixture.close());
  const rates = () => listRates(readDb(fixture.store));

  describe(`settings forms in ${locale}`, () => {
    it("rates: a bad month and a rate that is no number, each beside its field, kept, nothing saved", async () => {
      const admin = await fixture.signIn("admin");
      const res = await admin.request("/settings/rates", { form: { month: "2026-13", ratePerUsd: "quatre-vingt" } });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(w.lang);
      expect(html).toContain('id="rate-form"');
      expect(html).toContain(w.summary);
      expect(html).toContain(`id="rate-month-error">${w.monthInvalid}<`);
      expect(html).toContain(`id="rate-value-error">${w.notNumber}<`);
      expect(html).toMatch(/<input id="rate-month" name="month" value="2026-13"[^>]*aria-invalid="true"/);
      expect(html).toMatch(/<input id="rate-value" name="ratePerUsd" value="quatre-vingt"[^>]*aria-invalid="true"/);
      expect(html).toMatch(/id="rate-value"[^>]*aria-describedby="rate-value-error"/);
      if (locale === "fr") expect(html).not.toMatch(/must|should/);
      expect(await rates()).toEqual([]);
    });

    it("rates: too high a rate, and a fixed past month, beside their fields", async () => {
      const admin = await fixture.signIn("admin", "a2@example.org");
      const high = await admin.request("/settings/rates", { form: { month: "2026-11", ratePerUsd: "500" } });
      expect(high.status).toBe(400);
      const highHtml = await high.text();
      expect(highHtml).toContain(`id="rate-value-error">${w.rateTooHigh}<`);
      expect(highHtml).toMatch(/<input id="rate-value" name="ratePerUsd" value="500"/);
      expect(await rates()).toEqual([]);

      expect((await admin.request("/settings/rates", { form: { month: "2026-09", ratePerUsd: "0.85" } })).status).toBe(
        303,
      );
      const fixed = await admin.request("/settings/rates", { form: { month: "2026-09", ratePerUsd: "0,8" } });
      expect(fixed.status).toBe(400);
      const fixedHtml = await fixed.text();
      expect(fixedHtml).toMatch(new RegExp(`id="rate-force-error">${w.rateFixed}`));
      expect(fixedHtml).toMatch(/<input id="rate-month" name="month" value="2026-09"/);
      expect(fixedHtml).toMatch(/<input id="rate-value" name="ratePerUsd" value="0,8"/);
      expect(fixedHtml).toMatch(/<input id="rate-force" name="force" type="checkbox"[^>]*aria-invalid="true"/);
      expect((await rates()).map((r) => r.ratePerUsd)).toEqual([0.85]);
    });

    it("rates: removing a rate there is none of says so on the page, in the reader's language", async () => {
      const admin = await fixture.signIn("admin", "a3@example.org");
      expect(
        (await admin.request("/settings/rates/delete", { form: { month: "2026-09", currency: "EUR" } })).status,
      ).toBe(303);
      const audits = (await listAudit(fixture.store)).length;
      const res = await admin.request("/settings/rates/delete", { form: { month: "2026-09", currency: "EUR" } });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toMatch(new RegExp(`id="rates-remove-error"[^>]*>${w.rateMissing}<`));
      expect((await listAudit(fixture.store)).length).toBe(audits);
    });

    it("planned: days the wrong way round, a bad account and no name, beside their fields, kept, nothing saved", async () => {
      const admin = await fixture.signIn("admin", "a4@example.org");
      const form = { name: " ", fromDay: "2026-06-10", toDay: "2026-06-01", scopeKind: "account", scopeValue: "12" };
      const res = await admin.request("/settings/planned", { form });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain(w.summary);
      expect(html).toContain(`id="planned-name-error">${w.nameEmpty}<`);
      expect(html).toContain(`id="planned-scope-value-error">${w.accountId}<`);
      expect(html).toMatch(/<input id="planned-from" name="fromDay" value="2026-06-10"/);
      expect(html).toMatch(/<input id="planned-to" name="toDay" value="2026-06-01"/);
      expect(html).toMatch(/<input id="planned-scope-value" name="scopeValue"[^>]*value="12"/);
      expect(html).toMatch(/<option value="account" selected="">/);
      expect(await listPlannedActivities(fixture.store)).toEqual([]);

      const named = await admin.request("/settings/planned", { form: { ...form, name: "Campagne", scopeKind: "all" } });
      expect(named.status).toBe(400);
      const namedHtml = await named.text();
      expect(namedHtml).toContain(`id="planned-to-error">${w.toBeforeFrom}<`);
      expect(namedHtml).toMatch(/<input id="planned-name" name="name" value="Campagne"[^>]*/);
      expect(namedHtml).toMatch(/id="planned-to"[^>]*aria-invalid="true"[^>]*aria-describedby="planned-to-error"/);
      if (locale === "fr") expect(namedHtml).not.toMatch(/must|should/);
      expect(await listPlannedActivities(fixture.store)).toEqual([]);
    });

    it("planned: removing one that does not exist says so on the page", async () => {
      const admin = await fixture.signIn("admin", "a5@example.org");
      const res = await admin.request("/settings/planned/delete", { form: { id: "9999" } });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(new RegExp(`id="planned-remove-error"[^>]*>${w.plannedMissing}<`));
    });
  });
}
