/**
 * Writes large FOCUS 1.2-shaped CSV files for memory tests and the bench: `rows` resource-level
 * hourly charges spread over `months` billing periods, summing to about `keys` distinct cost-line
 * keys per month (day x account x service x region x usage type x pipeline). Streamed to disk.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";

const HEADER = [
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "BillingCurrency",
  "BillingAccountId",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ProviderName",
  "ServiceName",
  "RegionId",
  "SubAccountId",
  "ConsumedQuantity",
  "ConsumedUnit",
  "ResourceId",
  "SkuMeter",
  "Tags",
  "x_UsageType",
  "InvoiceId",
];

const SERVICES: [string, string, string][] = [
  ["AWS Lambda", "Lambda-GB-Second", "GB-Seconds"],
  ["Amazon Elastic Compute Cloud", "BoxUsage:t3.medium", "Hrs"],
  ["Amazon Elastic Compute Cloud", "BoxUsage:g4dn.xlarge", "Hrs"],
  ["Amazon Simple Storage Service", "TimedStorage-ByteHrs", "GB-Mo"],
  ["Amazon Relational Database Service", "Aurora:ServerlessV2Usage", "ACU-Hr"],
  ["AmazonCloudWatch", "CW:MetricMonitorUsage", "Metrics"],
  ["AWS Step Functions", "StateTransition", "Transitions"],
  ["Amazon Elastic Container Service", "Fargate-vCPU-Hours:perCPU", "hours"],
];
const REGIONS: [string, string][] = [
  ["eu-west-3", "EUW3"],
  ["eu-central-1", "EUC1"],
  ["us-east-1", "USE1"],
];
const PIPELINES = ["temperatures", "camera-traps", "website", ""];

export interface BigFocusFile {
  rows: number;
  /** Billing periods, from January 2026. */
  months: number;
  /** Distinct cost-line keys per month (at least 28 x 8 x 3 x 4 x 4 = 10,752 for the day/service/region/pipeline/account mix). */
  keys: number;
}

export async function writeBigFocusFile(path: string, spec: BigFocusFile): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER.join(",")}\n`);
  const perMonth = Math.ceil(spec.rows / spec.months);
  // Keys per day; the usage-type variant multiplies the fixed mix to reach `keys`.
  const perDay = Math.max(1, Math.ceil(spec.keys / 28));
  let chunk = "";
  for (let i = 0; i < spec.rows; i++) {
    const m = Math.floor(i / perMonth);
    const month = `2026-${String(m + 1).padStart(2, "0")}`;
    const next = m + 2 > 12 ? "2027-01" : `2026-${String(m + 2).padStart(2, "0")}`;
    const j = i % perMonth;
    const k = j % (perDay * 28);
    const day = String(1 + Math.floor(k / perDay)).padStart(2, "0");
    const key = k % perDay;
    const hh = String(Math.floor(j / (perDay * 28)) % 24).padStart(2, "0");
    const [service, usage, unit] = SERVICES[key % SERVICES.length] as [string, string, string];
    const [region, prefix] = REGIONS[Math.floor(key / 8) % REGIONS.length] as [string, string];
    const pipeline = PIPELINES[Math.floor(key / 24) % PIPELINES.length] as string;
    const account = `0${Math.floor(key / 96) % 4}1111111111`;
    const variant = Math.floor(key / 384);
    const cost = ((i % 997) * 0.00037).toFixed(8);
    const tags = pipeline === "" ? "" : `"{""pipeline"": ""${pipeline}"", ""owner"": ""team-${i % 9}""}"`;
    chunk += `${cost},${cost},${cost},USD,999999999999,${month}-01T00:00:00Z,${next}-01T00:00:00Z,${month}-${day}T${hh}:00:00Z,${month}-${day}T${hh}:59:59Z,Usage,,"${usage} in ${region}, per unit",AWS,${service},${region},${account},${(i % 500) / 10},${unit},arn:aws:x:${region}:${account}:r/res-${i % 50_000},${usage},${tags},${prefix}-${usage}-v${variant},INV-1\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(chunk);
  await once(out, "finish");
}
