import { describe, expect, it } from "vitest";
import { chargeTypeOf } from "../../src/analysis/charge-type";

describe("chargeTypeOf", () => {
  it.each([
    ["Tax", "Tax", 12, "tax"],
    ["Amazon Simple Storage Service", "Tax", 1, "tax"],
    ["AWS Lambda", "Credit", -5, "credit"],
    ["AWS Lambda", "EUW3-Lambda-GB-Second", -0.5, "credit"],
    ["Amazon Elastic Compute Cloud - Compute", "Refund", -3, "credit"],
    ["AWS Support (Business)", "Dollar", 100, "support"],
    ["Amazon Route 53", "RegistrarFee", 12, "fee"],
    ["Amazon Elastic Compute Cloud - Compute", "Purchase", 300, "fee"],
    ["EC2 - Other", "EUW3-NatGateway-Hours", 1.25, "usage"],
  ] as const)("%s / %s / %d is %s", (service, usageType, unblendedCostUsd, expected) => {
    expect(chargeTypeOf({ service, usageType, unblendedCostUsd })).toBe(expected);
  });
});
