/** The region of a line from its usage type's prefix (and its service for the regionless ones). */
import { describe, expect, it } from "vitest";
import { regionOfUsageType } from "../../collectors/cost-explorer/region";

const CASES: [usageType: string, service: string, region: string][] = [
  ["EUW3-BoxUsage:t3.micro", "Amazon Elastic Compute Cloud - Compute", "eu-west-3"],
  ["EU-DataTransfer-Out-Bytes", "Amazon Simple Storage Service", "eu-west-1"],
  ["USE1-APIRequest", "AWS Cost Explorer", "us-east-1"],
  ["APN1-Lambda-GB-Second", "AWS Lambda", "ap-northeast-1"],
  ["EUC1-EUW3-AWS-Out-Bytes", "Amazon Elastic Compute Cloud - Compute", "eu-central-1"],
  ["EUN1-TimedStorage-ByteHrs", "Amazon Simple Storage Service", "eu-north-1"],
  ["BoxUsage:t2.micro", "Amazon Elastic Compute Cloud - Compute", "us-east-1"],
  ["Requests-Tier1", "Amazon Simple Notification Service", "us-east-1"],
  ["DataTransfer-Out-Bytes", "Amazon Simple Storage Service", "us-east-1"],
  ["Tax", "Tax", "global"],
  ["Tax", "", "global"],
  ["EU-DataTransfer-Out-Bytes", "Amazon CloudFront", "global"],
  ["HostedZone", "Amazon Route 53", "global"],
  ["Dollar", "AWS Support (Business)", "global"],
  ["", "Refund", "global"],
];

describe("regionOfUsageType", () => {
  for (const [usageType, service, region] of CASES) {
    it(`${usageType || "(none)"} in ${service || "(no service)"} -> ${region}`, () => {
      expect(regionOfUsageType(usageType, service)).toBe(region);
    });
  }
});
