// Cost line writes on a real local D1: every statement under D1's 100 bound parameters, a large
// write cut into batches, and the same idempotent, replace-the-window results as on SQLite.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays } from "../../src/days";
import type { CostLine } from "../../src/model";
import { type EstimatedLine, replaceCostLines, upsertCostLines } from "../../src/store/cost-lines";
import { MAX_PARAMS_PER_STATEMENT, planD1Write } from "../../src/store/cost-lines-d1";
import { d1Store } from "../../src/worker";
import { contractFootprint } from "../contract/store-contract";

const store = d1Store(env as never);

function line(i: number, day: string, overrides: Partial<CostLine> = {}): CostLine {
  return {
    day,
    accountId: i % 3 === 0 ? "222222222222" : "111111111111",
    service: `Service ${i % 7}`,
    region: "eu-west-3",
    usageType: `EUW3-Usage-${i}`,
    pipeline: i % 2 === 0 ? "probes" : "",
    unblendedCostUsd: Math.round((i + 1) * 0.0137 * 1e6) / 1e6,
    amortizedCostUsd: Math.round((i + 1) * 0.0141 * 1e6) / 1e6,
    usageAmount: i * 10,
    usageUnit: "Hrs",
    estimated: i % 5 === 0,
    source: "cost-explorer",
    ...overrides,
  };
}

/** 30 days x 60 lines; two lines in three carry a footprint of (index) grams. */
function dataset(from: string, days: number, perDay: number): EstimatedLine[] {
  const out: EstimatedLine[] = [];
  for (let d = 0; d < days; d++) {
    for (let i = 0; i < perDay; i++) {
      const n = d * perDay + i;
      out.push({
        line: line(i, addDays(from, d), { unblendedCostUsd: (n + 1) / 100 }),
        footprint: i % 3 === 2 ? null : contractFootprint(n),
      });
    }
  }
  return out;
}

async function totals(): Promise<{ lines: number; costUsd: number; footprints: number; co2eGrams: number }> {
  const row = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM cost_lines) AS lines, (SELECT coalesce(sum(unblended_cost_usd), 0) FROM cost_lines) AS costUsd,
       (SELECT count(*) FROM footprints) AS footprints, (SELECT coalesce(sum(co2e_grams), 0) FROM footprints) AS co2eGrams`,
  ).first<{ lines: number; costUsd: number; footprints: number; co2eGrams: number }>();
  if (!row) throw new Error("no totals");
  return row;
}

const expected = (items: readonly EstimatedLine[]) => ({
  lines: items.length,
  costUsd: items.reduce((s, i) => s + i.line.unblendedCostUsd, 0),
  footprints: items.filter((i) => i.footprint).length,
  co2eGrams: items.reduce((s, i) => s + (i.footprint?.co2eGrams ?? 0), 0),
});

function expectTotals(actual: Awaited<ReturnType<typeof totals>>, items: readonly EstimatedLine[]): void {
  const e = expected(items);
  expect(actual.lines).toBe(e.lines);
  expect(actual.footprints).toBe(e.footprints);
  expect(actual.costUsd).toBeCloseTo(e.costUsd, 6);
  expect(actual.co2eGrams).toBeCloseTo(e.co2eGrams, 6);
}

beforeEach(async () => {
  await env.DB.batch([env.DB.prepare("DELETE FROM footprints"), env.DB.prepare("DELETE FROM cost_lines")]);
});

describe("D1's limits", () => {
  it("the local D1 refuses a statement with more than 100 bound parameters, as D1 does", async () => {
    const params = Array.from({ length: 101 }, (_, i) => i);
    const statement = env.DB.prepare(`SELECT ${params.map(() => "?").join(", ")}`).bind(...params);
    await expect(statement.all()).rejects.toThrow(/too many SQL variables/i);
  });

  it("a large replace is cut into batches of whole days, every statement under 100 parameters", () => {
    const items = dataset("2026-09-01", 30, 60);
    const batches = planD1Write(store.db, items, "2026-10-01T00:00:00Z", {
      from: "2026-09-01",
      to: "2026-10-01",
      source: "cost-explorer",
    });
    expect(batches.length).toBeGreaterThan(5);
    for (const batch of batches) {
      for (const statement of batch) {
        const query = typeof statement.toSQL === "function" ? statement.toSQL() : statement.getQuery();
        expect(query.params.length).toBeLessThanOrEqual(MAX_PARAMS_PER_STATEMENT);
        expect(query.params.length).toBeGreaterThan(0);
      }
    }
  });
});

describe("cost line writes on D1", () => {
  it("stores 1,800 lines with their footprints, and writing them again changes nothing", async () => {
    const items = dataset("2026-09-01", 30, 60);
    expect(await upsertCostLines(store, items, "2026-10-01T00:00:00Z")).toBe(items.length);
    expectTotals(await totals(), items);
    await upsertCostLines(store, items, "2026-10-02T00:00:00Z");
    expectTotals(await totals(), items);
  });

  it("a replaced window holds exactly the new lines: restated, vanished and unestimated ones", async () => {
    const before = dataset("2026-09-01", 30, 60);
    await replaceCostLines(
      store,
      { from: "2026-09-01", to: "2026-10-01", source: "cost-explorer" },
      before,
      "2026-10-01T00:00:00Z",
    );
    // Days 10..19 are re-read: every third line vanished, the others doubled, all without footprint now.
    const reread = before
      .filter((i) => i.line.day >= "2026-09-10" && i.line.day < "2026-09-20")
      .filter((_, n) => n % 3 !== 0)
      .map((i) => ({ line: { ...i.line, unblendedCostUsd: i.line.unblendedCostUsd * 2 }, footprint: null }));
    await replaceCostLines(
      store,
      { from: "2026-09-10", to: "2026-09-20", source: "cost-explorer" },
      reread,
      "2026-10-02T00:00:00Z",
    );
    const kept = before.filter((i) => i.line.day < "2026-09-10" || i.line.day >= "2026-09-20");
    expectTotals(await totals(), [...kept, ...reread]);
  });

  it("replacing a Cost Explorer window keeps the FOCUS lines of the same days, with the same keys", async () => {
    // Same days, accounts, services and usage types: only the source differs.
    const focus = dataset("2026-09-01", 5, 20).map((i) => ({ ...i, line: { ...i.line, source: "focus" as const } }));
    const collected = dataset("2026-09-01", 5, 20);
    await upsertCostLines(store, [...focus, ...collected], "2026-10-01T00:00:00Z");
    expectTotals(await totals(), [...focus, ...collected]);
    const reread = collected.filter((i) => i.line.day >= "2026-09-02" && i.line.day < "2026-09-04").slice(0, 7);
    await replaceCostLines(
      store,
      { from: "2026-09-02", to: "2026-09-04", source: "cost-explorer" },
      reread,
      "2026-10-02T00:00:00Z",
    );
    const keptCollected = collected.filter((i) => i.line.day < "2026-09-02" || i.line.day >= "2026-09-04");
    expectTotals(await totals(), [...focus, ...keptCollected, ...reread]);
  });

  it("an empty re-read clears the window, and only the accounts in scope", async () => {
    const items = dataset("2026-09-01", 5, 30);
    await upsertCostLines(store, items, "2026-10-01T00:00:00Z");
    await replaceCostLines(
      store,
      { from: "2026-09-02", to: "2026-09-04", accountIds: ["222222222222"], source: "cost-explorer" },
      [],
      "2026-10-02T00:00:00Z",
    );
    const kept = items.filter(
      (i) => !(i.line.day >= "2026-09-02" && i.line.day < "2026-09-04" && i.line.accountId === "222222222222"),
    );
    expect(kept.length).toBeLessThan(items.length);
    expectTotals(await totals(), kept);
  });
});
