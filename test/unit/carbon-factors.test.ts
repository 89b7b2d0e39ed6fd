/** Factor sets, regions, fallbacks, utilisation, coverage and the region what-if. */
import { describe, expect, it } from "vitest";
import { coverageOf } from "../../src/carbon/coverage";
import { estimateLine, estimateLines } from "../../src/carbon/estimate";
import { CAIRN_2026, CCF_2022, factorSetByName, UnknownFactorSetError } from "../../src/carbon/factor-sets";
import { resolveRegion, splitUsageType } from "../../src/carbon/regions";
import { inRegion, regionWhatIf } from "../../src/carbon/what-if";
import type { Footprint } from "../../src/model";
import { line } from "../helpers/lines";

const EC2 = "Amazon Elastic Compute Cloud - Compute";
const within1pct = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected) / expected).toBeLessThan(0.01);

describe("CCF's published figures, reproduced with ccf-2022", () => {
  it("100 vCPU-hours of an unknown processor = 0.2406 kWh", () => {
    const f = estimateLine(
      line({
        service: "Amazon Elastic Container Service",
        usageType: "Fargate-vCPU-Hours:perCPU",
        usageAmount: 100,
        usageUnit: "hours",
      }),
      { factorSet: "ccf-2022" },
    );
    within1pct(f.energyKwh, 0.2406);
  });
  it("50 GB out of eu-west-3 = 0.05675 kWh", () => {
    const f = estimateLine(
      line({ service: EC2, usageType: "EUW3-DataTransfer-Out-Bytes", usageAmount: 50, usageUnit: "GB" }),
      { factorSet: "ccf-2022" },
    );
    within1pct(f.energyKwh, 0.05675);
  });
  it("100 GB-Mo of EBS gp3 in a 31-day month = 0.2027 kWh", () => {
    const f = estimateLine(
      line({
        day: "2026-03-02",
        service: "EC2 - Other",
        usageType: "EUW3-EBS:VolumeUsage.gp3",
        usageAmount: 100,
        usageUnit: "GB-Mo",
      }),
      { factorSet: "ccf-2022" },
    );
    within1pct(f.energyKwh, 0.2027);
  });
  it("100 GB-Mo of Aurora storage = 0.6080 kWh", () => {
    const f = estimateLine(
      line({
        day: "2026-03-02",
        service: "Amazon Relational Database Service",
        usageType: "EUW3-Aurora:StorageUsage",
        usageAmount: 100,
        usageUnit: "GB-Mo",
      }),
      { factorSet: "ccf-2022" },
    );
    within1pct(f.energyKwh, 0.608);
  });
});

describe("cairn-2026", () => {
  it("EC2 from BoaviztAPI's table, Paris PUE 1.35 and 41.44 g/kWh, market-based 0 (matched 100%)", () => {
    // 0.00277778 kWh/h x 24 h x 1.35; embodied 0.2 g/h x 24
    const f = estimateLine(
      line({ service: EC2, usageType: "EUW3-BoxUsage:t3.micro", usageAmount: 24, usageUnit: "Hrs" }),
      { factorSet: "cairn-2026" },
    );
    expect(f.method).toBe("instance-table");
    expect(f.energyKwh).toBeCloseTo(0.090000072, 9);
    expect(f.co2eGrams).toBeCloseTo(0.090000072 * 41.44, 9);
    expect(f.marketCo2eGrams).toBe(0);
    expect(f.embodiedCo2eGrams).toBeCloseTo(4.8, 9);
    expect(f.utilisation).toBe(0.5);
    expect(f.factorSet).toBe("cairn-2026@1");
  });

  it("a region not matched with renewables keeps its location factor as market factor", () => {
    // ca-west-1: PUE 1.13, 190.72 g/kWh, not on the 2025 list
    const f = estimateLine(
      line({
        region: "ca-west-1",
        service: EC2,
        usageType: "CAW1-BoxUsage:t3.micro",
        usageAmount: 24,
        usageUnit: "Hrs",
      }),
      { factorSet: "cairn-2026" },
    );
    expect(f.energyKwh).toBeCloseTo(0.06666672 * 1.13, 9);
    expect(f.marketCo2eGrams).toBeCloseTo(f.co2eGrams, 9);
    expect(f.co2eGrams).toBeCloseTo(0.06666672 * 1.13 * 190.72, 6);
  });

  it("1 TB-month of S3 Standard is not near zero", () => {
    // 1000 GB-Mo in a 30-day month: 720 TB-h x 0.65 Wh x 2 (erasure-coded across three zones)
    // = 0.936 kWh IT x 1.35
    const f = estimateLine(
      line({
        day: "2026-04-01",
        service: "Amazon Simple Storage Service",
        usageType: "EUW3-TimedStorage-ByteHrs",
        usageAmount: 1000,
        usageUnit: "GB-Mo",
      }),
      { factorSet: "cairn-2026" },
    );
    expect(f.energyKwh).toBeCloseTo(1.2636, 6);
    expect(f.energyKwh).toBeGreaterThan(1);
  });

  it("measured utilisation rescales the instance figure along the CPU curve", () => {
    // Skylake/Cascade Lake: 0.645 + 0.1 x 3.47 = 0.992 W vs 2.38 W at 50%
    const seen: string[] = [];
    const f = estimateLine(
      line({ service: EC2, usageType: "EUW3-BoxUsage:t3.micro", usageAmount: 24, usageUnit: "Hrs" }),
      {
        factorSet: "cairn-2026",
        utilisation: ({ instanceType, region, day }) => {
          seen.push(`${instanceType} ${region} ${day}`);
          return 0.1;
        },
      },
    );
    expect(seen).toEqual(["t3.micro eu-west-3 2026-10-01"]);
    expect(f.method).toBe("measured-utilisation");
    expect(f.utilisation).toBe(0.1);
    expect(f.energyKwh).toBeCloseTo(0.0375126, 6);
    expect(f.reason).toMatch(/measured utilisation 10%/);
  });

  it("an instance type missing from the table falls back to vCPUs x watts, named", () => {
    const f = estimateLine(
      line({ service: EC2, usageType: "EUW3-BoxUsage:zz9.2xlarge", usageAmount: 1, usageUnit: "Hrs" }),
      { factorSet: "cairn-2026" },
    );
    // 8 vCPUs x 2.12 W x 1 h x 1.35
    expect(f.energyKwh).toBeCloseTo(0.022896, 7);
    expect(f.fallback).toMatch(/zz9\.2xlarge not in BoaviztAPI's table/);
  });
});

describe("regions and fallbacks", () => {
  it.each([
    ["EUW3-BoxUsage:t3.micro", "", "eu-west-3"],
    ["EU-DataTransfer-Out-Bytes", "global", "eu-west-1"],
    ["USE1-Lambda-GB-Second", "", "us-east-1"],
    ["APS3-BoxUsage:m5.large", "", "ap-south-1"],
    ["BoxUsage:m5.large", "", "us-east-1"],
    ["EUN1-BoxUsage:m5.large", "eu-central-1", "eu-central-1"],
  ])("%s with region %j is in %s", (usageType, region, expected) => {
    expect(resolveRegion(region, splitUsageType(usageType)).region).toBe(expected);
  });

  it("reads both ends of an inter-region transfer", () => {
    expect(splitUsageType("EUW3-USE1-AWS-Out-Bytes")).toEqual({
      bare: "AWS-Out-Bytes",
      prefix: "EUW3",
      prefixRegion: "eu-west-3",
      peerRegion: "us-east-1",
    });
  });

  it("an unknown region names its fallbacks", () => {
    const l = line({
      region: "xx-moon-1",
      service: EC2,
      usageType: "BoxUsage:t3.micro",
      usageAmount: 24,
      usageUnit: "Hrs",
    });
    const cairn = estimateLine(l, { factorSet: "cairn-2026" });
    expect(cairn.fallback).toContain("PUE: AWS global PUE 2025 (1.14) for xx-moon-1");
    expect(cairn.fallback).toContain("grid: mean of Ember's AWS regions");
    expect(cairn.energyKwh).toBeCloseTo(0.06666672 * 1.14, 9);
    const ccf = estimateLine(l, { factorSet: "ccf-2022" });
    expect(ccf.fallback).toBe("grid: CCF's default for other regions (392.8 g/kWh) for xx-moon-1");
    expect(ccf.co2eGrams).toBeCloseTo(ccf.energyKwh * 392.8, 9);
  });

  it("factor sets carry name, version and sources, and unknown names are refused", () => {
    for (const set of [CAIRN_2026, CCF_2022]) {
      expect(set.sources.length).toBeGreaterThan(2);
      expect(set.version).not.toBe("");
    }
    expect(factorSetByName("ccf-2022@0.15.0")).toBe(CCF_2022);
    expect(() => factorSetByName("nope")).toThrow(UnknownFactorSetError);
  });
});

describe("coverage", () => {
  it("splits cost into physical, proxy, excluded and unestimated, by absolute cost", () => {
    const items = estimateLines(
      [
        line({
          service: EC2,
          usageType: "EUW3-BoxUsage:t3.micro",
          usageAmount: 24,
          usageUnit: "Hrs",
          unblendedCostUsd: 10,
        }),
        line({
          service: "AWS Step Functions",
          usageType: "EUW3-StateTransition",
          usageUnit: "Requests",
          unblendedCostUsd: 2,
        }),
        line({ service: "Tax", usageType: "Tax", region: "global", usageUnit: "N/A", unblendedCostUsd: 3 }),
        line({ service: EC2, usageType: "EUW3-Credit", usageUnit: "N/A", unblendedCostUsd: -5 }),
      ],
      { factorSet: "cairn-2026" },
    );
    const c = coverageOf([...items, { line: line({ unblendedCostUsd: 1 }), footprint: null }]);
    expect(c).toEqual({
      totalCostUsd: 21,
      physicalCostUsd: 10,
      proxyCostUsd: 2,
      excludedCostUsd: 8,
      unestimatedCostUsd: 1,
      physicalShare: 10 / 21,
      proxyShare: 2 / 21,
      excludedShare: 8 / 21,
      unestimatedShare: 1 / 21,
      physicalShareOfIncluded: 10 / 13,
    });
  });

  it("is all zeros for nothing", () => {
    expect(coverageOf([]).physicalShare).toBe(0);
  });
});

describe("region what-if", () => {
  const items = estimateLines(
    [
      line({
        pipeline: "probes",
        service: EC2,
        usageType: "EUW3-BoxUsage:t3.micro",
        usageAmount: 24,
        usageUnit: "Hrs",
      }),
      line({ pipeline: "probes", service: "Tax", usageType: "Tax", region: "global", usageUnit: "N/A" }),
    ],
    { factorSet: "cairn-2026" },
  );

  it("keeps IT energy and embodied, swaps PUE and grid", () => {
    // IT 0.06666672 kWh x 1.09 (Stockholm) x 35.26 g/kWh
    const f = inRegion(items[0] as never, "eu-north-1") as Footprint;
    expect(f.energyKwh).toBeCloseTo(0.0726667248, 9);
    expect(f.co2eGrams).toBeCloseTo(2.562228716, 6);
    expect(f.marketCo2eGrams).toBe(0);
    expect(f.embodiedCo2eGrams).toBeCloseTo(4.8, 9);
  });

  it("totals each pipeline now and in each target region, excluded lines left out", () => {
    const [row] = regionWhatIf(items, ["eu-west-3", "eu-central-1"]);
    expect(row?.pipeline).toBe("probes");
    expect(row?.current.energyKwh).toBeCloseTo(0.090000072, 9);
    expect(row?.byRegion["eu-west-3"]?.co2eGrams).toBeCloseTo(row?.current.co2eGrams ?? Number.NaN, 9);
    // Frankfurt: PUE 1.24, 329.65 g/kWh
    expect(row?.byRegion["eu-central-1"]?.co2eGrams).toBeCloseTo(0.06666672 * 1.24 * 329.65, 6);
  });
});
