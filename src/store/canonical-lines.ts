/**
 * Imported lines summed before this version kept FOCUS's service names; renamed to Cost
 * Explorer's vocabulary (src/aws/service-names.ts), two of them may now share a key. This
 * renames and sums them again, so a rebuilt month holds each key once. Pure.
 */
import { canonicalRegion, canonicalService } from "../aws/service-names";
import type { SummedLine } from "./imports";

export function canonicalLines(lines: readonly SummedLine[]): SummedLine[] {
  const byKey = new Map<string, SummedLine>();
  for (const line of lines) {
    const service = canonicalService({ name: line.service, usageType: line.usageType });
    const region = canonicalRegion(line.region, service);
    const key = [line.day, line.accountId, service, region, line.usageType, line.pipeline].join("\u0000");
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...line, service, region });
      continue;
    }
    seen.unblendedCostUsd += line.unblendedCostUsd;
    seen.amortizedCostUsd += line.amortizedCostUsd;
    seen.usageAmount += line.usageAmount;
  }
  return [...byKey.values()];
}
