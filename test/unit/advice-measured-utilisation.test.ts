import { describe, expect, it } from "vitest";
import { estimateLine } from "../../src/carbon/estimate";
import { buildUtilisationLookup } from "../../src/store/read/metrics";
import { line } from "../helpers/lines";
import { metric } from "../helpers/metric-days";

const day = "2026-11-10";
const rows = [
  // Two t3.medium instances: (20% x 24 h + 35% x 12 h) / 36 h = 25%.
  metric({ day, dimensions: "InstanceId=i-a", resourceId: "i-a", instanceType: "t3.medium", average: 20, samples: 24 }),
  metric({ day, dimensions: "InstanceId=i-b", resourceId: "i-b", instanceType: "t3.medium", average: 35, samples: 12 }),
  // CloudWatch's own InstanceType aggregate wins over the instances.
  metric({ day, dimensions: "InstanceType=m5.large", resourceId: "m5.large", instanceType: "m5.large", average: 40 }),
  metric({ day, dimensions: "InstanceId=i-c", resourceId: "i-c", instanceType: "m5.large", average: 10 }),
  // An instance of unknown type feeds nothing.
  metric({ day, dimensions: "InstanceId=i-d", resourceId: "i-d", average: 90 }),
  // ECS services: Fargate's utilisation, (30 + 60) / 2 = 45%.
  metric({ day, namespace: "AWS/ECS", dimensions: "ClusterName=web;ServiceName=a", resourceId: "web/a", average: 30 }),
  metric({ day, namespace: "AWS/ECS", dimensions: "ClusterName=web;ServiceName=b", resourceId: "web/b", average: 60 }),
];
const lookup = buildUtilisationLookup(rows);

describe("measured utilisation", () => {
  it("is looked up per instance type, region and day", () => {
    expect(lookup({ instanceType: "t3.medium", region: "eu-west-3", day })).toBeCloseTo(0.25, 12);
    expect(lookup({ instanceType: "m5.large", region: "eu-west-3", day })).toBeCloseTo(0.4, 12);
    expect(lookup({ instanceType: "fargate", region: "eu-west-3", day })).toBeCloseTo(0.45, 12);
    expect(lookup({ instanceType: "t3.medium", region: "eu-west-1", day })).toBeUndefined();
    expect(lookup({ instanceType: "t3.medium", region: "eu-west-3", day: "2026-11-11" })).toBeUndefined();
  });

  it("replaces the 50% default in the estimate, and the result says so", () => {
    const hours = line({
      day,
      service: "Amazon Elastic Compute Cloud - Compute",
      usageType: "EUW3-BoxUsage:t3.medium",
      usageAmount: 24,
      usageUnit: "Hrs",
    });
    const measured = estimateLine(hours, { factorSet: "ccf-2022", utilisation: lookup });
    // ccf-2022 follows CCF: t3 = Cascade Lake, 0.64-3.97 W per vCPU; a burstable t3.medium counts
    // 2 vCPUs x 20% baseline / 50% = 0.8 vCPU. PUE 1.135, 51.1 g/kWh in Paris.
    // 24 h x 0.8/1000 x (0.64 + 0.25 x 3.33) x 1.135 = 0.0320887 kWh.
    expect(measured.method).toBe("measured-utilisation");
    expect(measured.utilisation).toBe(0.25);
    expect(measured.cpuKwh).toBeCloseTo(0.0320887, 6);
    expect(measured.co2eGrams).toBeCloseTo(0.0320887 * 51.1, 4);
    expect(measured.reason).toMatch(/measured utilisation 25%/);
    // Without a measurement: 50%, 24 x 0.0008 x 2.305 x 1.135 = 0.0502306 kWh.
    const other = estimateLine({ ...hours, day: "2026-11-11" }, { factorSet: "ccf-2022", utilisation: lookup });
    expect(other.method).toBe("default-utilisation");
    expect(other.cpuKwh).toBeCloseTo(0.0502306, 6);
  });
});
