/**
 * The last pages in the display currency (/carbon's cost column, /runs, /tuning): over the demo
 * with a different EUR rate for every month, each amount is its USD figure at its own month's
 * rate, a printed difference is the difference of the printed figures, and a page that touches
 * a month without a rate stays in USD as a whole and names that month.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { addMonths } from "../../src/days";
import { formatMoney } from "../../src/format/numbers";
import { loadDemo } from "../../src/jobs/load-demo";
import type { Month } from "../../src/model";
import { recordApiRequest } from "../../src/store/api-requests";
import { setRate } from "../../src/store/currency-rates";
import { costsBy } from "../../src/store/read/costs";
import { loadFindingBoard } from "../../src/store/read/finding-board";
import { sourceComparisons } from "../../src/store/read/reconciliation";
import { readDb } from "../../src/store/store";
import { webFixture } from "../helpers/web";

const NOW = new Date("2026-11-28T09:00:00.000Z");
/** A rate per month, all different, so a figure converted at the wrong month's rate shows. */
const rateOf = (month: Month) => 0.9 + (Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7))) * 0.001 - 24.3;

/** "1 234,56 €" / "1 234,56 $US" / "−0,27 €" as a number. */
function amount(text: string): number {
  const n = text
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/€|\$US/g, "")
    .replace("−", "-")
    .replace(",", ".");
  return Number(n);
}

const eur = (n: number) => formatMoney(n, "EUR", "fr");
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function demoFixture(missing: readonly Month[]) {
  const fixture = webFixture({ CAIRN_CURRENCY: "EUR", CAIRN_LOCALE: "fr" }, NOW);
  await loadDemo(
    { store: fixture.store, now: () => NOW, estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }) },
    { onlyIfEmpty: false },
  );
  for (let i = -14; i <= 0; i += 1) {
    const month = addMonths("2026-11", i);
    if (missing.includes(month)) continue;
    await setRate(
      fixture.store,
      { month, currency: "EUR", ratePerUsd: rateOf(month), source: "manual" },
      { currentMonth: "2020-01", at: NOW.toISOString() },
    );
  }
  return fixture;
}

describe("the last pages in euros, each month at its own rate", () => {
  let fixture: Awaited<ReturnType<typeof demoFixture>>;
  beforeAll(async () => {
    fixture = await demoFixture([]);
    // Cairn's own Cost Explorer bill this month: 37 pages.
    await recordApiRequest(fixture.store, {
      api: "cost-explorer",
      operation: "GetCostAndUsage",
      units: 37,
      costUsd: 0.37,
      at: "2026-11-27T08:00:00.000Z",
    });
  });
  afterAll(() => fixture.close());

  it("/carbon's cost column is each service's cost, month by month at that month's rate", async () => {
    const admin = await fixture.signIn("admin", "carbon@example.org");
    const html = await (await admin.request("/carbon?from=2026-09-20&to=2026-11-10")).text();
    const db = readDb(fixture.store);
    const parts = [
      { month: "2026-09", from: "2026-09-20", to: "2026-10-01" },
      { month: "2026-10", from: "2026-10-01", to: "2026-11-01" },
      { month: "2026-11", from: "2026-11-01", to: "2026-11-10" },
    ];
    const expected = new Map<string, number>();
    for (const p of parts) {
      const r = await costsBy(db, { period: { from: p.from, to: p.to }, groupBy: "service" });
      for (const row of r.rows) expected.set(row.key, (expected.get(row.key) ?? 0) + row.costUsd * rateOf(p.month));
    }
    const table = html.match(/<table class="data" id="table-service">[\s\S]*?<\/table>/)?.[0] ?? "";
    const rows = [...table.matchAll(/<tr data-key="([^"]*)">[\s\S]*?<td data-cost="([^"]+)">([^<]+)<\/td>/g)];
    expect(rows.length).toBeGreaterThan(3);
    for (const [, key, cost, shown] of rows) {
      const want = expected.get(key ?? "") ?? Number.NaN;
      expect(Number(cost)).toBeCloseTo(want, 2);
      expect(shown?.trim()).toBe(eur(Number(cost)));
    }
    expect(html).not.toContain('id="missing-rates"');
  });

  it("/runs: request costs, each source's totals and the sources compared are in euros and add up", async () => {
    const admin = await fixture.signIn("admin", "runs@example.org");
    const html = await (await admin.request("/runs")).text();
    // This month's 37 requests at November's rate.
    const tile = html.match(/id="tile-requests"[\s\S]*?<\/div>\s*<\/div>/)?.[0] ?? "";
    expect(tile).toContain(eur(Math.round(0.37 * rateOf("2026-11") * 100) / 100));

    const comparisons = await sourceComparisons(readDb(fixture.store));
    expect(comparisons.length).toBeGreaterThan(0);
    const table = html.match(/<table class="data" id="reconciliation-table"[\s\S]*?<\/table>/)?.[0] ?? "";
    for (const c of comparisons) {
      const row = table.match(
        new RegExp(`<tr data-account="${c.accountId}" data-month="${c.month}"[\\s\\S]*?</tr>`),
      )?.[0];
      if (!row) throw new Error(`no row for ${c.accountId} ${c.month}`);
      const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]?.replace(/<[^>]*>/g, "") ?? "");
      const [first, second, difference] = [cells[1], cells[2], cells[3]].map((cell) => {
        const found = cell?.match(/[−+]?[\d\s\u00a0\u202f]+,\d\d\u00a0€/)?.[0];
        if (!found) throw new Error(`no euro amount in ${cell}`);
        return amount(found);
      });
      const rate = rateOf(c.month);
      expect(first).toBeCloseTo(c.first.costUsd * rate, 2);
      expect(second).toBeCloseTo(c.second.costUsd * rate, 2);
      // The difference printed is that of the two figures printed, to the cent.
      expect(Math.round(((first ?? 0) - (second ?? 0)) * 100)).toBe(Math.round((difference ?? 0) * 100));
    }

    // The demo source's counted cost: each month's counted USD at that month's rate.
    const months = await readDb(fixture.store).all<{ month: string; usd: number }>(
      sql`SELECT substr(day, 1, 7) AS month, total(CASE WHEN counted = 1 THEN unblended_cost_usd END) AS usd
       FROM cost_source_days WHERE source = 'demo' GROUP BY month`,
    );
    const counted = months.reduce((s, m) => s + m.usd * rateOf(m.month), 0);
    const cell = html.match(/<tr data-source="demo">[\s\S]*?<td data-counted-usd="[^"]+">([^<]+)<\/td>/)?.[1] ?? "";
    expect(amount(cell)).toBeCloseTo(counted, 2);
    expect(cell).toContain("€");
  });

  it("/tuning: savings, evidence amounts and a done finding's figures are in euros at the window's month", async () => {
    const admin = await fixture.signIn("admin", "tuning@example.org");
    const board = await loadFindingBoard(readDb(fixture.store), "2026-11-28", "2026-11-28");
    expect(board.open.length).toBeGreaterThan(1);
    const rate = rateOf("2026-11");
    // One finding done, so the done table (estimated and realised savings) shows too.
    const done = board.open[0]?.finding;
    if (!done) throw new Error("no finding");
    const res = await admin.request("/tuning/findings", {
      form: { findingId: done.id, action: "done", doneOn: "2026-11-20" },
    });
    expect(res.status).toBe(303);
    const html = await (await admin.request("/tuning")).text();
    const open = board.open.slice(1);
    const total = open.reduce((s, e) => s + e.finding.monthlySavingUsd, 0);
    const tile = html.match(/id="tile-saving-usd"[\s\S]*?<\/div>\s*<\/div>/)?.[0] ?? "";
    expect(tile).toContain(eur(total * rate));
    for (const e of open) {
      const card =
        html.match(new RegExp(`data-finding-id="${escapeRegExp(e.finding.id)}"[\\s\\S]*?</article>`))?.[0] ?? "";
      expect(card).toContain(eur(e.finding.monthlySavingUsd * rate));
      // Every "$12.34" of the adviser's sentences, converted, keeping its decimals.
      for (const sentence of e.finding.evidence) {
        for (const m of sentence.matchAll(/\$(\d+(?:\.(\d+))?)/g)) {
          const digits = m[2]?.length ?? 0;
          expect(card).toContain(formatMoney(Number(m[1]) * rate, "EUR", "fr", digits));
        }
      }
    }
    const doneRow = html.match(new RegExp(`<tr data-finding-id="${escapeRegExp(done.id)}">[\\s\\S]*?</tr>`))?.[0] ?? "";
    expect(doneRow).toContain(eur(done.monthlySavingUsd * rate));
    expect(html).not.toContain('id="missing-rates"');
  });
});

describe("a month without a rate: the page stays in USD and says which month", () => {
  let fixture: Awaited<ReturnType<typeof demoFixture>>;
  beforeAll(async () => {
    fixture = await demoFixture(["2026-09"]);
  });
  afterAll(() => fixture.close());

  const dollarsAndNotice = (html: string) => ({
    notice: html.match(/<p class="notice" id="missing-rates">([^<]*)<\/p>/)?.[1] ?? null,
    euro: /\d,\d\d\u00a0€/.test(html.replace(/<script[\s\S]*?<\/script>/g, "")),
    dollar: /\d,\d\d\u00a0\$US/.test(html),
  });

  it.each([
    ["/carbon?from=2026-09-01&to=2026-10-01", true],
    ["/carbon", false],
    ["/runs", true],
    ["/tuning?asOf=2026-10-10", true],
    ["/tuning", false],
  ] as const)("%s (touches September 2026: %s)", async (path, touches) => {
    const admin = await fixture.signIn("admin", `m-${path.replace(/\W/g, "")}@example.org`);
    const seen = dollarsAndNotice(await (await admin.request(path)).text());
    if (touches) {
      expect(seen.notice).toContain("septembre 2026");
      expect(seen.dollar).toBe(true);
      expect(seen.euro).toBe(false);
    } else {
      expect(seen.notice).toBeNull();
      expect(seen.euro).toBe(true);
      expect(seen.dollar).toBe(false);
    }
  });
});
