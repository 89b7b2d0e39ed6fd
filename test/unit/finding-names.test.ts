import { describe, expect, it } from "vitest";
import { findingNames } from "../../src/analysis/advice/naming";

describe("findingNames", () => {
  it.each([
    ["i-0abc", "i-0abc", true],
    ["i-0abc", "arn:aws:ec2:eu-west-3:111122223333:instance/i-0abc", true],
    ["probe", "arn:aws:lambda:eu-west-3:111122223333:function:probe", true],
    ["probe", "arn:aws:lambda:eu-west-3:111122223333:function:probe-2", false],
    ["i-0ab", "arn:aws:ec2:eu-west-3:111122223333:instance/i-0abc", false],
    ["", "anything", false],
  ])("finding %s names %s: %s", (resource, id, expected) => {
    expect(findingNames({ resource }, id)).toBe(expected);
  });
});
