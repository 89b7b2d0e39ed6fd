/**
 * Property test of the tuning explorer: over random datasets and random selections, the
 * two-level rows' sum, the one-level rows' sum and the period total (summed from the lines in
 * the test) are the same figure, whichever dimensions, time step, cost type and filters.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hash32, mulberry32 } from "../../collectors/demo/prng";
import { chargeTypeOf } from "../../src/analysis/charge-type";
import { addDays } from "../../src/days";
import type { CostLine } from "../../src/model";
import { upsertCostLines } from "../../src/store/cost-lines";
import { openSqliteStore } from "../../src/store/open-sqlite";
import {
  EXPLORE_DIMENSIONS,
  type ExploreDimension,
  type ExploreQuery,
  type ExploreRow,
  explore,
} from "../../src/store/read/cost-explorer";
import { readDb } from "../../src/store/store";
import { line, unestimated } from "../helpers/lines";

const random = mulberry32(hash32("explorer-totals"));
const pickOne = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const SERVICES = ["AWS Lambda", "EC2 - Other", "Tax", "AWS Support (Developer)"];
const USAGE_TYPES = ["EUW3-NatGateway-Hours", "EUW3-EBS:VolumeUsage.gp2", "Tax", "Credit", "EUW3-Fee", "Support"];
const lines: CostLine[] = [];
for (let i = 0; i < 900; i++) {
  const unblended = Math.round((random() * 20 - 2) * 1e4) / 1e4;
  const l = line({
    day: addDays("2026-08-20", Math.floor(random() * 100)),
    service: pickOne(SERVICES),
    usageType: `${pickOne(USAGE_TYPES)}-${Math.floor(random() * 3)}`,
    pipeline: pickOne(["temperatures", "camera-traps", ""]),
    accountId: pickOne(["111111111111", "222222222222"]),
    region: pickOne(["eu-west-3", "us-east-1"]),
    unblendedCostUsd: unblended,
    amortizedCostUsd: Math.round(unblended * 0.9 * 1e4) / 1e4,
  });
  lines.push(l);
}
// The natural key dedups: keep the last of each key, as the store does.
const byKey = new Map<string, CostLine>();
for (const l of lines) byKey.set([l.day, l.accountId, l.service, l.region, l.usageType, l.pipeline].join("|"), l);
const stored = [...byKey.values()];

const opened = openSqliteStore(":memory:");
beforeAll(async () => {
  await upsertCostLines(opened.store, unestimated(stored), "2026-11-18T09:00:00Z");
});
afterAll(() => opened.close());

const sum = (rows: readonly ExploreRow[]) => rows.reduce((s, r) => s + r.costUsd, 0);

describe("explorer totals (property)", () => {
  it("two-level totals = one-level totals = period total, for 40 random selections", async () => {
    const db = readDb(opened.store);
    for (let trial = 0; trial < 40; trial++) {
      const from = addDays("2026-08-15", Math.floor(random() * 60));
      const to = addDays(from, 1 + Math.floor(random() * 60));
      const first = pickOne(EXPLORE_DIMENSIONS);
      const second = pickOne(EXPLORE_DIMENSIONS.filter((d) => d !== first)) as ExploreDimension;
      const filters: ExploreQuery["filters"] = {};
      if (random() < 0.3) filters.pipeline = pickOne(["temperatures", ""]);
      if (random() < 0.3) filters.chargeType = pickOne(["usage", "tax", "credit", "fee", "support"] as const);
      const costType = random() < 0.5 ? "amortised" : "unblended";
      const base = {
        period: { from, to },
        granularity: random() < 0.5 ? ("day" as const) : ("month" as const),
        costType,
        compare: random() < 0.5,
        filters,
      } satisfies Omit<ExploreQuery, "groupBy">;
      const expected = stored
        .filter((l) => l.day >= from && l.day < to)
        .filter((l) => filters.pipeline === undefined || l.pipeline === filters.pipeline)
        .filter((l) => filters.chargeType === undefined || chargeTypeOf(l) === filters.chargeType)
        .reduce((s, l) => s + (costType === "amortised" ? l.amortizedCostUsd : l.unblendedCostUsd), 0);
      const one = await explore(db, { ...base, groupBy: [first] });
      const two = await explore(db, { ...base, groupBy: [first, second] });
      const label = JSON.stringify({ from, to, first, second, ...base });
      expect(one.total.costUsd, label).toBeCloseTo(expected, 4);
      expect(sum(one.rows), label).toBeCloseTo(expected, 4);
      expect(two.total.costUsd, label).toBeCloseTo(expected, 4);
      expect(sum(two.rows), label).toBeCloseTo(expected, 4);
      expect(sum(two.rows.flatMap((r) => r.children ?? [])), label).toBeCloseTo(expected, 4);
      for (const parent of two.rows) expect(sum(parent.children ?? []), label).toBeCloseTo(parent.costUsd, 4);
      expect(
        one.series.reduce((s, b) => s + b.costUsd, 0),
        label,
      ).toBeCloseTo(expected, 4);
    }
  });
});
