/**
 * The region of a Cost Explorer line, read from its usage type's prefix (Cairn does not spend a
 * group-by on REGION). `EUW3-BoxUsage:t3.micro` -> eu-west-3; the legacy `EU-` prefix is
 * eu-west-1; no prefix means us-east-1 (AWS's oldest usage types carry none). Charges that have no
 * region at all (tax, support, credits without usage, CloudFront's edge zones, Route 53) are
 * `global`. Pure.
 */

const PREFIXES: Readonly<Record<string, string>> = {
  USE1: "us-east-1",
  USE2: "us-east-2",
  USW1: "us-west-1",
  USW2: "us-west-2",
  UGW1: "us-gov-west-1",
  UGE1: "us-gov-east-1",
  CAN1: "ca-central-1",
  CAN2: "ca-west-1",
  MXC1: "mx-central-1",
  SAE1: "sa-east-1",
  EU: "eu-west-1",
  EUW1: "eu-west-1",
  EUW2: "eu-west-2",
  EUW3: "eu-west-3",
  EUC1: "eu-central-1",
  EUC2: "eu-central-2",
  EUN1: "eu-north-1",
  EUS1: "eu-south-1",
  EUS2: "eu-south-2",
  AFS1: "af-south-1",
  MES1: "me-south-1",
  MEC1: "me-central-1",
  ILC1: "il-central-1",
  APE1: "ap-east-1",
  APE2: "ap-east-2",
  APN1: "ap-northeast-1",
  APN2: "ap-northeast-2",
  APN3: "ap-northeast-3",
  APS1: "ap-southeast-1",
  APS2: "ap-southeast-2",
  APS3: "ap-south-1",
  APS4: "ap-southeast-3",
  APS5: "ap-south-2",
  APS6: "ap-southeast-4",
  APS7: "ap-southeast-5",
  APS8: "ap-southeast-7",
  CNN1: "cn-north-1",
  CNW1: "cn-northwest-1",
};

/** Services whose charges belong to no region: their prefixes, if any, are edge zones. */
const GLOBAL_SERVICES = [/^Tax$/i, /^AWS Support/i, /^Amazon CloudFront$/i, /^Amazon Route 53$/i, /^AWS Marketplace/i];

/** Usage types that name no place (tax, fees, credits written against no usage). */
const GLOBAL_USAGE_TYPES = /^(Tax|Dollar|Credit|Refund|Fee|SupportFee|Unknown|NoUsageType)\b/i;

export const GLOBAL_REGION = "global";

export function regionOfUsageType(usageType: string, service = ""): string {
  if (GLOBAL_SERVICES.some((re) => re.test(service))) return GLOBAL_REGION;
  const dash = usageType.indexOf("-");
  if (dash > 0) {
    const region = PREFIXES[usageType.slice(0, dash).toUpperCase()];
    if (region) return region;
  }
  if (usageType === "" || GLOBAL_USAGE_TYPES.test(usageType)) return GLOBAL_REGION;
  return "us-east-1";
}
