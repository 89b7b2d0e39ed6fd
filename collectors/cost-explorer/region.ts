/**
 * The region of a Cost Explorer line, read from its usage type's prefix (Cairn does not spend a
 * group-by on REGION). `EUW3-BoxUsage:t3.micro` -> eu-west-3; the legacy `EU-` prefix is
 * eu-west-1; no prefix means us-east-1 (AWS's oldest usage types carry none). Charges that have no
 * region at all (tax, support, credits without usage, CloudFront's edge zones, Route 53) are
 * `global`. Pure.
 */

import { isGlobalService } from "../../src/aws/service-names";
import { USAGE_TYPE_PREFIX_REGIONS } from "../../src/aws/usage-type-prefixes";

const PREFIXES = USAGE_TYPE_PREFIX_REGIONS;

/** Usage types that name no place (tax, fees, credits written against no usage). */
const GLOBAL_USAGE_TYPES = /^(Tax|Dollar|Credit|Refund|Fee|SupportFee|Unknown|NoUsageType)\b/i;

export const GLOBAL_REGION = "global";

export function regionOfUsageType(usageType: string, service = ""): string {
  // The same list FOCUS imports use (src/aws/service-names.ts): one vocabulary for both.
  if (isGlobalService(service)) return GLOBAL_REGION;
  const dash = usageType.indexOf("-");
  if (dash > 0) {
    const region = PREFIXES[usageType.slice(0, dash).toUpperCase()];
    if (region) return region;
  }
  if (usageType === "" || GLOBAL_USAGE_TYPES.test(usageType)) return GLOBAL_REGION;
  return "us-east-1";
}
