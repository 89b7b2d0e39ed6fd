import { describe, expect, it } from "vitest";
import { lambdaFindings } from "../../src/analysis/advice/lambda";
import { daily, dailyLines, footprint } from "../helpers/metric-days";

const asOf = "2026-11-15";
const PREV = ["2026-10-18", "2026-11-01"] as const;
const RECENT = ["2026-11-01", asOf] as const;
const fn = (name: string, [from, to]: readonly [string, string], durationMs: number, invocations: number) => [
  ...daily(from, to, {
    namespace: "AWS/Lambda",
    metricName: "Duration",
    stat: "Sum",
    unit: "Milliseconds",
    dimensions: `FunctionName=${name}`,
    resourceId: name,
    sum: durationMs,
  }),
  ...daily(from, to, {
    namespace: "AWS/Lambda",
    metricName: "Invocations",
    stat: "Sum",
    unit: "Count",
    dimensions: `FunctionName=${name}`,
    resourceId: name,
    sum: invocations,
  }),
];
// Each day in Paris: $2.00 of GB-seconds (40 g) and $0.20 of requests (0 g).
const lines = [
  ...dailyLines("2026-10-18", asOf, { usageType: "EUW3-Lambda-GB-Second", unblendedCostUsd: 2 }, footprint(40)),
  ...dailyLines(
    "2026-10-18",
    asOf,
    { usageType: "EUW3-Request", usageUnit: "Requests", unblendedCostUsd: 0.2 },
    footprint(0),
  ),
];

describe("Lambda functions whose cost grew fastest", () => {
  it("finds the function that tripled its duration, with its share of the region's cost", () => {
    const metrics = [
      ...fn("fa", PREV, 1000, 10),
      ...fn("fa", RECENT, 3000, 30),
      ...fn("fb", PREV, 1000, 10),
      ...fn("fb", RECENT, 1000, 10),
    ];
    const found = lambdaFindings({ asOf, metrics, lines });
    expect(found.map((f) => f.resource)).toEqual(["fa"]);
    // Before: half of $2 + half of $0.20 = $1.10 a day, $15.40 in 14 days, 20 g a day.
    // After: 3/4 of each = $1.65 a day, $23.10, 30 g a day. Growth $7.70 x 30/14 = $16.50; 140 g x 30/14 = 300 g.
    expect(found[0]).toMatchObject({ monthlySavingUsd: 16.5, monthlySavingCo2eGrams: 300, region: "eu-west-3" });
    expect(found[0]?.action).toBe("Find out why fa costs 50.0% more than a fortnight before, and bring it back.");
    expect(found[0]?.evidence).toEqual([
      "Last 14 days: 420 invocations, 100 ms average, $23.10.",
      "The 14 days before: 140 invocations, 100 ms average, $15.40.",
    ]);
  });

  it("ignores growth under a dollar a month", () => {
    const metrics = [
      ...fn("fa", PREV, 1000, 10),
      ...fn("fa", RECENT, 1010, 10),
      ...fn("fb", PREV, 1000, 10),
      ...fn("fb", RECENT, 1000, 10),
    ];
    expect(lambdaFindings({ asOf, metrics, lines })).toEqual([]);
  });
});
