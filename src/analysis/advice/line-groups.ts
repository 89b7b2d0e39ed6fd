/**
 * Cost lines of the advice window grouped by account, region and bare usage type (prefix
 * removed): what the waste detectors read when no metric says more. Pure.
 */
import { resolveRegion, splitUsageType } from "../../carbon/regions";
import { addDays } from "../../days";
import type { AdviceInput, EvidenceLines } from "./types";

export interface LineGroup {
  accountId: string;
  region: string;
  /** The usage type without its region prefix (`NatGateway-Hours`). */
  bare: string;
  /** The usage types as billed (`EUW3-NatGateway-Hours`). */
  usageTypes: Set<string>;
  costUsd: number;
  co2eGrams: number;
  usage: number;
  /** Usage by day, for trends. */
  byDay: Map<string, number>;
  days: Set<string>;
}

export function lineGroups(input: AdviceInput, windowDays: number): LineGroup[] {
  const from = addDays(input.asOf, -windowDays);
  const groups = new Map<string, LineGroup>();
  for (const { line, footprint } of input.lines) {
    if (line.day < from || line.day >= input.asOf) continue;
    const parts = splitUsageType(line.usageType);
    const region = resolveRegion(line.region, parts).region;
    const k = `${line.accountId}|${region}|${parts.bare}`;
    let g = groups.get(k);
    if (!g) {
      g = {
        accountId: line.accountId,
        region,
        bare: parts.bare,
        usageTypes: new Set(),
        costUsd: 0,
        co2eGrams: 0,
        usage: 0,
        byDay: new Map(),
        days: new Set(),
      };
      groups.set(k, g);
    }
    g.usageTypes.add(line.usageType);
    g.costUsd += line.unblendedCostUsd;
    g.usage += line.usageAmount;
    if (footprint) g.co2eGrams += footprint.co2eGrams + footprint.embodiedCo2eGrams;
    g.byDay.set(line.day, (g.byDay.get(line.day) ?? 0) + line.usageAmount);
    if (line.usageAmount !== 0 || line.unblendedCostUsd !== 0) g.days.add(line.day);
  }
  return [...groups.values()];
}

export function evidenceOf(g: LineGroup): EvidenceLines[] {
  const days = [...g.days].sort();
  return [...g.usageTypes].sort().map((usageType) => ({
    accountId: g.accountId,
    region: g.region,
    usageType,
    firstDay: days[0] ?? "",
    lastDay: days[days.length - 1] ?? "",
    days: days.length,
    costUsd: Math.round(g.costUsd * 100) / 100,
  }));
}

/** Groups of one account and region whose bare usage type matches. */
export function matching(groups: readonly LineGroup[], bare: RegExp, accountId?: string, region?: string): LineGroup[] {
  return groups.filter(
    (g) =>
      bare.test(g.bare) &&
      (accountId === undefined || g.accountId === accountId) &&
      (region === undefined || g.region === region),
  );
}
