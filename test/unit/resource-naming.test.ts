/** Which names written by findings and people name a resource, and a resource's cost of ownership. */
import { describe, expect, it } from "vitest";
import { findingNamesResource, namesResource, shortResourceId } from "../../src/analysis/resource-naming";
import { resourceOwnership, upkeepNaming } from "../../src/analysis/resource-ownership";

const ARN = "arn:aws:ec2:eu-west-3:111122223333:instance/i-0c4a7e9b1d2f3a5b6";

describe("resource naming", () => {
  it("matches the id, an ARN's last segment, and nothing looser", () => {
    expect(shortResourceId(ARN)).toBe("i-0c4a7e9b1d2f3a5b6");
    expect(namesResource("i-0c4a7e9b1d2f3a5b6", ARN)).toBe(true);
    expect(namesResource(ARN, ARN)).toBe(true);
    expect(namesResource("aarc-probes", "arn:aws:rds:eu-west-3:1:cluster:aarc-probes")).toBe(true);
    expect(namesResource("5b6", ARN)).toBe(false);
    expect(namesResource("", ARN)).toBe(false);
    expect(namesResource("probes", "arn:aws:rds:eu-west-3:1:cluster:aarc-probes")).toBe(false);
  });

  it("finds a resource in a finding's evidence as a whole token only", () => {
    const f = (evidence: string[]) => ({ resource: "camera-traps", evidence });
    expect(findingNamesResource(f(["i-0c4a7e9b1d2f3a5b6 idled 18 h a day."]), ARN)).toBe(true);
    expect(findingNamesResource(f(["i-0c4a7e9b1d2f3a5b60 idled."]), ARN)).toBe(false);
    expect(findingNamesResource(f(["Nothing about it."]), ARN)).toBe(false);
    // Short ids are too common as words to be searched for in sentences.
    expect(findingNamesResource({ resource: "x", evidence: ["the web tier"] }, "arn:aws:ecs:r:1:service/a/web")).toBe(
      false,
    );
  });
});

describe("a resource's cost of ownership", () => {
  it("adds the upkeep logged against it, valued per person or at the default", () => {
    const entries = [
      { resource: "i-0c4a7e9b1d2f3a5b6", hours: 2, person: "Léa", volunteered: true },
      { resource: ARN, hours: 1, person: "Marc", volunteered: false },
      { resource: "i-0other", hours: 5, person: "Léa", volunteered: true },
    ];
    const mine = upkeepNaming(entries, ARN);
    expect(mine).toHaveLength(2);
    expect(resourceOwnership(10, mine, new Map([["Léa", 30]]), 20)).toEqual({
      cloudCostUsd: 10,
      upkeepHours: 3,
      volunteeredHours: 2,
      upkeepValueUsd: 80,
      totalUsd: 90,
    });
  });
});
