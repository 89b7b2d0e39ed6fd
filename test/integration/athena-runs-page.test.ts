/**
 * /runs shows Athena's bill beside Cost Explorer's requests (queries, bytes scanned, cost in the
 * display currency, against the cap) and each Athena run with its queries and cost; a run the cap
 * stopped reads as such in English and in French.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { athenaCostUsd } from "../../collectors/athena/cost";
import { collectAthena } from "../../src/jobs/collect-athena";
import { setRate } from "../../src/store/currency-rates";
import {
  type AthenaHarness,
  focusMonth,
  noFootprint,
  OUTPUT,
  startAthenaHarness,
  TABLE,
} from "../helpers/athena-harness";
import { webFixture } from "../helpers/web";

const NOW = new Date("2026-03-10T12:00:00Z");
let harness: AthenaHarness;
beforeEach(async () => {
  harness = await startAthenaHarness(focusMonth("2026-03").slice(0, 60));
});
afterEach(async () => harness.close());

async function fixtureWithRuns(env: Record<string, string>) {
  const fixture = webFixture({ CAIRN_ATHENA_TABLE: TABLE, CAIRN_ATHENA_OUTPUT: OUTPUT, ...env }, NOW);
  let tick = 0;
  const now = () => new Date(NOW.getTime() - 3_600_000 + 1000 * tick++);
  const deps = { store: fixture.store, now, estimate: noFootprint };
  const args = { pipelineTag: "pipeline", backfillMonths: 1, maxErrors: 0, periods: ["2026-03"] };
  const ok = await collectAthena({ ...deps, athena: harness.athena() }, args);
  expect(ok.status).toBe("succeeded");
  // A second run the cap stops (the first cost the 10 MB minimum; the cap leaves less than that).
  const stopped = await collectAthena(
    { ...deps, athena: harness.athena({ maxUsdPerMonth: athenaCostUsd(0) * 1.2 }) },
    args,
  );
  expect(stopped.errorKind).toBe("athena-cap");
  return fixture;
}

describe("/runs with Athena", () => {
  it("shows this month's Athena queries, bytes and cost beside Cost Explorer's requests, in English", async () => {
    const fixture = await fixtureWithRuns({ CAIRN_LOCALE: "en" });
    const html = await (await (await fixture.signIn("admin")).request("/runs")).text();
    const tile = /<div class="tile[^"]*" id="tile-athena">([\s\S]*?)<\/div>\s*<\/div>/.exec(html)?.[1] ?? "";
    expect(tile).toContain("Athena queries this month");
    const mb = (harness.fake.queries[0]?.bytesScanned ?? 0) / 1024 / 1024;
    expect(tile).toContain(`${mb.toFixed(1)} MB scanned`);
    // 10 MB (the minimum) at $5 per TB, shown to the millionth.
    expect(tile).toContain("what they cost: US$0.000048");
    expect(tile).toContain("monthly cap: US$5.00");
    expect(html).toContain('id="tile-requests"');
    // The runs table: the Athena run with its one query, the stopped one with the cap's sentence.
    const athenaRows =
      html.match(
        /<tr[^>]*><th scope="row">[^<]*<\/th><td class="text">Athena \(FOCUS export in S3\)<\/td>[\s\S]*?<\/tr>/g,
      ) ?? [];
    expect(athenaRows).toHaveLength(2);
    // The succeeded run: one query, its cost in the cost column.
    expect(athenaRows[1]).toContain("<td>1</td>");
    expect(html).toContain("would pass the cap (CAIRN_ATHENA_MAX_USD)");
    fixture.close();
  });

  it("says it in French, with the amounts in euros", async () => {
    const fixture = await fixtureWithRuns({ CAIRN_LOCALE: "fr", CAIRN_CURRENCY: "EUR" });
    await setRate(
      fixture.store,
      { month: "2026-03", currency: "EUR", ratePerUsd: 0.5, source: "manual" },
      { currentMonth: "2020-01", at: NOW.toISOString() },
    );
    const html = await (await (await fixture.signIn("admin")).request("/runs")).text();
    const tile = /id="tile-athena">([\s\S]*?)<\/div>\s*<\/div>/.exec(html)?.[1] ?? "";
    expect(tile).toContain("Requêtes Athena ce mois-ci");
    expect(tile).toMatch(/Mo lus/);
    expect(tile).toContain("leur coût\u00a0: 0,000024\u00a0€");
    expect(tile).toContain("plafond mensuel\u00a0: 2,50\u00a0€");
    expect(html).toContain("dépasseraient le plafond (CAIRN_ATHENA_MAX_USD)");
    fixture.close();
  });

  it("shows no Athena tile when Athena is neither configured nor used", async () => {
    const fixture = webFixture({}, NOW);
    const html = await (await (await fixture.signIn("admin")).request("/runs")).text();
    expect(html).not.toContain("tile-athena");
    fixture.close();
  });
});
