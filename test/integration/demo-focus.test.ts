/**
 * The demo's FOCUS month (issue 20): one closed month of the production account is imported
 * from a FOCUS file on top of the same month's demo lines. It counts once, its figures equal
 * the demo's within cents, its services keep their names, and the data health page compares it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PRODUCTION_ACCOUNT, DEMO_SANDBOX_ACCOUNT } from "../../collectors/demo/accounts";
import { demoFocusMonth } from "../../collectors/demo/focus-month";
import { generateDemoLines } from "../../collectors/demo/index";
import { estimateLines } from "../../src/carbon/estimate";
import { addMonths, firstDayOfMonth, monthOf } from "../../src/days";
import { loadDemo } from "../../src/jobs/load-demo";
import { costsBy } from "../../src/store/read/costs";
import { sourceComparisons } from "../../src/store/read/reconciliation";
import { readDb } from "../../src/store/store";
import { type SignedIn, webFixture } from "../helpers/web";

const NOW = new Date("2026-11-18T10:00:00Z");
const TODAY = "2026-11-18";
const fixture = webFixture({ CAIRN_LOCALE: "fr" }, NOW);
const month = demoFocusMonth(monthOf(TODAY));
const period = { from: firstDayOfMonth(month), to: firstDayOfMonth(addMonths(month, 1)) };
const demo = generateDemoLines({ today: TODAY });
const ofMonth = demo.filter((l) => monthOf(l.day) === month);
const total = (account?: string) =>
  ofMonth.filter((l) => !account || l.accountId === account).reduce((s, l) => s + l.unblendedCostUsd, 0);

let viewer: SignedIn;
beforeAll(async () => {
  const deps = {
    store: fixture.store,
    now: () => NOW,
    estimate: (
      lines: Parameters<typeof estimateLines>[0],
      utilisation?: Parameters<typeof estimateLines>[1]["utilisation"],
    ) => estimateLines(lines, { factorSet: "cairn-2026", utilisation }),
  };
  await loadDemo(deps, { onlyIfEmpty: false });
  // A reload (as `cairn demo` twice) leaves one FOCUS month, not two, and is not refused.
  await loadDemo(deps, { onlyIfEmpty: false });
  viewer = await fixture.signIn("viewer");
});
afterAll(() => fixture.close());

describe("the demo's FOCUS month", () => {
  it("is the month before last, and counts FOCUS for production and the demo lines for the sandbox", async () => {
    expect(month).toBe("2026-09");
    const bySource = await costsBy(readDb(fixture.store), { period, groupBy: "source" });
    const of = new Map(bySource.rows.map((r) => [r.key, r.costUsd]));
    expect([...of.keys()].sort()).toEqual(["demo", "focus"]);
    expect(of.get("demo")).toBeCloseTo(total(DEMO_SANDBOX_ACCOUNT), 6);
    // Billed to the cent per row: within a few dollars of the demo's own figure, never twice it.
    expect(Math.abs((of.get("focus") ?? 0) - total(DEMO_PRODUCTION_ACCOUNT))).toBeLessThan(1);
    expect(bySource.total.costUsd).toBeCloseTo(total(), -1);
  });

  it("keeps the demo's service names across the month", async () => {
    const services = await costsBy(readDb(fixture.store), {
      period,
      groupBy: "service",
      filters: { accountId: DEMO_PRODUCTION_ACCOUNT },
    });
    expect(services.rows.map((r) => r.key).sort()).toEqual(
      [...new Set(ofMonth.filter((l) => l.accountId === DEMO_PRODUCTION_ACCOUNT).map((l) => l.service))].sort(),
    );
  });

  it("is compared on the data health page, in French", async () => {
    const comparisons = await sourceComparisons(readDb(fixture.store));
    expect(comparisons.map((c) => [c.accountId, c.month, c.first.source, c.second.source, c.countedSource])).toEqual([
      [DEMO_PRODUCTION_ACCOUNT, month, "focus", "demo", "focus"],
    ]);
    expect(comparisons[0]?.flagged).toBe(false);
    const page = await (await viewer.request("/runs")).text();
    expect(page).toContain("Sources comparées");
    expect(page).toContain(`data-account="${DEMO_PRODUCTION_ACCOUNT}" data-month="${month}" data-flagged="false"`);
    expect(page).toContain("septembre 2026");
  });
});
