/** Allocation of Cost Explorer lines to pipelines, against hand-computed splits. */
import { describe, expect, it } from "vitest";
import { allocateLines, pipelineOfTagKey, split } from "../../collectors/cost-explorer/allocate";
import type { GroupRow } from "../../collectors/cost-explorer/parse";

const DAY = "2026-07-01";
const row = (k0: string, k1: string, u: number, a: number, q: number, day = DAY): GroupRow => ({
  day,
  keys: [k0, k1],
  unblendedCostUsd: u,
  amortizedCostUsd: a,
  usageAmount: q,
  usageUnit: "GB",
  estimated: true,
});

const pick = (lines: ReturnType<typeof allocateLines>) =>
  lines.map((l) => [l.service, l.usageType, l.pipeline, l.unblendedCostUsd, l.amortizedCostUsd, l.usageAmount]);

describe("allocateLines", () => {
  it("splits each metric by the pipelines' own figures of that metric", () => {
    const lines = allocateLines({
      accountId: "1",
      pipelineTag: "pipeline",
      lines: [row("S3", "EUW3-TimedStorage-ByteHrs", 8, 4, 100)],
      pipelines: [
        row("pipeline$probes", "EUW3-TimedStorage-ByteHrs", 3, 1, 10),
        row("pipeline$website", "EUW3-TimedStorage-ByteHrs", 1, 3, 30),
      ],
    });
    expect(pick(lines)).toEqual([
      ["S3", "EUW3-TimedStorage-ByteHrs", "probes", 6, 1, 25],
      ["S3", "EUW3-TimedStorage-ByteHrs", "website", 2, 3, 75],
    ]);
    expect(lines[0]).toMatchObject({
      accountId: "1",
      region: "eu-west-3",
      estimated: true,
      source: "cost-explorer",
      usageUnit: "GB",
      day: DAY,
    });
  });

  it("gives each service of a shared usage type the cell's split, keeping pipeline totals exact", () => {
    const lines = allocateLines({
      accountId: "1",
      pipelineTag: "pipeline",
      lines: [
        row("EC2 - Other", "EUW3-DataTransfer-Out-Bytes", 6, 6, 60),
        row("S3", "EUW3-DataTransfer-Out-Bytes", 2, 2, 20),
      ],
      pipelines: [
        row("pipeline$camera-traps", "EUW3-DataTransfer-Out-Bytes", 6, 6, 60),
        row("pipeline$", "EUW3-DataTransfer-Out-Bytes", 2, 2, 20),
      ],
    });
    expect(pick(lines)).toEqual([
      ["EC2 - Other", "EUW3-DataTransfer-Out-Bytes", "", 1.5, 1.5, 15],
      ["EC2 - Other", "EUW3-DataTransfer-Out-Bytes", "camera-traps", 4.5, 4.5, 45],
      ["S3", "EUW3-DataTransfer-Out-Bytes", "", 0.5, 0.5, 5],
      ["S3", "EUW3-DataTransfer-Out-Bytes", "camera-traps", 1.5, 1.5, 15],
    ]);
  });

  it("leaves a line untagged when the tag answer has nothing for its cell (another day, another usage type)", () => {
    const lines = allocateLines({
      accountId: "1",
      pipelineTag: "pipeline",
      lines: [row("Tax", "Tax", 30, 30, 0)],
      pipelines: [row("pipeline$probes", "Tax", 30, 30, 0, "2026-07-02"), row("pipeline$probes", "Other", 30, 30, 0)],
    });
    expect(pick(lines)).toEqual([["Tax", "Tax", "", 30, 30, 0]]);
    expect(lines[0]?.region).toBe("global");
  });

  it("splits free usage by usage when the costs are all zero", () => {
    const lines = allocateLines({
      accountId: "1",
      pipelineTag: "pipeline",
      lines: [row("AWS Lambda", "EUW3-Request", 0, 0, 50)],
      pipelines: [row("pipeline$a", "EUW3-Request", 0, 0, 20), row("pipeline$b", "EUW3-Request", 0, 0, 30)],
    });
    expect(pick(lines)).toEqual([
      ["AWS Lambda", "EUW3-Request", "a", 0, 0, 20],
      ["AWS Lambda", "EUW3-Request", "b", 0, 0, 30],
    ]);
  });

  it("drops a pipeline whose every share is zero", () => {
    const lines = allocateLines({
      accountId: "1",
      pipelineTag: "pipeline",
      lines: [row("S3", "U", 4, 4, 4)],
      pipelines: [row("pipeline$a", "U", 4, 4, 4), row("pipeline$b", "U", 0, 0, 0)],
    });
    expect(pick(lines)).toEqual([["S3", "U", "a", 4, 4, 4]]);
  });
});

describe("split", () => {
  it("gives the parts that add up to the value exactly", () => {
    const parts = split(0.1, [1 / 3, 1 / 3, 1 / 3]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(0.1);
  });
  it("keeps zero shares at zero", () => {
    expect(split(7, [0, 1, 0])).toEqual([0, 7, 0]);
  });
});

describe("pipelineOfTagKey", () => {
  it.each([
    ["pipeline$probes", "pipeline", "probes"],
    ["pipeline$", "pipeline", ""],
    ["team$a$b", "team", "a$b"],
    ["other$x", "pipeline", "x"],
  ])("%s with tag %s -> %j", (key, tag, expected) => {
    expect(pipelineOfTagKey(key, tag)).toBe(expected);
  });
});
