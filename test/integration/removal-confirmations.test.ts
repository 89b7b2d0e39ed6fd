/**
 * Every removal asks first. The budget's asks on the server (web-budgets-alerts); a rate's, a
 * planned activity's and an upkeep entry's forms carry their question in data-confirm, which
 * the dashboard's script asks before submitting (the browser test layout-a11y clicks through one).
 */
import { afterAll, describe, expect, it } from "vitest";
import { webFixture } from "../helpers/web";

const fr = webFixture({ CAIRN_LOCALE: "fr" });
afterAll(() => fr.close());

describe("removals in French", () => {
  it("ask by name before removing a rate, a planned activity or an upkeep entry", async () => {
    const admin = await fr.signIn("admin");
    const ok = (r: Response) => expect(r.status).toBe(303);
    ok(await admin.request("/settings/rates", { form: { month: "2026-10", ratePerUsd: "0,92" } }));
    ok(
      await admin.request("/settings/planned", {
        form: { name: "Campagne d'été", fromDay: "2026-06-01", toDay: "2026-06-10", scopeKind: "all", scopeValue: "" },
      }),
    );
    ok(
      await admin.request("/tuning/upkeep", {
        form: { day: "2026-11-10", pipeline: "website", hours: "1", person: "Lou", what: "Certificat renouvelé" },
      }),
    );
    const settings = await (await admin.request("/settings")).text();
    expect(settings).toContain('data-confirm="Supprimer le taux EUR d&#39;octobre 2026\u00a0?"');
    expect(settings).toContain(
      'data-confirm="Supprimer l&#39;activité prévue «\u202fCampagne d&#39;été\u202f»\u00a0?"',
    );
    const tuning = await (await admin.request("/tuning")).text();
    expect(tuning).toMatch(
      /data-confirm="Supprimer cette entrée d&#39;entretien \(10 novembre 2026 · website · Lou\)\u00a0\?"/,
    );
  });
});
