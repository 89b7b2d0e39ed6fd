/**
 * The Resources page's fast path against a plain aggregate, on either driver: for every period
 * between a set of awkward days (month edges, mid-month, one day, spans across months with no
 * whole month, several whole months, before and after the data), with and without a pipeline,
 * the top resources by cost and by CO2e and the resources new or gone must equal what summing the
 * counted resource lines of that period gives. Amounts are binary fractions, so every sum is
 * exact and the comparison is `toEqual`, not "close to". Then a month is replaced (a resource
 * vanishes from it, others change) and the same holds, so the rollups rebuild what they must.
 */
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays } from "../../src/days";
import type { Day, Period } from "../../src/model";
import { type EstimatedLine, upsertCostLines } from "../../src/store/cost-lines";
import { resourceChanges, topResources } from "../../src/store/read/resources";
import { type ResourceLine, replaceResourceLines } from "../../src/store/resource-lines";
import { readDb, type Store } from "../../src/store/store";
import { contractFootprint, contractLine, reset } from "./store-contract";

const AT = "2026-11-18T10:00:00.000Z";
const FIRST = "2026-07-01";
const END = "2026-12-01";
const PIPELINES = ["probes", "traps"] as const;

/** Who is billed when: every shape the rollups must get right. */
function billed(r: number, day: Day, i: number): { pipeline: string; hours: number; cost: number }[] {
  const dom = Number(day.slice(8));
  const cost = ((i * 7 + r * 3) % 13) / 64 + 1 / 64;
  const one = (pipeline: string, c = cost) => [{ pipeline, hours: 1 + ((i + r) % 6), cost: c }];
  switch (r) {
    case 0: // every day
      return one("probes");
    case 1: // every other day
      return i % 2 === 0 ? one("traps") : [];
    case 2: // a few days, ending mid-month
      return day >= "2026-08-10" && day <= "2026-08-20" ? one("probes") : [];
    case 3: // from mid-September on, on two pipelines
      return day >= "2026-09-15" ? [...one("probes"), ...one("traps", cost / 2)] : [];
    case 4: // two months apart, none in between
      return day.startsWith("2026-07") || day.startsWith("2026-10")
        ? dom === 5 || dom === 25
          ? one("traps")
          : []
        : [];
    case 5: // the last day only
      return day === "2026-11-30" ? one("probes") : [];
    case 6: // the first day only
      return day === FIRST ? one("traps") : [];
    case 7: // the first and the 31st of each month
      return dom === 1 || dom === 31 ? one("probes") : [];
    case 8: // billed at no cost every seventh day
      return one("probes", i % 7 === 0 ? 0 : cost);
    default: // credits
      return i % 5 === 0 ? one("traps", -1 / 32) : [];
  }
}

function linesOf(resources: number[], from: Day, to: Day, skip?: (r: number, day: Day) => boolean): ResourceLine[] {
  const out: ResourceLine[] = [];
  let i = (Date.parse(from) - Date.parse(FIRST)) / 86_400_000;
  for (let day = from; day < to; day = addDays(day, 1), i++) {
    for (const r of resources) {
      if (skip?.(r, day)) continue;
      for (const b of billed(r, day, i)) {
        const { source: _s, estimated: _e, ...key } = contractLine({ day, pipeline: b.pipeline });
        out.push({
          ...key,
          resourceId: `i-${String(r).padStart(4, "0")}`,
          usageAmount: b.hours,
          unblendedCostUsd: b.cost,
          amortizedCostUsd: b.cost * 2,
        });
      }
    }
  }
  return out;
}

const facts = (resources: number[]) =>
  resources.map((r) => ({
    resourceId: `i-${String(r).padStart(4, "0")}`,
    accountId: contractLine().accountId,
    name: `r${r}`,
    type: "Instance",
    service: contractLine().service,
    region: contractLine().region,
    tags: "{}",
    seenOn: FIRST,
  }));

/** One cost line a day per pipeline, 24 hours and 96 g: a resource's hour is 4 g. */
function costLines(): EstimatedLine[] {
  const out: EstimatedLine[] = [];
  for (let day = FIRST; day < END; day = addDays(day, 1)) {
    for (const pipeline of PIPELINES) {
      out.push({ line: contractLine({ day, pipeline, usageAmount: 24 }), footprint: contractFootprint(96) });
    }
  }
  return out;
}

const BOUNDS: Day[] = [
  "2026-06-15",
  FIRST,
  "2026-07-02",
  "2026-07-16",
  "2026-07-31",
  "2026-08-01",
  "2026-08-10",
  "2026-08-21",
  "2026-09-01",
  "2026-09-15",
  "2026-10-01",
  "2026-10-26",
  "2026-11-01",
  "2026-11-30",
  END,
  "2026-12-15",
];

function periods(): Period[] {
  const out: Period[] = [];
  for (const from of BOUNDS) for (const to of BOUNDS) if (from < to) out.push({ from, to });
  return out;
}

interface Plain {
  id: string;
  cost: number;
  amortized: number;
  co2e: number;
  first: Day;
  last: Day;
}

/** The plain aggregate: the counted lines of the period summed per resource. */
async function plain(store: Store, p: Period, pipeline: string | undefined): Promise<Plain[]> {
  const pipe = pipeline === undefined ? sql`` : sql` AND l.pipeline = ${pipeline}`;
  const rows = await readDb(store).all<{
    id: string;
    cost: number;
    amortized: number;
    co2e: number;
    first: Day;
    last: Day;
  }>(sql`SELECT l.resource_id AS id, total(l.unblended_cost_usd) AS cost, total(l.amortized_cost_usd) AS amortized,
      total(l.co2e_grams) AS co2e,
      (SELECT min(day) FROM resource_lines x WHERE x.resource_id = l.resource_id AND x.counted = 1) AS first,
      (SELECT max(day) FROM resource_lines x WHERE x.resource_id = l.resource_id AND x.counted = 1) AS last
    FROM resource_lines l WHERE l.counted = 1 AND l.day >= ${p.from} AND l.day < ${p.to}${pipe}
    GROUP BY l.resource_id`);
  return rows.map((r) => ({ ...r, cost: Number(r.cost), amortized: Number(r.amortized), co2e: Number(r.co2e) }));
}

const byCost = (a: Plain, b: Plain) => b.cost - a.cost || b.co2e - a.co2e || (a.id < b.id ? -1 : 1);
const byCo2e = (a: Plain, b: Plain) => b.co2e - a.co2e || b.cost - a.cost || (a.id < b.id ? -1 : 1);
const changeOrder = (a: Plain, b: Plain) => b.cost - a.cost || (a.id < b.id ? -1 : 1);

async function expectSameAsPlain(store: Store): Promise<number> {
  const db = readDb(store);
  const lastDataDay = (await db.all<{ d: Day }>(sql`SELECT max(day) AS d FROM resource_lines WHERE counted = 1`))[0]
    ?.d as Day;
  let checked = 0;
  for (const p of periods()) {
    for (const pipeline of [undefined, ...PIPELINES]) {
      const expected = await plain(store, p, pipeline);
      const scope = pipeline === undefined ? {} : { pipeline };
      const label = `${p.from} → ${p.to} ${pipeline ?? "(every pipeline)"}`;
      for (const [by, order] of [
        ["cost", byCost],
        ["co2e", byCo2e],
      ] as const) {
        const top = await topResources(db, { ...p, ...scope, by, limit: 100 });
        expect(
          top.resources.map((r) => [r.resourceId, r.costUsd, r.amortizedCostUsd, r.co2eGrams]),
          `${label} by ${by}`,
        ).toEqual([...expected].sort(order).map((r) => [r.id, r.cost, r.amortized, r.co2e]));
        expect(top.count, label).toBe(expected.length);
        expect(top.totalCostUsd, label).toBe(expected.reduce((s, r) => s + r.cost, 0));
        expect(top.totalCo2eGrams, label).toBe(expected.reduce((s, r) => s + r.co2e, 0));
      }
      const changes = await resourceChanges(db, p, pipeline);
      const inPeriod = (d: Day) => d >= p.from && d < p.to;
      const row = (r: { resourceId: string; costUsd: number; co2eGrams: number; firstDay: Day; lastDay: Day }) => [
        r.resourceId,
        r.costUsd,
        r.co2eGrams,
        r.firstDay,
        r.lastDay,
      ];
      const want = (keep: (r: Plain) => boolean) =>
        expected
          .filter(keep)
          .sort(changeOrder)
          .map((r) => [r.id, r.cost, r.co2e, r.first, r.last]);
      expect(changes.appeared.map(row), `${label} appeared`).toEqual(want((r) => inPeriod(r.first)));
      expect(changes.gone.map(row), `${label} gone`).toEqual(want((r) => inPeriod(r.last) && r.last < lastDataDay));
      checked++;
    }
  }
  return checked;
}

export function resourcePeriodsContract(driver: string, open: () => Store): void {
  describe(`resource period totals (${driver})`, () => {
    let store: Store;
    beforeEach(async () => {
      store = open();
      await reset(store);
    });

    it("equal a plain aggregate of the counted lines for any period, pipeline and ranking, before and after a month is replaced", async () => {
      await upsertCostLines(store, costLines(), AT);
      const all = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
      await replaceResourceLines(
        store,
        { from: FIRST, to: END, source: "cost-explorer" },
        linesOf(all, FIRST, END),
        facts(all),
      );
      expect(await expectSameAsPlain(store)).toBe(periods().length * 3);
      // August again: resource 2 (billed only in August) vanishes, resource 0 misses its second
      // half, resource 7 its 31st; every later month's running sums move with them.
      const august = { from: "2026-08-01", to: "2026-09-01", source: "cost-explorer" as const };
      const skip = (r: number, day: Day) =>
        r === 2 || (r === 0 && day >= "2026-08-16") || (r === 7 && day === "2026-08-31");
      await replaceResourceLines(store, august, linesOf(all, august.from, august.to, skip), facts(all));
      const ids = await readDb(store).all<{ id: string }>(
        sql`SELECT DISTINCT resource_id AS id FROM resource_lines WHERE counted = 1 ORDER BY 1`,
      );
      expect(ids.map((r) => r.id)).not.toContain("i-0002");
      expect(await expectSameAsPlain(store)).toBe(periods().length * 3);
    });
  });
}
