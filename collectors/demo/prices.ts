/**
 * Unit prices of every usage type the demo produces, with the unit Cost Explorer reports it
 * in. Public on-demand list prices in USD (first tier, 2025) for the region the usage type's
 * prefix names; the g4dn.xlarge spot price is a fixed typical Paris value, since AWS's varies
 * by the hour. Free tiers are left out so that cost = usage x price holds on every line.
 */

/** Usage-type prefix of each region (Cost Explorer spelling: Ireland is `EU-`, N. Virginia none). */
export const DEMO_REGION_PREFIXES: Readonly<Record<string, string>> = {
  "eu-west-3": "EUW3-",
  "eu-west-1": "EU-",
  "eu-north-1": "EUN1-",
  "us-east-1": "",
};

export const SERVICES = {
  lambda: "AWS Lambda",
  stepFunctions: "AWS Step Functions",
  s3: "Amazon Simple Storage Service",
  rds: "Amazon Relational Database Service",
  ec2Compute: "Amazon Elastic Compute Cloud - Compute",
  ec2Other: "EC2 - Other",
  ecs: "Amazon Elastic Container Service",
  cloudWatch: "AmazonCloudWatch",
  ses: "Amazon Simple Email Service",
  dataTransfer: "AWS Data Transfer",
  tax: "Tax",
} as const;

export interface DemoPrice {
  service: string;
  usageType: string;
  usageUnit: string;
  unitPriceUsd: number;
}

const S = SERVICES;

export const DEMO_PRICES: readonly DemoPrice[] = [
  { service: S.lambda, usageType: "EUW3-Lambda-GB-Second", usageUnit: "Lambda-GB-Second", unitPriceUsd: 0.0000166667 },
  { service: S.lambda, usageType: "EUW3-Request", usageUnit: "Requests", unitPriceUsd: 0.0000002 },
  {
    service: S.stepFunctions,
    usageType: "EUW3-StateTransition",
    usageUnit: "StateTransitions",
    unitPriceUsd: 0.000025,
  },
  { service: S.s3, usageType: "EUW3-TimedStorage-ByteHrs", usageUnit: "GB-Mo", unitPriceUsd: 0.024 },
  { service: S.s3, usageType: "EUW3-TimedStorage-SIA-ByteHrs", usageUnit: "GB-Mo", unitPriceUsd: 0.0131 },
  { service: S.s3, usageType: "EUW3-Requests-Tier1", usageUnit: "Requests", unitPriceUsd: 0.0000053 },
  { service: S.s3, usageType: "EUW3-Requests-Tier2", usageUnit: "Requests", unitPriceUsd: 0.00000042 },
  { service: S.s3, usageType: "EUW3-EU-AWS-Out-Bytes", usageUnit: "GB", unitPriceUsd: 0.02 },
  { service: S.s3, usageType: "EU-TimedStorage-SIA-ByteHrs", usageUnit: "GB-Mo", unitPriceUsd: 0.0125 },
  { service: S.s3, usageType: "EUW3-EUN1-AWS-Out-Bytes", usageUnit: "GB", unitPriceUsd: 0.02 },
  // Glacier Flexible Retrieval in Stockholm, priced as in Ireland.
  { service: S.s3, usageType: "EUN1-TimedStorage-GlacierByteHrs", usageUnit: "GB-Mo", unitPriceUsd: 0.0036 },
  { service: S.rds, usageType: "EUW3-Aurora:ServerlessV2Usage", usageUnit: "ACU-Hr", unitPriceUsd: 0.14 },
  { service: S.rds, usageType: "EUW3-Aurora:StorageUsage", usageUnit: "GB-Mo", unitPriceUsd: 0.11 },
  { service: S.rds, usageType: "EUW3-Aurora:StorageIOUsage", usageUnit: "IOs", unitPriceUsd: 0.00000022 },
  { service: S.ec2Compute, usageType: "EUW3-SpotUsage:g4dn.xlarge", usageUnit: "Hrs", unitPriceUsd: 0.2104 },
  { service: S.ec2Compute, usageType: "EUW3-BoxUsage:t3.medium", usageUnit: "Hrs", unitPriceUsd: 0.0472 },
  { service: S.ec2Other, usageType: "EUW3-EBS:VolumeUsage.gp3", usageUnit: "GB-Mo", unitPriceUsd: 0.0928 },
  { service: S.ec2Other, usageType: "EUW3-EBS:VolumeUsage.gp2", usageUnit: "GB-Mo", unitPriceUsd: 0.116 },
  { service: S.ec2Other, usageType: "EUW3-EBS:SnapshotUsage", usageUnit: "GB-Mo", unitPriceUsd: 0.053 },
  { service: S.ec2Other, usageType: "EUW3-DataTransfer-Regional-Bytes", usageUnit: "GB", unitPriceUsd: 0.01 },
  { service: S.ec2Other, usageType: "EUW3-NatGateway-Hours", usageUnit: "Hrs", unitPriceUsd: 0.052 },
  { service: S.ec2Other, usageType: "EUW3-NatGateway-Bytes", usageUnit: "GB", unitPriceUsd: 0.052 },
  { service: S.ecs, usageType: "EUW3-Fargate-vCPU-Hours:perCPU", usageUnit: "hours", unitPriceUsd: 0.04656 },
  { service: S.ecs, usageType: "EUW3-Fargate-GB-Hours", usageUnit: "hours", unitPriceUsd: 0.00511 },
  { service: S.cloudWatch, usageType: "EUW3-CW:MetricMonitorUsage", usageUnit: "Metrics", unitPriceUsd: 0.3 },
  { service: S.cloudWatch, usageType: "EUW3-DataProcessing-Bytes", usageUnit: "GB", unitPriceUsd: 0.57 },
  { service: S.cloudWatch, usageType: "EUW3-TimedStorage-ByteHrs", usageUnit: "GB-Mo", unitPriceUsd: 0.03 },
  { service: S.cloudWatch, usageType: "CW:AlarmMonitorUsage", usageUnit: "Alarms", unitPriceUsd: 0.1 },
  { service: S.ses, usageType: "EU-Recipients", usageUnit: "Count", unitPriceUsd: 0.0001 },
  { service: S.dataTransfer, usageType: "EUW3-DataTransfer-Out-Bytes", usageUnit: "GB", unitPriceUsd: 0.09 },
];

/** VAT AWS Europe charges a French customer without a VAT number. */
export const DEMO_VAT_RATE = 0.2;
export const TAX_USAGE_TYPE = "Tax";
export const TAX_UNIT = "N/A";

const BY_KEY = new Map(DEMO_PRICES.map((p) => [`${p.service}|${p.usageType}`, p]));

/** The price of a usage type; throws on one the table lacks (a bug in the demo series). */
export function demoPrice(service: string, usageType: string): DemoPrice {
  const price = BY_KEY.get(`${service}|${usageType}`);
  if (!price) throw new Error(`demo: no price for ${service} / ${usageType}`);
  return price;
}
