/**
 * The budget form speaks the reader's language in its thresholds too: a French edit form writes
 * the forecast threshold "prévision:100" (which the form accepts), and its help says so, instead
 * of the English keyword inside a French page.
 */
import { afterAll, describe, expect, it } from "vitest";
import { listBudgets, saveBudget } from "../../src/store/budgets";
import { webFixture } from "../helpers/web";

const fixture = webFixture({ CAIRN_LOCALE: "fr" });
afterAll(() => fixture.close());

describe("budget thresholds in French", () => {
  it("are written « prévision:100 » in the edit form and its help, and read back the same", async () => {
    await saveBudget(
      fixture.store,
      {
        name: "Saison",
        amount: 300,
        currency: "EUR",
        periodKind: "month",
        customPeriod: null,
        scopeKind: "all",
        scopeValue: "",
        thresholds: [
          { kind: "actual", ratio: 0.5 },
          { kind: "forecast", ratio: 1 },
        ],
      },
      "2026-11-01T00:00:00Z",
    );
    const admin = await fixture.signIn("admin");
    const html = await (await admin.request("/budgets?edit=Saison")).text();
    expect(html).toMatch(/id="budget-thresholds"[^>]*value="50,prévision:100"/);
    expect(html).toContain("prévision:100 pour la prévision");
    expect(html).not.toContain("forecast:");
    const saved = await admin.request("/budgets", {
      form: {
        of: "Saison",
        name: "Saison",
        amount: "300",
        currency: "EUR",
        periodKind: "month",
        from: "",
        to: "",
        scopeKind: "all",
        scopeValue: "",
        thresholds: "50,prévision:100",
      },
    });
    expect(saved.status).toBe(303);
    expect((await listBudgets(fixture.store))[0]?.thresholds).toEqual([
      { kind: "actual", ratio: 0.5 },
      { kind: "forecast", ratio: 1 },
    ]);
  });
});
