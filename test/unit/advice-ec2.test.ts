import { describe, expect, it } from "vitest";
import { ec2Findings } from "../../src/analysis/advice/ec2";
import { daily, dailyLines, footprint, metric } from "../helpers/metric-days";

// Window: the 14 days 2026-11-01..14 before asOf 2026-11-15.
const asOf = "2026-11-15";
const cpu = (id: string, o: Parameters<typeof metric>[0]) =>
  daily("2026-11-01", asOf, { dimensions: `InstanceId=${id}`, resourceId: id, instanceType: "t3.medium", ...o });
// t3.medium in Paris: 24 hours a day at $1.00, 100 g + 20 g embodied a day -> $1/24 and 5 g per hour.
const lines = dailyLines(
  "2026-11-01",
  asOf,
  {
    service: "Amazon Elastic Compute Cloud - Compute",
    usageType: "EUW3-BoxUsage:t3.medium",
    usageAmount: 24,
    usageUnit: "Hrs",
    unblendedCostUsd: 1,
  },
  footprint(100, 20),
);

describe("EC2 idle or under 10% CPU over 14 days", () => {
  it("stops an idle instance and downsizes an underused one, with hand-computed savings", () => {
    const metrics = [
      ...cpu("i-idle", { average: 1, maximum: 4, samples: 24 }),
      ...cpu("i-low", { average: 6, maximum: 30, samples: 12 }),
      ...cpu("i-busy", { average: 40, maximum: 90 }),
      metric({ day: "2026-10-31", dimensions: "InstanceId=i-busy", resourceId: "i-busy", average: 0, maximum: 0 }),
      metric({ dimensions: "InstanceId=i-short", resourceId: "i-short", average: 0, samples: 10 }),
    ];
    const found = ec2Findings({ asOf, metrics, lines });
    expect(found.map((f) => [f.kind, f.resource])).toEqual([
      ["ec2-idle", "i-idle (t3.medium)"],
      ["ec2-underused", "i-low (t3.medium)"],
    ]);
    // i-idle: 336 h in 14 days -> 720 h a month x $1/24 = $30.00; x 5 g = 3,600 g.
    expect(found[0]).toMatchObject({ monthlySavingUsd: 30, monthlySavingCo2eGrams: 3600, region: "eu-west-3" });
    expect(found[0]?.evidence[0]).toBe(
      "CPU over the last 14 days: average 1.0%, busiest hour 4.0%, 336 hours running on 14 days.",
    );
    // i-low: 168 h -> 360 h a month, half of it saved: 180 x $1/24 = $7.50; 180 x 5 g = 900 g.
    expect(found[1]).toMatchObject({ monthlySavingUsd: 7.5, monthlySavingCo2eGrams: 900 });
  });

  it("keeps an instance of unknown type, with no saving counted", () => {
    const found = ec2Findings({ asOf, metrics: cpu("i-x", { instanceType: null, average: 5, maximum: 8 }), lines });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ resource: "i-x (unknown type)", monthlySavingUsd: 0, monthlySavingCo2eGrams: 0 });
    expect(found[0]?.assumptions.join(" ")).toMatch(/could not be told/);
  });

  it("has a GPU instance stopped when idle instead of downsized, saving its idle hours", () => {
    // g4dn.xlarge spot: 18 h a day at $3.60 and 90 g -> $0.20 and 5 g per hour.
    const gpuLines = dailyLines(
      "2026-11-01",
      asOf,
      {
        service: "Amazon Elastic Compute Cloud - Compute",
        usageType: "EUW3-SpotUsage:g4dn.xlarge",
        usageAmount: 18,
        usageUnit: "Hrs",
        unblendedCostUsd: 3.6,
      },
      footprint(90),
    );
    const found = ec2Findings({
      asOf,
      metrics: cpu("i-gpu", { instanceType: "g4dn.xlarge", average: 8, maximum: 40, samples: 18 }),
      lines: gpuLines,
    });
    // 252 h -> 540 h a month; idle share 1 - 8/40 = 0.8: 432 h x $0.20 = $86.40; x 5 g = 2,160 g.
    expect(found[0]).toMatchObject({ kind: "ec2-underused", monthlySavingUsd: 86.4, monthlySavingCo2eGrams: 2160 });
    expect(found[0]?.action).toBe("Stop i-gpu when it idles: it averaged 8.0% CPU, busy only 40.0% at most.");
    expect(found[0]?.evidence[1]).toBe(
      "g4dn.xlarge in eu-west-3 cost $0.2000 and emitted 5 g CO2e per hour (252 billed hours).",
    );
  });
});
