/**
 * Which AWS region a usage line belongs to. Cost Explorer prefixes usage types with a region
 * code (`EUW3-BoxUsage:t3.micro`, `EU-DataTransfer-Out-Bytes`); us-east-1 usually has none.
 * The line's own region wins when it is a region code; otherwise the prefix decides; a line
 * with neither (global services) is billed from us-east-1.
 */

import { USAGE_TYPE_PREFIX_REGIONS } from "../aws/usage-type-prefixes";

export { USAGE_TYPE_PREFIX_REGIONS };

const REGION_CODE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;
const PREFIX = /^([A-Z]{2,4}\d?)-/;

export interface UsageTypeParts {
  /** The usage type without its region prefixes: `BoxUsage:t3.micro`, `AWS-Out-Bytes`. */
  bare: string;
  /** Region of the first prefix, if any. */
  prefixRegion: string | null;
  prefix: string | null;
  /** Region of a second prefix (inter-region transfer: `EUW3-USE1-AWS-Out-Bytes`). */
  peerRegion: string | null;
}

export function splitUsageType(usageType: string): UsageTypeParts {
  let bare = usageType.trim();
  let prefix: string | null = null;
  let prefixRegion: string | null = null;
  let peerRegion: string | null = null;
  for (let i = 0; i < 2; i++) {
    const m = PREFIX.exec(bare);
    const region = m ? USAGE_TYPE_PREFIX_REGIONS[m[1] as string] : undefined;
    if (!m || !region) break;
    if (i === 0) {
      prefix = m[1] as string;
      prefixRegion = region;
    } else peerRegion = region;
    bare = bare.slice(m[0].length);
  }
  return { bare, prefix, prefixRegion, peerRegion };
}

export interface ResolvedRegion {
  region: string;
  /** How the region was found, for the result's reason; null when the line said so itself. */
  note: string | null;
}

export function resolveRegion(lineRegion: string, parts: UsageTypeParts): ResolvedRegion {
  const region = lineRegion.trim().toLowerCase();
  if (REGION_CODE.test(region)) return { region, note: null };
  if (parts.prefixRegion)
    return {
      region: parts.prefixRegion,
      note: `region ${parts.prefixRegion} read from usage-type prefix ${parts.prefix}`,
    };
  if (region === "" || region === "global" || region === "noregion" || region === "no region") {
    return { region: "us-east-1", note: "no region and no usage-type prefix: AWS bills it from us-east-1" };
  }
  // Not a region code we can read: kept as given, so the factor lookups name their fallback.
  return { region, note: null };
}
