/**
 * The daily rollup the dashboard reads must equal a bare aggregate of the lines after any kind
 * of write: upserts, rewrites, replaced windows, footprint changes and direct deletes.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays } from "../../src/days";
import type { Footprint } from "../../src/model";
import { replaceCostLines, upsertCostLines } from "../../src/store/cost-lines";
import { refreshCostRollup } from "../../src/store/cost-rollup";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { costsBy, coverageSums } from "../../src/store/read/costs";
import { readDb } from "../../src/store/store";
import { line } from "../helpers/lines";

const fp = (co2eGrams: number): Footprint => ({
  usageClass: "serverless",
  method: "default-utilisation",
  factorSet: "test-1",
  energyKwh: co2eGrams / 100,
  cpuKwh: 0,
  memoryKwh: 0,
  storageKwh: 0,
  networkKwh: 0,
  gpuKwh: 0,
  co2eGrams,
  marketCo2eGrams: 0,
  embodiedCo2eGrams: 0,
  energyKwhLow: co2eGrams / 100,
  energyKwhHigh: co2eGrams / 100,
  co2eGramsLow: co2eGrams,
  co2eGramsHigh: co2eGrams,
  reason: "test",
  fallback: null,
  utilisation: null,
});

let opened: OpenedStore;
beforeEach(() => {
  opened = openSqliteStore(":memory:");
});
afterEach(() => opened.close());

/** Per service (or source) over everything: from the rollup (costsBy) and from the lines themselves. */
async function both(groupBy: "service" | "source" = "service") {
  const period = { from: "2026-01-01", to: "2027-01-01" };
  const viaRollup = await costsBy(readDb(opened.store), { period, groupBy });
  const bare = opened.sqlite
    .prepare(
      `SELECT l.${groupBy} AS key, round(sum(l.unblended_cost_usd), 6) AS costUsd, round(coalesce(sum(f.co2e_grams), 0), 6) AS co2eGrams,
        count(*) AS lines FROM cost_lines l LEFT JOIN footprints f ON f.cost_line_id = l.id GROUP BY l.${groupBy} ORDER BY costUsd DESC, key ASC`,
    )
    .all();
  return {
    rollup: viaRollup.rows.map(({ key, costUsd, co2eGrams, lines }) => ({ key, costUsd, co2eGrams, lines })),
    bare,
  };
}

describe("cost_daily rollup", () => {
  it("follows upserts, rewrites, footprint changes, replaced windows and direct deletes", async () => {
    const days = [0, 1, 2, 3].map((i) => addDays("2026-11-01", i));
    const items = days.flatMap((day, i) => [
      {
        line: line({ day, service: "AWS Lambda", usageType: "A", unblendedCostUsd: 1 + i }),
        footprint: fp(10 * (i + 1)),
      },
      { line: line({ day, service: "AWS Lambda", usageType: "B", unblendedCostUsd: 0.5 }), footprint: null },
      {
        // Another account: where two sources cover the same account and day, only one counts
        // (test/integration/source-precedence.test.ts); here every line counts.
        line: line({
          day,
          accountId: "222222222222",
          service: "Amazon S3",
          usageType: "C",
          unblendedCostUsd: 0.25,
          source: "focus",
        }),
        footprint: fp(1),
      },
    ]);
    await upsertCostLines(opened.store, items, "2026-11-05T00:00:00Z");
    /** Both views, by service and by source, must match the lines after every write. */
    const check = async () => {
      for (const by of ["service", "source"] as const) {
        const { rollup, bare } = await both(by);
        expect(rollup).toEqual(bare);
      }
      return both();
    };
    let { rollup, bare } = await check();
    expect(rollup).toEqual(bare);
    expect(rollup[0]).toEqual({ key: "AWS Lambda", costUsd: 12, co2eGrams: 100, lines: 8 });
    expect((await both("source")).rollup).toEqual([
      { key: "cost-explorer", costUsd: 12, co2eGrams: 100, lines: 8 },
      { key: "focus", costUsd: 1, co2eGrams: 4, lines: 4 },
    ]);

    // A restated figure with a new footprint.
    await upsertCostLines(
      opened.store,
      [{ line: line({ day: days[0], service: "AWS Lambda", usageType: "A", unblendedCostUsd: 4 }), footprint: fp(7) }],
      "2026-11-06T00:00:00Z",
    );
    ({ rollup, bare } = await check());
    expect(rollup).toEqual(bare);
    expect(rollup[0]).toMatchObject({ costUsd: 15, co2eGrams: 97 });

    // The same key from another source is a line of its own: the FOCUS line stays.
    await upsertCostLines(
      opened.store,
      [
        {
          line: line({ day: days[0], service: "Amazon S3", usageType: "C", unblendedCostUsd: 0.25 }),
          footprint: fp(1),
        },
      ],
      "2026-11-06T01:00:00Z",
    );
    await check();
    expect((await both("source")).rollup).toEqual([
      { key: "cost-explorer", costUsd: 15.25, co2eGrams: 98, lines: 9 },
      { key: "focus", costUsd: 1, co2eGrams: 4, lines: 4 },
    ]);

    // A re-read window where one line vanished.
    await replaceCostLines(
      opened.store,
      { from: days[2] ?? "", to: addDays(days[3] ?? "", 1), source: "cost-explorer" },
      items.filter((x) => x.line.day >= (days[2] ?? "") && x.line.service !== "Amazon S3"),
      "2026-11-07T00:00:00Z",
    );
    ({ rollup, bare } = await check());
    expect(rollup).toEqual(bare);

    // A footprint re-estimated on its own, and a delete outside the store's writers: whoever
    // writes that way refreshes after (readers never do).
    opened.sqlite.prepare("UPDATE footprints SET co2e_grams = co2e_grams * 2").run();
    opened.sqlite.prepare("DELETE FROM cost_lines WHERE day = ?").run(days[1]);
    await refreshCostRollup(readDb(opened.store));
    ({ rollup, bare } = await check());
    expect(rollup).toEqual(bare);
  });

  it("answers periods with whole months and ragged ends like the lines do", async () => {
    const items = [];
    for (let i = 0; i < 120; i++) {
      const day = addDays("2026-08-20", i);
      items.push({
        line: line({
          day,
          service: i % 2 ? "AWS Lambda" : "Amazon S3",
          unblendedCostUsd: 0.01 * (i + 1),
          source: i % 3 === 0 ? "focus" : "cost-explorer",
          // Sources in accounts of their own: every line counts (precedence has its own tests).
          accountId: i % 3 === 0 ? "222222222222" : "111111111111",
        }),
        footprint: fp(i),
      });
    }
    await upsertCostLines(opened.store, items, "2026-11-05T00:00:00Z");
    for (const [from, to] of [
      ["2026-08-25", "2026-11-10"],
      ["2026-09-01", "2026-11-01"],
      ["2026-09-30", "2026-10-02"],
      ["2026-08-01", "2026-12-31"],
    ] as const) {
      for (const source of [undefined, "focus", "cost-explorer"] as const) {
        const report = await costsBy(readDb(opened.store), {
          period: { from, to },
          groupBy: "service",
          filters: source ? { service: "AWS Lambda", source } : { service: "AWS Lambda" },
        });
        const bare = opened.sqlite
          .prepare(
            `SELECT round(coalesce(sum(l.unblended_cost_usd), 0), 6) AS c, round(coalesce(sum(f.co2e_grams), 0), 6) AS g,
             count(*) AS n FROM cost_lines l
             JOIN footprints f ON f.cost_line_id = l.id WHERE l.day >= ? AND l.day < ? AND l.service = 'AWS Lambda'
             AND l.source = coalesce(?, l.source)`,
          )
          .get(from, to, source ?? null) as { c: number; g: number; n: number };
        expect([report.total.costUsd, report.total.co2eGrams, report.total.lines]).toEqual([bare.c, bare.g, bare.n]);
      }
    }
  });

  it("keeps the carbon coverage of every selection: cost by how its footprint was obtained", async () => {
    const methods = ["default-utilisation", "cost-ratio", "excluded", null] as const;
    const items = [];
    for (let i = 0; i < 90; i++) {
      const day = addDays("2026-08-20", i);
      const method = methods[i % 4] ?? null;
      items.push({
        line: line({
          day,
          service: i % 3 ? "AWS Lambda" : "Tax",
          unblendedCostUsd: (i % 5 === 0 ? -0.5 : 0.1) * (i + 1),
        }),
        footprint: method === null ? null : { ...fp(i), method },
      });
    }
    await upsertCostLines(opened.store, items, "2026-11-05T00:00:00Z");
    for (const [from, to] of [
      ["2026-08-25", "2026-11-10"],
      ["2026-09-01", "2026-11-01"],
    ] as const) {
      for (const filters of [undefined, { service: "AWS Lambda" }]) {
        const sums = await coverageSums(readDb(opened.store), { from, to }, filters);
        const bare = opened.sqlite
          .prepare(
            `SELECT coalesce(f.method, 'none') AS m, total(abs(l.unblended_cost_usd)) AS c FROM cost_lines l
             LEFT JOIN footprints f ON f.cost_line_id = l.id WHERE l.day >= ? AND l.day < ?
             AND l.service = coalesce(?, l.service) GROUP BY m`,
          )
          .all(from, to, filters?.service ?? null) as { m: string; c: number }[];
        const of = (m: string) => bare.find((r) => r.m === m)?.c ?? 0;
        expect(sums.physical).toBeCloseTo(of("default-utilisation"), 9);
        expect(sums.proxy).toBeCloseTo(of("cost-ratio"), 9);
        expect(sums.excluded).toBeCloseTo(of("excluded"), 9);
        expect(sums.unestimated).toBeCloseTo(of("none"), 9);
      }
    }
  });

  it("is refreshed by the writer, leaves nothing to recompute, and refreshes only when marked", async () => {
    await upsertCostLines(opened.store, [{ line: line(), footprint: null }], "2026-11-05T00:00:00Z");
    expect(opened.sqlite.prepare("SELECT count(*) AS n FROM cost_rollup_dirty").get()).toEqual({ n: 0 });
    expect(await refreshCostRollup(readDb(opened.store))).toBe(false);
    opened.sqlite.prepare("UPDATE cost_lines SET unblended_cost_usd = unblended_cost_usd + 1").run();
    expect(await refreshCostRollup(readDb(opened.store))).toBe(true);
    expect(await refreshCostRollup(readDb(opened.store))).toBe(false);
    expect(opened.sqlite.prepare("SELECT count(*) AS n FROM cost_rollup_dirty").get()).toEqual({ n: 0 });
  });
});
