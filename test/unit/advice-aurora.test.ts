import { describe, expect, it } from "vitest";
import { auroraFindings } from "../../src/analysis/advice/aurora";
import { daily, dailyLines, footprint } from "../helpers/metric-days";

const asOf = "2026-11-15";
const capacity = (cluster: string, o: Parameters<typeof daily>[2]) =>
  daily("2026-11-01", asOf, {
    namespace: "AWS/RDS",
    metricName: "ServerlessDatabaseCapacity",
    unit: "Count",
    dimensions: `DBClusterIdentifier=${cluster}`,
    resourceId: cluster,
    ...o,
  });
// 60 ACU-hours a day at $0.14 = $8.40, 30 g a day: 0.5 g per ACU-hour.
const lines = dailyLines(
  "2026-11-01",
  asOf,
  {
    service: "Amazon Relational Database Service",
    usageType: "EUW3-Aurora:ServerlessV2Usage",
    usageAmount: 60,
    usageUnit: "ACU-Hr",
    unblendedCostUsd: 8.4,
  },
  footprint(30),
);

describe("Aurora Serverless minimum capacity higher than the load needs", () => {
  it("proposes 0.5 ACU for a cluster held at a 2 ACU floor", () => {
    const metrics = [
      // At 2 ACU for 16 of 24 hours every day: 224 of 336 hours.
      ...capacity("probes", { average: 2.5, minimum: 2, maximum: 6, samples: 24, samplesAtMinimum: 16 }),
      // Already at the lowest floor.
      ...capacity("small", { average: 0.7, minimum: 0.5, maximum: 2, samplesAtMinimum: 20 }),
      // Floor of 1 ACU held only 2 hours a day (8%): the load sets the capacity.
      ...capacity("busy", { average: 4, minimum: 1, maximum: 8, samplesAtMinimum: 2 }),
    ];
    const found = auroraFindings({ asOf, metrics, lines });
    expect(found.map((f) => f.resource)).toEqual(["probes"]);
    // (2 - 0.5) ACU x 224 h = 336 ACU-h in 14 days -> 720 a month; x $0.14 = $100.80; x 0.5 g = 360 g.
    expect(found[0]).toMatchObject({
      monthlySavingUsd: 100.8,
      monthlySavingCo2eGrams: 360,
      action: "Lower the minimum capacity of probes from 2 to 0.5 ACU.",
    });
    expect(found[0]?.evidence[1]).toBe(
      "It sat at 2 ACU for 224 of 336 hours (66.7%): the minimum, not the load, set the capacity then.",
    );
  });
});
