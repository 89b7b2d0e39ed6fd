/**
 * Resource lines from Cost Explorer (CAIRN_CE_RESOURCES=1) against the fake Cost Explorer
 * speaking GetCostAndUsageWithResources on the wire: only the last 14 days are asked (AWS
 * refuses more), one query per account and service with a required Filter, grouped by RESOURCE_ID
 * and USAGE_TYPE; lines land on their cost line's key and pipeline, costs unassigned to a resource
 * stay out, a second run replaces without doubling, and without the setting nothing is asked.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { topResources } from "../../src/store/read/resources";
import { readDb } from "../../src/store/store";
import { type Harness, harness } from "../helpers/cost-explorer-harness";
import { type FakeCostExplorer, type FakeRecord, startFakeCostExplorer } from "../helpers/fake-cost-explorer";

const TODAY = "2026-03-20";
const ACCOUNT = "111122223333";

function records(): FakeRecord[] {
  const out: FakeRecord[] = [];
  for (let d = 1; d <= 19; d++) {
    const day = `2026-03-${String(d).padStart(2, "0")}`;
    const base = { day, accountId: ACCOUNT, service: "Amazon Elastic Compute Cloud - Compute", unit: "Hrs" };
    out.push({
      ...base,
      usageType: "EUW3-BoxUsage:t3.medium",
      pipeline: "probes",
      unblended: "1.0",
      amortized: "1.0",
      usage: "24",
      resourceId: "i-0aaa",
    });
    out.push({
      ...base,
      usageType: "EUW3-BoxUsage:t3.medium",
      pipeline: "probes",
      unblended: "0.5",
      amortized: "0.5",
      usage: "12",
      resourceId: "i-0bbb",
    });
    out.push({
      ...base,
      service: "AWS Lambda",
      usageType: "EUW3-Lambda-GB-Second",
      pipeline: "",
      unblended: "0.25",
      amortized: "0.25",
      usage: "9000",
      unit: "GB-Seconds",
      resourceId: "arn:aws:lambda:eu-west-3:111122223333:function:ingest",
    });
    // Spend AWS bills to no resource.
    out.push({
      ...base,
      service: "AWS Lambda",
      usageType: "EUW3-Request",
      pipeline: "",
      unblended: "0.1",
      amortized: "0.1",
      usage: "100000",
      unit: "Requests",
      resourceId: "",
    });
  }
  return out;
}

let fake: FakeCostExplorer;
let h: Harness;
beforeEach(async () => {
  fake = await startFakeCostExplorer({ dataset: { records: records(), estimated: () => true }, today: TODAY });
  h = harness(fake, `${TODAY}T06:00:00Z`);
});
afterEach(async () => {
  h.opened.close();
  await fake.close();
});

const MARCH = { from: "2026-03-01", to: "2026-04-01" };

describe("Cost Explorer resource lines (opt-in)", () => {
  it("asks the last 14 days per account and service, and ranks the resources", async () => {
    const summary = await h.run({ resources: true, from: "2026-03-01", to: "2026-03-20" });
    expect(summary.status, summary.error ?? "").toBe("succeeded");
    const asked = fake.requests.filter((r) => r.operation === "GetCostAndUsageWithResources");
    expect(asked).toHaveLength(2);
    for (const r of asked) {
      expect(r.status).toBe(200);
      expect(r.body.TimePeriod).toEqual({ Start: "2026-03-07", End: "2026-03-20" });
      expect(r.body.GroupBy).toEqual([
        { Type: "DIMENSION", Key: "RESOURCE_ID" },
        { Type: "DIMENSION", Key: "USAGE_TYPE" },
      ]);
    }
    expect(fake.violations).toEqual([]);
    // 13 days x (2 instances + 1 function), nothing for the requests billed to no resource.
    expect(summary.resourceLinesWritten).toBe(39);
    const top = await topResources(readDb(h.opened.store), { ...MARCH, by: "cost", limit: 10 });
    expect(top.resources.map((r) => [r.resourceId, r.costUsd])).toEqual([
      ["i-0aaa", 13],
      ["i-0bbb", 6.5],
      ["arn:aws:lambda:eu-west-3:111122223333:function:ingest", 3.25],
    ]);
    const lines = h.opened.sqlite
      .prepare("SELECT DISTINCT resource_id, region, pipeline, source FROM resource_lines ORDER BY resource_id")
      .all();
    expect(lines).toEqual([
      {
        resource_id: "arn:aws:lambda:eu-west-3:111122223333:function:ingest",
        region: "eu-west-3",
        pipeline: "",
        source: "cost-explorer",
      },
      { resource_id: "i-0aaa", region: "eu-west-3", pipeline: "probes", source: "cost-explorer" },
      { resource_id: "i-0bbb", region: "eu-west-3", pipeline: "probes", source: "cost-explorer" },
    ]);
    // Counted where Cost Explorer's cost lines count.
    const counted = h.opened.sqlite.prepare("SELECT min(counted) AS c FROM resource_lines").get() as { c: number };
    expect(counted.c).toBe(1);
  });

  it("replaces its window on the next run, never doubling", async () => {
    await h.run({ resources: true, from: "2026-03-01", to: "2026-03-20" });
    await h.run({ resources: true, from: "2026-03-01", to: "2026-03-20" });
    const top = await topResources(readDb(h.opened.store), { ...MARCH, by: "cost", limit: 10 });
    expect(top.totalCostUsd).toBeCloseTo(13 + 6.5 + 3.25, 9);
  });

  it("asks nothing with resources when the setting is off", async () => {
    const summary = await h.run({ from: "2026-03-01", to: "2026-03-20" });
    expect(summary.status).toBe("succeeded");
    expect(fake.requests.filter((r) => r.operation === "GetCostAndUsageWithResources")).toEqual([]);
    expect(summary.resourceLinesWritten).toBeUndefined();
  });
});
