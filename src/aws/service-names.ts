/**
 * One vocabulary for AWS services, whatever the source. Cost Explorer's SERVICE names are the
 * vocabulary (they are what budgets, findings, filters and the carbon rules were written
 * against); FOCUS exports name services differently (`ServiceName`, and AWS's `x_ServiceCode`),
 * so an imported line is renamed here before it is stored. Without this, a month that changes
 * source would change its services' names, and a budget scoped to a service would lose its spend.
 *
 * Cost Explorer splits EC2 in two: instance hours under "Amazon Elastic Compute Cloud - Compute",
 * everything else EC2 bills (EBS, snapshots, NAT gateways, transfer, Elastic IPs) under
 * "EC2 - Other". FOCUS has one EC2 service; the usage type tells the two apart.
 * Domain data and pure functions; imports nothing, like src/model.ts.
 */

export const EC2_COMPUTE = "Amazon Elastic Compute Cloud - Compute";
export const EC2_OTHER = "EC2 - Other";
export const TAX_SERVICE = "Tax";

/** AWS service codes (`x_ServiceCode`, CUR's product code) to Cost Explorer's SERVICE names. */
export const SERVICE_BY_CODE: Readonly<Record<string, string>> = {
  AmazonEC2: EC2_COMPUTE,
  AmazonS3: "Amazon Simple Storage Service",
  AWSLambda: "AWS Lambda",
  AmazonStates: "AWS Step Functions",
  AmazonRDS: "Amazon Relational Database Service",
  AmazonECS: "Amazon Elastic Container Service",
  AmazonEKS: "Amazon Elastic Container Service for Kubernetes",
  AmazonECR: "Amazon EC2 Container Registry (ECR)",
  AmazonCloudWatch: "AmazonCloudWatch",
  AmazonSES: "Amazon Simple Email Service",
  AmazonSNS: "Amazon Simple Notification Service",
  AWSQueueService: "Amazon Simple Queue Service",
  AWSDataTransfer: "AWS Data Transfer",
  AmazonVPC: "Amazon Virtual Private Cloud",
  AWSELB: "Amazon Elastic Load Balancing",
  AmazonCloudFront: "Amazon CloudFront",
  AmazonRoute53: "Amazon Route 53",
  AmazonDynamoDB: "Amazon DynamoDB",
  AmazonEFS: "Amazon Elastic File System",
  AmazonApiGateway: "Amazon API Gateway",
  AWSSystemsManager: "AWS Systems Manager",
  AWSCloudTrail: "AWS CloudTrail",
  awskms: "AWS Key Management Service",
  AWSSecretsManager: "AWS Secrets Manager",
  AWSSecurityHub: "AWS Security Hub",
  awswaf: "AWS WAF",
  AmazonGuardDuty: "Amazon GuardDuty",
  AWSConfig: "AWS Config",
  AWSBackup: "AWS Backup",
  AWSGlue: "AWS Glue",
  AmazonAthena: "Amazon Athena",
  AmazonElastiCache: "Amazon ElastiCache",
  AmazonES: "Amazon OpenSearch Service",
  AmazonKinesis: "Amazon Kinesis",
  AmazonKinesisFirehose: "Amazon Kinesis Firehose",
  AmazonSageMaker: "Amazon SageMaker",
  AmazonCognito: "Amazon Cognito",
  AWSCostExplorer: "AWS Cost Explorer",
  AWSAmplify: "AWS Amplify",
  AmazonLightsail: "Amazon Lightsail",
  AWSSupportBusiness: "AWS Support (Business)",
  AWSSupportDeveloper: "AWS Support (Developer)",
};

/** FOCUS `ServiceName` spellings that differ from Cost Explorer's. Names not listed are the same. */
export const SERVICE_BY_FOCUS_NAME: Readonly<Record<string, string>> = {
  "Amazon Elastic Compute Cloud": EC2_COMPUTE,
  "Amazon EC2": EC2_COMPUTE,
  "Elastic Load Balancing": "Amazon Elastic Load Balancing",
  "Amazon CloudWatch": "AmazonCloudWatch",
  "Amazon Elastic Container Registry": "Amazon EC2 Container Registry (ECR)",
  "Amazon Elastic Kubernetes Service": "Amazon Elastic Container Service for Kubernetes",
  "Amazon Simple Storage Service (S3)": "Amazon Simple Storage Service",
  "AWS Step Functions (SFN)": "AWS Step Functions",
  "Amazon OpenSearch": "Amazon OpenSearch Service",
  "Amazon Elasticsearch Service": "Amazon OpenSearch Service",
  "AWS Key Management Service (KMS)": "AWS Key Management Service",
};

/** Usage types Cost Explorer puts under "Amazon Elastic Compute Cloud - Compute" (region prefix removed). */
const EC2_COMPUTE_USAGE =
  /^(BoxUsage|SpotUsage|DedicatedUsage|HostUsage|ReservedHostUsage|UnusedBox|UnusedDed|HeavyUsage|DedicatedRes|CPUCredits)\b/;

/** A charge description of instance hours ("$0.0116 per On Demand Linux t3.micro Instance Hour"). */
const EC2_COMPUTE_DESCRIPTION = /\b(instance[- ]hours?|spot instance|dedicated host)\b/i;

/** Services whose charges belong to no region: their prefixes, if any, are edge zones. */
export const GLOBAL_SERVICES: readonly RegExp[] = [
  /^Tax$/i,
  /^AWS Support/i,
  /^Amazon CloudFront$/i,
  /^Amazon Route 53$/i,
  /^AWS Marketplace/i,
];

const withoutRegionPrefix = (usageType: string) => {
  const dash = usageType.indexOf("-");
  // Prefixes are short upper-case codes (`EUW3-`, `EU-`, `USE1-`); `BoxUsage:t3` has none.
  return dash > 0 && dash <= 5 && /^[A-Z0-9]+$/.test(usageType.slice(0, dash)) ? usageType.slice(dash + 1) : usageType;
};

export interface ServiceNaming {
  /** FOCUS `ServiceName` or Cost Explorer's SERVICE; empty when the file had none. */
  name: string;
  /** AWS's `x_ServiceCode`, when the export has it. */
  code?: string | null;
  usageType: string;
  /** FOCUS `ChargeCategory` (Usage, Purchase, Tax, Credit, Adjustment), when known. */
  chargeCategory?: string | null;
}

/** The Cost Explorer name of a service, from any source's naming. Pure; idempotent. */
export function canonicalService(n: ServiceNaming): string {
  if (n.chargeCategory?.toLowerCase() === "tax") return TAX_SERVICE;
  const name = n.name.trim();
  const byName = SERVICE_BY_FOCUS_NAME[name];
  const byCode = n.code ? SERVICE_BY_CODE[n.code.trim()] : undefined;
  const canonical = byName ?? (SERVICE_BY_CODE[name] || byCode) ?? name;
  if (canonical === EC2_COMPUTE || canonical === EC2_OTHER) {
    const usage = withoutRegionPrefix(n.usageType);
    // Files without AWS's x_UsageType carry the charge description instead.
    const compute = EC2_COMPUTE_USAGE.test(usage) || EC2_COMPUTE_DESCRIPTION.test(usage);
    return compute ? EC2_COMPUTE : EC2_OTHER;
  }
  return canonical;
}

export function isGlobalService(service: string): boolean {
  return GLOBAL_SERVICES.some((re) => re.test(service));
}

/**
 * One spelling for regions: AWS region codes in lower case, and `global` for charges of global
 * services or with no region (FOCUS leaves RegionId empty there; Cost Explorer lines of those
 * services are `global` too).
 */
export function canonicalRegion(region: string | null | undefined, service: string): string {
  const r = (region ?? "").trim().toLowerCase();
  if (r === "" || isGlobalService(service)) return "global";
  return r;
}

/**
 * A service name typed by a person (a budget's scope, an explorer filter) in the stored
 * vocabulary: FOCUS spellings and service codes are accepted for Cost Explorer's names.
 */
export function canonicalServiceFilter(name: string): string {
  const n = name.trim();
  return SERVICE_BY_FOCUS_NAME[n] ?? SERVICE_BY_CODE[n] ?? n;
}
