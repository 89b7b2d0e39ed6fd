/**
 * The FOCUS import's resource staging writes many rows per statement (./src/store/resource-staging.ts):
 * every row must arrive once, whole batches and the rest alike.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { ResourceContribution, ResourceInfo } from "../../collectors/focus/resource-lines";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { openResourceStaging } from "../../src/store/resource-staging";

const opened = openSqliteStore(":memory:");
afterAll(() => opened.close());

const line = (i: number): ResourceContribution => ({
  billingAccountId: "999999999999",
  billingPeriod: "2026-10",
  day: `2026-10-${String(1 + (i % 28)).padStart(2, "0")}`,
  resourceId: `i-${i}`,
  accountId: "111111111111",
  service: "Amazon Elastic Compute Cloud",
  region: "eu-west-3",
  usageType: `EUW3-BoxUsage:t3.${i % 3}`,
  pipeline: i % 2 === 0 ? "probes" : "",
  usageUnit: "Hrs",
  unblendedCostUsd: i / 8,
  amortizedCostUsd: i / 4,
  usageAmount: i,
});

const info = (i: number): ResourceInfo => ({
  resourceId: `i-${i}`,
  accountId: "111111111111",
  name: `n${i}`,
  type: "Instance",
  service: "Amazon Elastic Compute Cloud",
  region: "eu-west-3",
  tags: JSON.stringify({ i }),
  seenOn: "2026-10-05",
});

describe("resource staging", () => {
  it("stores every line and resource once, in batches and one by one", () => {
    const raw = opened.store.db.$client;
    const staging = openResourceStaging(raw);
    // 130 lines: two batches of 64 and two left; 70 resources: one batch and six left; then 3.
    staging.add(
      Array.from({ length: 130 }, (_, i) => line(i)),
      Array.from({ length: 70 }, (_, i) => info(i)),
    );
    staging.add([line(130), line(131), line(132)], []);
    const lines = raw.prepare("SELECT * FROM temp.import_resource_staging ORDER BY usage_amount").all() as Record<
      string,
      unknown
    >[];
    expect(lines).toHaveLength(133);
    expect(lines.map((l) => l.resource_id)).toEqual(Array.from({ length: 133 }, (_, i) => `i-${i}`));
    expect(lines[100]).toEqual({
      billing_account_id: "999999999999",
      billing_period: "2026-10",
      day: "2026-10-17",
      resource_id: "i-100",
      account_id: "111111111111",
      service: "Amazon Elastic Compute Cloud",
      region: "eu-west-3",
      usage_type: "EUW3-BoxUsage:t3.1",
      pipeline: "probes",
      usage_unit: "Hrs",
      unblended_cost_usd: 12.5,
      amortized_cost_usd: 25,
      usage_amount: 100,
    });
    const infos = raw.prepare("SELECT * FROM temp.import_resource_info_staging").all() as Record<string, unknown>[];
    expect(infos).toHaveLength(70);
    expect(infos.find((r) => r.resource_id === "i-69")).toMatchObject({ name: "n69", tags: '{"i":69}' });
    staging.clear();
    expect(raw.prepare("SELECT count(*) AS n FROM temp.import_resource_staging").get()).toEqual({ n: 0 });
  });
});
