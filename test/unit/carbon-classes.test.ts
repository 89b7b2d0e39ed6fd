/**
 * Every usage class, with hand-computed expectations (factor set ccf-2022: PUE 1.135 everywhere,
 * 50% utilisation, so each figure is a short product written in the comment).
 */
import { describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import type { CostLine, EstimateMethod, UsageClass } from "../../src/model";
import { line } from "../helpers/lines";

interface Case {
  name: string;
  line: Partial<CostLine>;
  usageClass: UsageClass;
  method: EstimateMethod;
  energyKwh: number;
  reason: RegExp;
}

const EC2 = "Amazon Elastic Compute Cloud - Compute";
const S3 = "Amazon Simple Storage Service";
const JAN = "2026-01-15"; // 31 days
const APR = "2026-04-10"; // 30 days

const CASES: Case[] = [
  {
    // CCF maps m5 to Skylake: 2 vCPU x 10 h x (0.65 + 0.5 x 3.61) W = 49.1 Wh; memory term:
    // (384 GB - 81.32 GB per chip) x 8/384 = 6.30583 GB x 10 h x 0.392 Wh = 24.7189 Wh;
    // 73.8189 Wh x 1.135
    name: "EC2 on-demand m5.large",
    line: { service: EC2, usageType: "EUW3-BoxUsage:m5.large", usageAmount: 10, usageUnit: "Hrs" },
    usageClass: "compute",
    method: "default-utilisation",
    energyKwh: 0.0837845,
    reason: /m5\.large/,
  },
  {
    // CPU 4 x 10 x 2.305 W = 92.2 Wh; T4 10 x (8 + 0.5 x 63) W = 395 Wh; 487.2 Wh x 1.135
    name: "EC2 spot GPU g4dn.xlarge",
    line: { service: EC2, usageType: "EUW3-SpotUsage:g4dn.xlarge", usageAmount: 10, usageUnit: "Hrs" },
    usageClass: "gpu",
    method: "default-utilisation",
    energyKwh: 0.552972,
    reason: /T4 GPU/,
  },
  {
    // 100000 GB-s x 1024/1769/3600 = 16.0794 vCPU-h x 2.12 W = 34.088 Wh; 27.78 GB-h x 0.392 Wh = 10.889 Wh
    name: "Lambda GB-seconds",
    line: {
      service: "AWS Lambda",
      usageType: "EUW3-Lambda-GB-Second",
      usageAmount: 100000,
      usageUnit: "Lambda-GB-Second",
    },
    usageClass: "serverless",
    method: "default-utilisation",
    energyKwh: 0.0510491,
    reason: /1,769 MB/,
  },
  {
    // Graviton: EPYC 2nd gen 0.47 + 0.5 x 1.22 = 1.08 W per vCPU
    name: "Lambda GB-seconds on ARM",
    line: {
      service: "AWS Lambda",
      usageType: "EUW3-Lambda-GB-Second-ARM",
      usageAmount: 100000,
      usageUnit: "Lambda-GB-Second",
    },
    usageClass: "serverless",
    method: "default-utilisation",
    energyKwh: 0.032069,
    reason: /Graviton/,
  },
  {
    name: "Lambda requests (covered by GB-seconds)",
    line: { service: "AWS Lambda", usageType: "EUW3-Request", usageAmount: 100000, usageUnit: "Requests" },
    usageClass: "serverless",
    method: "coefficient",
    energyKwh: 0,
    reason: /GB-second lines/,
  },
  {
    // 10 vCPU-h x 2.12 W = 21.2 Wh x 1.135
    name: "Fargate vCPU-hours",
    line: {
      service: "Amazon Elastic Container Service",
      usageType: "EUW3-Fargate-vCPU-Hours:perCPU",
      usageAmount: 10,
      usageUnit: "hours",
    },
    usageClass: "serverless",
    method: "default-utilisation",
    energyKwh: 0.024062,
    reason: /Fargate vCPU/,
  },
  {
    // 20 GB-h x 0.000392 kWh x 1.135: memory, never storage
    name: "Fargate GB-hours",
    line: {
      service: "Amazon Elastic Container Service",
      usageType: "EUW3-Fargate-GB-Hours",
      usageAmount: 20,
      usageUnit: "hours",
    },
    usageClass: "memory",
    method: "coefficient",
    energyKwh: 0.0088984,
    reason: /memory/,
  },
  {
    // 10 ACU-h: 2.5 vCPU-h x 2.12 W = 5.3 Wh, 20 GB-h x 0.392 Wh = 7.84 Wh; 13.14 Wh x 1.135
    name: "Aurora Serverless v2",
    line: {
      service: "Amazon Relational Database Service",
      usageType: "EUW3-Aurora:ServerlessV2Usage",
      usageAmount: 10,
      usageUnit: "ACU-Hr",
    },
    usageClass: "serverless",
    method: "default-utilisation",
    energyKwh: 0.0149139,
    reason: /ACU/,
  },
  {
    // 100 GB-Mo x 31 d: 74.4 TB-h x 1.2 Wh x 6 = 535.68 Wh x 1.135
    name: "Aurora storage",
    line: {
      day: JAN,
      service: "Amazon Relational Database Service",
      usageType: "EUW3-Aurora:StorageUsage",
      usageAmount: 100,
      usageUnit: "GB-Mo",
    },
    usageClass: "storage",
    method: "coefficient",
    energyKwh: 0.6079968,
    reason: /6 copies/,
  },
  {
    // 1000 GB-Mo x 31 d: 744 TB-h x 0.65 Wh x 6 = 2901.6 Wh x 1.135
    name: "S3 Standard",
    line: { day: JAN, service: S3, usageType: "EUW3-TimedStorage-ByteHrs", usageAmount: 1000, usageUnit: "GB-Mo" },
    usageClass: "storage",
    method: "coefficient",
    energyKwh: 3.293316,
    reason: /S3 Standard/,
  },
  {
    // One Zone: 2 copies: 744 x 0.65 x 2 = 967.2 Wh x 1.135
    name: "S3 One Zone-IA",
    line: { day: JAN, service: S3, usageType: "EUW3-TimedStorage-ZIA-ByteHrs", usageAmount: 1000, usageUnit: "GB-Mo" },
    usageClass: "storage",
    method: "coefficient",
    energyKwh: 1.097772,
    reason: /One Zone/,
  },
  {
    name: "S3 Glacier Deep Archive (HDD, 6 copies)",
    line: { day: JAN, service: S3, usageType: "EUW3-TimedStorage-GDA-ByteHrs", usageAmount: 1000, usageUnit: "GB-Mo" },
    usageClass: "storage",
    method: "coefficient",
    energyKwh: 3.293316,
    reason: /Glacier/,
  },
  {
    // 100 GB-Mo x 31 d: 74.4 TB-h x 1.2 Wh x 2 = 178.56 Wh x 1.135
    name: "EBS gp3",
    line: {
      day: JAN,
      service: "EC2 - Other",
      usageType: "EUW3-EBS:VolumeUsage.gp3",
      usageAmount: 100,
      usageUnit: "GB-Mo",
    },
    usageClass: "storage",
    method: "coefficient",
    energyKwh: 0.2026656,
    reason: /gp3/,
  },
  {
    // 30-day month: 72 TB-h x 0.65 Wh x 2 = 93.6 Wh x 1.135
    name: "EBS st1 (HDD) in a 30-day month",
    line: {
      day: APR,
      service: "EC2 - Other",
      usageType: "EUW3-EBS:VolumeUsage.st1",
      usageAmount: 100,
      usageUnit: "GB-Mo",
    },
    usageClass: "storage",
    method: "coefficient",
    energyKwh: 0.106236,
    reason: /HDD/,
  },
  {
    // 74.4 TB-h x 0.65 Wh x 3 = 145.08 Wh x 1.135
    name: "EBS snapshot",
    line: {
      day: JAN,
      service: "EC2 - Other",
      usageType: "EUW3-EBS:SnapshotUsage",
      usageAmount: 100,
      usageUnit: "GB-Mo",
    },
    usageClass: "storage",
    method: "coefficient",
    energyKwh: 0.1646658,
    reason: /snapshot/,
  },
  {
    // 50 GB x 0.001 kWh x 1.135
    name: "data transfer out",
    line: { service: EC2, usageType: "EUW3-DataTransfer-Out-Bytes", usageAmount: 50, usageUnit: "GB" },
    usageClass: "network",
    method: "coefficient",
    energyKwh: 0.05675,
    reason: /transfer out/,
  },
  {
    name: "inter-region transfer",
    line: { service: EC2, usageType: "EUW3-USE1-AWS-Out-Bytes", usageAmount: 10, usageUnit: "GB" },
    usageClass: "network",
    method: "coefficient",
    energyKwh: 0.01135,
    reason: /inter-region/,
  },
  {
    name: "data transfer in (classified, zero by convention)",
    line: { service: EC2, usageType: "EUW3-DataTransfer-In-Bytes", usageAmount: 50, usageUnit: "GB" },
    usageClass: "network",
    method: "coefficient",
    energyKwh: 0,
    reason: /inbound/,
  },
  {
    name: "tax",
    line: { service: "Tax", usageType: "Tax", region: "global", usageAmount: 0, usageUnit: "N/A" },
    usageClass: "excluded",
    method: "excluded",
    energyKwh: 0,
    reason: /tax/,
  },
  {
    name: "support",
    line: {
      service: "AWS Support (Business)",
      usageType: "Dollar",
      region: "global",
      usageAmount: 1,
      usageUnit: "N/A",
    },
    usageClass: "excluded",
    method: "excluded",
    energyKwh: 0,
    reason: /support/,
  },
  {
    name: "Savings Plan fee",
    line: {
      service: "Savings Plans for AWS Compute usage",
      usageType: "ComputeSP:1yrNoUpfront",
      usageAmount: 24,
      usageUnit: "Hrs",
    },
    usageClass: "excluded",
    method: "excluded",
    energyKwh: 0,
    reason: /Savings Plan/,
  },
  {
    name: "credit",
    line: { service: EC2, usageType: "EUW3-Credit", usageAmount: 0, usageUnit: "N/A", unblendedCostUsd: -5 },
    usageClass: "excluded",
    method: "excluded",
    energyKwh: 0,
    reason: /credit/,
  },
  {
    name: "unknown unit",
    line: { service: EC2, usageType: "EUW3-BoxUsage:m5.large", usageAmount: 10, usageUnit: "Furlongs" },
    usageClass: "excluded",
    method: "excluded",
    energyKwh: 0,
    reason: /^unknown unit "Furlongs"/,
  },
  {
    name: "non-finite usage",
    line: { service: EC2, usageType: "EUW3-BoxUsage:m5.large", usageAmount: Number.NaN, usageUnit: "Hrs" },
    usageClass: "excluded",
    method: "excluded",
    energyKwh: 0,
    reason: /not a number/,
  },
];

describe("usage classes with ccf-2022", () => {
  const results = estimateLines(
    CASES.map((c) => line({ region: "eu-west-3", ...c.line })),
    { factorSet: "ccf-2022" },
  );
  CASES.forEach((c, i) => {
    it(c.name, () => {
      const f = results[i]?.footprint;
      expect(f).not.toBeNull();
      if (!f) return;
      expect(f.usageClass).toBe(c.usageClass);
      expect(f.method).toBe(c.method);
      expect(f.energyKwh).toBeCloseTo(c.energyKwh, 6);
      expect(f.reason).toMatch(c.reason);
      expect(f.factorSet).toBe("ccf-2022@0.15.0");
      // Components sum to the total, location CO2e is energy x 51.1 g/kWh (CCF eu-west-3).
      expect(f.cpuKwh + f.memoryKwh + f.storageKwh + f.networkKwh + f.gpuKwh).toBeCloseTo(f.energyKwh, 12);
      expect(f.co2eGrams).toBeCloseTo(f.energyKwh * 51.1, 9);
      for (const v of Object.values(f)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    });
  });
});

describe("cost-ratio proxy", () => {
  // Fargate: 10 vCPU-h x 2.12 W = 0.0212 kWh IT for $0.40, embodied 10 x 0.3375 g: per USD
  // 0.053 kWh and 8.4375 g. Step Functions $0.20 -> 0.0106 kWh IT x 1.135, 1.6875 g embodied.
  const proxied = [
    ["AWS Step Functions", "EUW3-StateTransition", "StateTransitions"],
    ["AmazonCloudWatch", "EUW3-CW:Requests", "Requests"],
    ["Amazon API Gateway", "EUW3-ApiGatewayRequest", "Requests"],
    ["Amazon Simple Queue Service", "EUW3-Requests-Tier1", "Requests"],
    ["Amazon Simple Notification Service", "EUW3-Requests-Tier1", "Requests"],
    ["AWS Key Management Service", "eu-west-3-KMS-Requests", "Requests"],
    ["Amazon Simple Email Service", "EUW3-Recipients", "Count"],
    [S3, "EUW3-Requests-Tier1", "Requests"],
  ] as const;
  const lines = [
    line({
      service: "Amazon Elastic Container Service",
      usageType: "EUW3-Fargate-vCPU-Hours:perCPU",
      usageAmount: 10,
      usageUnit: "hours",
      unblendedCostUsd: 0.4,
    }),
    ...proxied.map(([service, usageType, usageUnit]) =>
      line({ service, usageType, usageUnit, usageAmount: 1000, unblendedCostUsd: 0.2 }),
    ),
  ];
  const results = estimateLines(lines, { factorSet: "ccf-2022" });
  proxied.forEach(([service], i) => {
    it(`${service} gets a labelled, non-zero proxy`, () => {
      const f = results[i + 1]?.footprint;
      expect(f?.usageClass).toBe("cost-ratio");
      expect(f?.method).toBe("cost-ratio");
      expect(f?.energyKwh).toBeCloseTo(0.012031, 6);
      expect(f?.embodiedCo2eGrams).toBeCloseTo(1.6875, 6);
      expect(f?.reason).toMatch(/per USD of classified compute in eu-west-3 in 2026-10/);
      expect(f?.fallback).toBeNull();
    });
  });

  it("takes another region's ratio, and names it, when its region has no compute", () => {
    const r = estimateLines(
      [
        lines[0] as CostLine,
        line({
          region: "eu-north-1",
          service: "AWS Step Functions",
          usageType: "EUN1-StateTransition",
          usageUnit: "Requests",
          unblendedCostUsd: 0.2,
        }),
      ],
      { factorSet: "ccf-2022" },
    );
    expect(r[1]?.footprint?.energyKwh).toBeCloseTo(0.012031, 6);
    expect(r[1]?.footprint?.fallback).toMatch(
      /no classified compute in eu-north-1 in 2026-10: ratio of all regions in 2026-10/,
    );
  });

  it("uses the set's stated default, named, when the batch has no compute at all", () => {
    const [r] = estimateLines(
      [
        line({
          service: "AWS Step Functions",
          usageType: "EUW3-StateTransition",
          usageUnit: "Requests",
          unblendedCostUsd: 2,
        }),
      ],
      {
        factorSet: "ccf-2022",
      },
    );
    // 2 USD x 0.05 kWh x 1.135
    expect(r?.footprint?.energyKwh).toBeCloseTo(0.1135, 9);
    expect(r?.footprint?.fallback).toMatch(/default 0\.05 kWh per USD/);
  });

  it("does not carry ratios from one batch to the next", () => {
    const alone = line({
      service: "AWS Step Functions",
      usageType: "EUW3-StateTransition",
      usageUnit: "Requests",
      unblendedCostUsd: 2,
    });
    estimateLines(lines, { factorSet: "ccf-2022" });
    expect(estimateLines([alone], { factorSet: "ccf-2022" })[0]?.footprint?.fallback).toMatch(
      /no classified compute in the batch/,
    );
  });
});
