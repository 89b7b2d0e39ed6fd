/**
 * Cost of ownership on the overview (not only on the Tuning page): this month's cloud cost per
 * pipeline plus its upkeep hours valued (a person's rate, else CAIRN_UPKEEP_HOUR_VALUE), with
 * the total, in the display currency.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUpkeep } from "../../src/services/add-upkeep";
import { setUpkeepRate } from "../../src/services/set-upkeep-rate";
import { upsertCostLines } from "../../src/store/cost-lines";
import { setRate } from "../../src/store/currency-rates";
import { line, unestimated } from "../helpers/lines";
import { webFixture } from "../helpers/web";

const NOW = new Date("2026-11-18T10:00:00Z");
const usdFixture = webFixture({ CAIRN_LOCALE: "en", CAIRN_UPKEEP_HOUR_VALUE: "40" }, NOW);
const eurFixture = webFixture({ CAIRN_LOCALE: "fr", CAIRN_UPKEEP_HOUR_VALUE: "40", CAIRN_CURRENCY: "EUR" }, NOW);

beforeAll(async () => {
  for (const f of [usdFixture, eurFixture]) {
    const deps = { store: f.store, now: () => NOW };
    await upsertCostLines(
      f.store,
      unestimated([
        line({ day: "2026-11-03", pipeline: "temperatures", unblendedCostUsd: 12.5 }),
        line({ day: "2026-11-04", pipeline: "camera-traps", unblendedCostUsd: 30 }),
        // Last month: not this month's cost of ownership.
        line({ day: "2026-10-30", pipeline: "temperatures", unblendedCostUsd: 99 }),
      ]),
      "2026-11-18T00:00:00Z",
    );
    // Camille at 25 an hour, Luc at the default 40; October's entry does not count.
    await setUpkeepRate(deps, { person: "Camille", hourValueUsd: 25, actor: "t" });
    await addUpkeep(deps, {
      day: "2026-11-10",
      pipeline: "temperatures",
      hours: 3,
      person: "Camille",
      what: "x",
      actor: "t",
    });
    await addUpkeep(deps, {
      day: "2026-11-12",
      pipeline: "temperatures",
      hours: 1.5,
      person: "Luc",
      what: "y",
      actor: "t",
    });
    await addUpkeep(deps, {
      day: "2026-10-12",
      pipeline: "camera-traps",
      hours: 9,
      person: "Luc",
      what: "z",
      actor: "t",
    });
  }
  // The overview shows the last 30 days: October needs its rate too, or the page stays in USD.
  for (const [month, ratePerUsd] of [
    ["2026-10", 0.8],
    ["2026-11", 0.9],
  ] as const) {
    await setRate(
      eurFixture.store,
      { month, currency: "EUR", ratePerUsd, source: "manual" },
      { currentMonth: "2026-11", at: NOW.toISOString() },
    );
  }
});
afterAll(() => {
  usdFixture.close();
  eurFixture.close();
});

const plain = (s: string) => s.replace(/\s/g, " ");
const row = (html: string, attr: string) => {
  const at = html.indexOf(attr);
  return at < 0 ? "" : plain(html.slice(at, html.indexOf("</tr>", at)));
};

describe("cost of ownership on the overview", () => {
  it("per pipeline and in all: cloud + valued upkeep, this month only", async () => {
    const viewer = await usdFixture.signIn("viewer");
    const html = await (await viewer.request("/")).text();
    expect(html).toContain("Cost of ownership this month");
    // temperatures: 12.50 + 3 h × 25 + 1.5 h × 40 = 12.50 + 135.00 = 147.50.
    expect(row(html, 'data-pipeline="temperatures"')).toMatch(/US\$12\.50.*4\.5.*US\$135\.00.*US\$147\.50/);
    // camera-traps: 30.00, no upkeep this month.
    expect(row(html, 'data-pipeline="camera-traps"')).toMatch(/US\$30\.00.*0\.0.*US\$0\.00.*US\$30\.00/);
    const total = plain(html.slice(html.indexOf("<tfoot>"), html.indexOf("</tfoot>")));
    expect(total).toMatch(/All pipelines.*US\$42\.50.*4\.5.*US\$135\.00.*US\$177\.50/);
    expect(html).toContain('href="/tuning#upkeep"');
  });

  it("in euros at the month's rate, in French", async () => {
    const viewer = await eurFixture.signIn("viewer");
    const html = await (await viewer.request("/")).text();
    expect(html).toContain("Coût de possession ce mois-ci");
    // 147.50 × 0.9 = 132.75.
    expect(row(html, 'data-pipeline="temperatures"')).toMatch(/11,25 €.*4,5.*121,50 €.*132,75 €/);
  });
});
