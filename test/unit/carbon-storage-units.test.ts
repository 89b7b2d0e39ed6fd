/**
 * Storage by class and medium, the units AWS really sends, the NAT gateway's physical estimate,
 * market-based labels and the low/high range of every footprint. Expected values worked by hand.
 */
import { describe, expect, it } from "vitest";
import { estimateLine, estimateLines } from "../../src/carbon/estimate";
import { UNIT_KINDS, type UnitKind } from "../../src/carbon/units";
import type { CostLine } from "../../src/model";
import { line } from "../helpers/lines";

const S3 = "Amazon Simple Storage Service";
const EC2 = "Amazon Elastic Compute Cloud - Compute";
const APRIL = "2026-04-02"; // 30 days: 1000 GB-Mo = 720 TB-hours
const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 6);

describe("storage by class and medium (cairn-2026)", () => {
  const tb = (usageType: string) =>
    estimateLine(line({ day: APRIL, service: S3, usageType, usageAmount: 1000, usageUnit: "GB-Mo" }), {
      factorSet: "cairn-2026",
    });

  it("S3 Standard is erasure-coded (2 bytes per byte, 1.5 to 3), with disk embodied emissions", () => {
    const f = tb("EUW3-TimedStorage-ByteHrs");
    // 720 TB-h x 0.65 Wh x 2 = 936 Wh; x PUE 1.35 (Paris) = 1.2636 kWh
    close(f.energyKwh, 1.2636);
    // low 720 x 0.65 x 1.5 x 1.35 = 0.9477; high 720 x 0.65 x 3 x 1.35 = 1.8954
    close(f.energyKwhLow, 0.9477);
    close(f.energyKwhHigh, 1.8954);
    // HDD 31,100 g / 8 TB / 35,040 h = 0.1109446 g per TB-h, x 2 copies x 720 TB-h = 159.760 g
    expect(f.embodiedCo2eGrams).toBeCloseTo(159.76, 2);
  });

  it("Deep Archive sits on cold disks: less energy per TB than Standard", () => {
    const f = tb("EUW3-TimedStorage-GDA-ByteHrs");
    // 720 TB-h x 0.2 Wh x 2 = 288 Wh x 1.35 = 0.3888 kWh
    close(f.energyKwh, 0.3888);
    // low 720 x 0.1 x 1.5 x 1.35 = 0.1458; high 720 x 0.65 x 3 x 1.35 = 1.8954
    close(f.energyKwhLow, 0.1458);
    close(f.energyKwhHigh, 1.8954);
    expect(f.energyKwh).toBeLessThan(tb("EUW3-TimedStorage-ByteHrs").energyKwh);
    expect(f.reason).toMatch(/Deep Archive: COLD-HDD/);
  });

  it("Intelligent-Tiering tiers and Glacier kinds each get their own class", () => {
    expect(tb("EUW3-TimedStorage-INT-FA-ByteHrs").reason).toMatch(/frequent access/);
    // Archive access tier: cold disks like Deep Archive
    close(tb("EUW3-TimedStorage-INT-AA-ByteHrs").energyKwh, 0.3888);
    // Glacier Instant Retrieval stays on ordinary HDD: same as Standard
    close(tb("EUW3-TimedStorage-GIR-ByteHrs").energyKwh, 1.2636);
    // One Zone: 720 x 0.65 x 1.4 x 1.35 = 0.88452
    close(tb("EUW3-TimedStorage-ZIA-ByteHrs").energyKwh, 0.88452);
  });

  it("Aurora keeps six copies exactly: no range on redundancy", () => {
    const f = estimateLine(
      line({
        day: APRIL,
        service: "Amazon Relational Database Service",
        usageType: "EUW3-Aurora:StorageUsage",
        usageAmount: 100,
        usageUnit: "GB-Mo",
      }),
      { factorSet: "cairn-2026" },
    );
    // 72 TB-h x 1.2 Wh x 6 = 518.4 Wh x 1.35 = 0.69984 kWh; SSD embodied 52,000/35,040 x 6 x 72 = 641.10 g
    close(f.energyKwh, 0.69984);
    close(f.energyKwhLow, 0.69984);
    close(f.energyKwhHigh, 0.69984);
    expect(f.embodiedCo2eGrams).toBeCloseTo(641.1, 1);
  });
});

/** A usage line that a rule accepting this unit kind classifies. */
const EXAMPLE_BY_KIND: Record<UnitKind, Partial<CostLine>> = {
  hours: { service: EC2, usageType: "EUW3-BoxUsage:m5.large" },
  seconds: { service: "AWS Lambda", usageType: "EUW3-Lambda-GB-Second" },
  "gb-month": { service: "EC2 - Other", usageType: "EUW3-EBS:VolumeUsage.gp3" },
  "gb-hours": { service: "Amazon Elastic Container Service", usageType: "EUW3-Fargate-GB-Hours" },
  "byte-hours": { service: S3, usageType: "EUW3-TimedStorage-ByteHrs" },
  gb: { service: EC2, usageType: "EUW3-DataTransfer-Out-Bytes" },
  bytes: { service: EC2, usageType: "EUW3-DataTransfer-Out-Bytes" },
  "gb-seconds": { service: "AWS Lambda", usageType: "EUW3-Lambda-GB-Second" },
  count: { service: "AWS Lambda", usageType: "EUW3-Request" },
};

describe("every unit the classifier accepts is estimated, not excluded", () => {
  for (const [unit, kind] of Object.entries(UNIT_KINDS)) {
    it(`${unit} (${kind})`, () => {
      const f = estimateLine(line({ ...EXAMPLE_BY_KIND[kind], usageAmount: 1000, usageUnit: unit }), {
        factorSet: "cairn-2026",
      });
      expect(f.method).not.toBe("excluded");
      if (kind === "count") expect(f.reason).toMatch(/covered|GB-second/);
      else expect(f.energyKwh).toBeGreaterThan(0);
    });
  }

  it("Fargate memory in GB-Hours, as AWS sends it", () => {
    const f = estimateLine(
      line({
        service: "Amazon Elastic Container Service",
        usageType: "EUW3-Fargate-GB-Hours",
        usageAmount: 100,
        usageUnit: "GB-Hours",
      }),
      { factorSet: "cairn-2026" },
    );
    // 100 GB-h x 0.392 Wh x 1.35 = 52.92 Wh
    close(f.energyKwh, 0.05292);
    expect(f.usageClass).toBe("memory");
  });

  it("Lambda duration in Second, as Cost Explorer sends it", () => {
    const f = estimateLine(
      line({ service: "AWS Lambda", usageType: "EUW3-Lambda-GB-Second", usageAmount: 3600, usageUnit: "Second" }),
      { factorSet: "ccf-2022" },
    );
    // 3600 GB-s = 1 GB-h: 1024/1769 = 0.578858 vCPU-h x 2.12 W = 1.227178 Wh, memory 0.392 Wh;
    // 1.619178 Wh x 1.135 = 1.837767 Wh
    close(f.energyKwh, 0.001837767);
  });
});

describe("NAT gateway", () => {
  it("hours are a small always-on appliance, not a cost-ratio proxy", () => {
    const f = estimateLine(
      line({ service: "EC2 - Other", usageType: "EUW3-NatGateway-Hours", usageAmount: 24, usageUnit: "Hrs" }),
      { factorSet: "ccf-2022" },
    );
    // 1 vCPU x 24 h x 2.12 W = 50.88 Wh; 2 GB x 24 h x 0.392 Wh = 18.816 Wh; 69.696 Wh x 1.135
    close(f.energyKwh, 0.07910496);
    expect(f.method).toBe("default-utilisation");
  });

  it("bytes processed count as network", () => {
    const f = estimateLine(
      line({ service: "EC2 - Other", usageType: "EUW3-NatGateway-Bytes", usageAmount: 10, usageUnit: "GB" }),
      { factorSet: "ccf-2022" },
    );
    close(f.energyKwh, 0.01135); // 10 GB x 1 Wh x 1.135
    expect(f.usageClass).toBe("network");
  });
});

describe("market-based figures are labelled", () => {
  it("0 where AWS matched the region with renewables", () => {
    const f = estimateLine(
      line({ usageType: "EUW3-BoxUsage:t3.micro", service: EC2, usageAmount: 1, usageUnit: "Hrs" }),
      {
        factorSet: "cairn-2026",
      },
    );
    expect(f.marketCo2eGrams).toBe(0);
    expect(f.reason).toMatch(/market-based 0: AWS matched the region 100% with renewables/);
  });
  it("the location figure, said so, elsewhere", () => {
    const f = estimateLine(
      line({ region: "ca-west-1", usageType: "BoxUsage:t3.micro", service: EC2, usageAmount: 1, usageUnit: "Hrs" }),
      { factorSet: "cairn-2026" },
    );
    expect(f.marketCo2eGrams).toBe(f.co2eGrams);
    expect(f.reason).toMatch(/market-based: location-based figure \(region not matched 100% with renewables/);
  });
});

describe("ranges", () => {
  it("an instance ranges over 25% to 75% utilisation and the grid's 10% spread", () => {
    const f = estimateLine(
      line({ service: EC2, usageType: "EUW3-BoxUsage:t3.micro", usageAmount: 24, usageUnit: "Hrs" }),
      {
        factorSet: "cairn-2026",
      },
    );
    // Central 0.090000072 kWh at 2.38 W per vCPU (t3: 0.645 + 0.5 x 3.47). At 25%: 1.5125 W,
    // at 75%: 3.2475 W: low 0.090000072 x 1.5125 / 2.38, high x 3.2475 / 2.38.
    close(f.energyKwhLow, (0.090000072 * 1.5125) / 2.38);
    close(f.energyKwhHigh, (0.090000072 * 3.2475) / 2.38);
    // Paris 41.44 g/kWh: low x 0.9, high x 1.1
    close(f.co2eGramsLow, ((0.090000072 * 1.5125) / 2.38) * 41.44 * 0.9);
    close(f.co2eGramsHigh, ((0.090000072 * 3.2475) / 2.38) * 41.44 * 1.1);
  });

  it("low <= central <= high on every kind of line, both sets", () => {
    const lines: CostLine[] = [
      ...Object.values(EXAMPLE_BY_KIND).map((l) => line({ ...l, usageAmount: 500, usageUnit: "Hrs" })),
      line({ service: EC2, usageType: "EUW3-SpotUsage:g4dn.xlarge", usageAmount: 5, usageUnit: "Hrs" }),
      line({
        day: APRIL,
        service: S3,
        usageType: "EUW3-TimedStorage-GDA-ByteHrs",
        usageAmount: 900,
        usageUnit: "GB-Mo",
      }),
      line({
        service: "AWS Step Functions",
        usageType: "EUW3-StateTransition",
        usageAmount: 9,
        usageUnit: "StateTransitions",
        unblendedCostUsd: 3,
      }),
      line({ service: "Tax", usageType: "Tax", usageAmount: 1, usageUnit: "N/A" }),
    ];
    for (const factorSet of ["cairn-2026", "ccf-2022"]) {
      for (const { footprint: f } of estimateLines(lines, { factorSet })) {
        if (!f) throw new Error("no footprint");
        expect(f.energyKwhLow).toBeLessThanOrEqual(f.energyKwh + 1e-12);
        expect(f.energyKwh).toBeLessThanOrEqual(f.energyKwhHigh + 1e-12);
        expect(f.co2eGramsLow).toBeLessThanOrEqual(f.co2eGrams + 1e-9);
        expect(f.co2eGrams).toBeLessThanOrEqual(f.co2eGramsHigh + 1e-9);
      }
    }
  });
});
