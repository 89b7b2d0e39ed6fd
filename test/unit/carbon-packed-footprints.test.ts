/**
 * The packed estimator (footprints as views on one array per batch, per-plan watts worked out
 * once) against the estimator as it was before (test/helpers/reference-estimator): every field
 * of every footprint bit-identical, on the demo's 14 months and on lines chosen to reach every
 * branch (units, storage classes, regions, fallbacks, measured utilisation, bad values, the
 * cost-ratio proxy and its negative costs).
 */
import { describe, expect, it } from "vitest";
import { generateDemoLines } from "../../collectors/demo/index";
import { type EstimateOptions, estimateLines } from "../../src/carbon/estimate";
import { footprintRecord } from "../../src/carbon/footprint-batch";
import type { CostLine, Footprint } from "../../src/model";
import { FOOTPRINT_COLUMN_KEYS, footprintRow } from "../../src/store/cost-line-columns";
import { estimateLines as referenceLines } from "../helpers/reference-estimator/estimate";

const EC2 = "Amazon Elastic Compute Cloud - Compute";
const S3 = "Amazon Simple Storage Service";
const RDS = "Amazon Relational Database Service";

// [service, usage type, unit, amount]: each a different branch of classify/plan.
const TYPES: [string, string, string, number][] = [
  [EC2, "BoxUsage:t3.micro", "Hrs", 24],
  [EC2, "BoxUsage:m5.large", "Hrs", 7.5],
  [EC2, "BoxUsage:c5n.2xlarge", "Hrs", 3.25],
  [EC2, "BoxUsage:m6g.xlarge", "Hrs", 24],
  [EC2, "SpotUsage:g4dn.xlarge", "Hrs", 10.1],
  [EC2, "SpotUsage:p3.2xlarge", "Hrs", 2],
  [EC2, "BoxUsage:zz9.huge", "Hrs", 1],
  [EC2, "BoxUsage:t3.micro", "Second", 3600],
  [EC2, "BoxUsage:t3.micro", "Bogus-Unit", 3],
  [EC2, "NatGateway-Hours", "Hrs", 24],
  [EC2, "NatGateway-Bytes", "GB", 1.7],
  ["EC2 - Other", "EBS:VolumeUsage.gp2", "GB-Mo", 3.2],
  ["EC2 - Other", "EBS:VolumeUsage.gp3", "GB-Mo", 0.8],
  ["EC2 - Other", "EBS:SnapshotUsage", "GB-Mo", 1.1],
  ["EC2 - Other", "DataTransfer-Regional-Bytes", "GB", 4],
  ["EC2 - Other", "DataTransfer-Out-Bytes", "GB", 4],
  ["EC2 - Other", "USE1-AWS-Out-Bytes", "GB", 2],
  ["EC2 - Other", "DataTransfer-In-Bytes", "Bytes", 5e9],
  [S3, "TimedStorage-ByteHrs", "GB-Mo", 33],
  [S3, "TimedStorage-SIA-ByteHrs", "GB-Mo", 12],
  [S3, "TimedStorage-ZIA-ByteHrs", "GB-Mo", 2],
  [S3, "TimedStorage-GIR-ByteHrs", "GB-Mo", 40],
  [S3, "TimedStorage-GlacierByteHrs", "GB-Mo", 120],
  [S3, "TimedStorage-GDA-ByteHrs", "GB-Mo", 500],
  [S3, "TimedStorage-INT-FA-ByteHrs", "GB-Mo", 9],
  [S3, "TimedStorage-INT-IA-ByteHrs", "GB-Mo", 9],
  [S3, "TimedStorage-ByteHrs", "ByteHrs", 3e13],
  [S3, "Requests-Tier1", "Requests", 12000],
  ["AWS Lambda", "Lambda-GB-Second", "Lambda-GB-Second", 80000],
  ["AWS Lambda", "Lambda-GB-Second-ARM", "Lambda-GB-Second", 20000],
  ["AWS Lambda", "Lambda-GB-Second", "Second", 4000],
  ["AWS Lambda", "Request", "Requests", 90000],
  ["Amazon Elastic Container Service", "Fargate-vCPU-Hours:perCPU", "hours", 12],
  ["Amazon Elastic Container Service", "Fargate-GB-Hours", "GB-Hours", 24],
  ["Amazon Elastic Container Service", "Fargate-GB-Hours", "hours", 24],
  [RDS, "Aurora:ServerlessV2Usage", "ACU-Hr", 12],
  [RDS, "Aurora:StorageUsage", "GB-Mo", 0.7],
  [RDS, "Multi-AZUsage:db.t3.medium", "Hrs", 24],
  [RDS, "RDS:Multi-AZ-GP2-Storage", "GB-Mo", 20],
  ["Amazon Elastic File System", "TimedStorage-ByteHrs", "GB-Mo", 5],
  ["Amazon EC2 Container Registry (ECR)", "TimedStorage-ByteHrs", "GB-Mo", 1.5],
  ["AWS Step Functions", "StateTransition", "StateTransitions", 40000],
  ["AmazonCloudWatch", "CW:Requests", "Requests", 5000],
  ["Tax", "Tax", "N/A", 0],
];
const REGIONS: [string, string][] = [
  ["eu-west-3", "EUW3-"],
  ["eu-west-1", "EU-"],
  ["us-east-1", ""],
  ["eu-north-1", "EUN1-"],
  ["global", "EUC1-"],
  ["", ""],
  ["xx-nowhere-9", ""],
];
const DAYS = ["2024-02-10", "2025-02-10", "2026-04-30", "2026-10-31"];

function variedLines(): CostLine[] {
  const lines: CostLine[] = [];
  let i = 0;
  for (const day of DAYS)
    for (const [region, prefix] of REGIONS)
      for (const [service, usageType, usageUnit, amount] of TYPES) {
        i++;
        lines.push({
          day,
          accountId: i % 2 ? "111111111111" : "222222222222",
          service,
          region,
          usageType: `${prefix}${usageType}`,
          pipeline: ["probes", "cameras", ""][i % 3] as string,
          unblendedCostUsd: 0.01 + (i % 97) / 50 - (i % 31 === 0 ? 3 : 0),
          amortizedCostUsd: 0.01 + (i % 97) / 50,
          usageAmount: amount * (1 + (i % 7) / 10),
          usageUnit,
          estimated: false,
          source: "demo",
        });
      }
  // Values the estimator must exclude or clamp rather than turn into NaN.
  const base = lines[0] as CostLine;
  const stepFunctions = lines.find((l) => l.service === "AWS Step Functions") as CostLine;
  lines.push({ ...base, usageAmount: Number.NaN });
  lines.push({ ...base, usageAmount: -3 });
  lines.push({ ...stepFunctions, unblendedCostUsd: Number.NaN });
  lines.push({ ...stepFunctions, unblendedCostUsd: -1, day: "2030-01-05", region: "ap-south-1" });
  return lines;
}

/** The keys of two footprints whose values differ in any bit (Object.is tells 0 from -0 and NaN from NaN). */
function differences(packed: Footprint | null, reference: Footprint | null): string[] {
  if (packed === null || reference === null) return packed === reference ? [] : ["footprint"];
  const record = footprintRecord(packed) as unknown as Record<string, unknown>;
  const ref = reference as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(record), ...Object.keys(ref)]);
  return [...keys].filter((k) => !Object.is(record[k], ref[k])).map((k) => `${k}: ${record[k]} vs ${ref[k]}`);
}

function compare(lines: CostLine[], options: EstimateOptions): string[] {
  const packed = estimateLines(lines, options);
  const reference = referenceLines(lines, options);
  expect(packed.length).toBe(reference.length);
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const d = differences(packed[i]?.footprint ?? null, reference[i]?.footprint ?? null);
    if (d.length) problems.push(`${lines[i]?.usageType} ${lines[i]?.region} ${lines[i]?.day}: ${d.join(", ")}`);
  }
  return problems;
}

// A measured utilisation for some instance types and serverless keys, not for others.
const measuredSome: EstimateOptions["utilisation"] = ({ instanceType, day }) =>
  instanceType.startsWith("t3") || instanceType === "lambda"
    ? Number(day.slice(8)) / 40
    : instanceType === "fargate"
      ? 1.7
      : undefined;

describe("packed footprints", () => {
  const lines = variedLines();
  const demo = generateDemoLines({ today: "2026-11-15" });

  for (const factorSet of ["cairn-2026", "ccf-2022"]) {
    it(`are bit-identical to the reference estimator on varied lines (${factorSet})`, () => {
      expect(compare(lines, { factorSet })).toEqual([]);
    });
    it(`are bit-identical with measured utilisation (${factorSet})`, () => {
      expect(compare(lines, { factorSet, utilisation: measuredSome })).toEqual([]);
    });
    it(`are bit-identical on the demo's 14 months (${factorSet})`, () => {
      expect(compare(demo, { factorSet })).toEqual([]);
    });
  }

  it("reach every kind of footprint in those lines", () => {
    const methods = new Set(
      estimateLines(lines, { factorSet: "cairn-2026", utilisation: measuredSome }).map((i) => i.footprint?.method),
    );
    expect([...methods].sort()).toEqual(
      ["coefficient", "cost-ratio", "default-utilisation", "excluded", "instance-table", "measured-utilisation"].sort(),
    );
  });

  it("spread through footprintRecord and footprintRow into plain objects with every column", () => {
    const [item] = estimateLines([lines[1] as CostLine], { factorSet: "cairn-2026" });
    const f = item?.footprint as Footprint;
    expect(Object.keys({ ...f })).toEqual([]);
    const record = footprintRecord(f);
    expect(Object.keys(record).sort()).toEqual([...FOOTPRINT_COLUMN_KEYS].sort());
    expect(footprintRow(f)).toEqual(record);
    expect(JSON.parse(JSON.stringify(f))).toEqual(record);
    expect(record.co2eGrams).toBeGreaterThan(0);
    expect(record.co2eGramsLow).toBeLessThanOrEqual(record.co2eGrams);
  });
});
