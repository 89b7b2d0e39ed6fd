/** Building cost lines for tests, with every field explicit where it matters. */
import type { CostLine } from "../../src/model";
import type { EstimatedLine } from "../../src/store/cost-lines";

export function line(overrides: Partial<CostLine> = {}): CostLine {
  return {
    day: "2026-10-01",
    accountId: "111111111111",
    service: "AWS Lambda",
    region: "eu-west-3",
    usageType: "EUW3-Lambda-GB-Second",
    pipeline: "temperatures",
    unblendedCostUsd: 1.25,
    amortizedCostUsd: 1.25,
    usageAmount: 75000,
    usageUnit: "Lambda-GB-Second",
    estimated: false,
    source: "cost-explorer",
    ...overrides,
  };
}

export function unestimated(lines: CostLine[]): EstimatedLine[] {
  return lines.map((l) => ({ line: l, footprint: null }));
}
