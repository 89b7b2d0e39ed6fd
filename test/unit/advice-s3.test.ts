import { describe, expect, it } from "vitest";
import { s3Findings } from "../../src/analysis/advice/s3";
import { daily, dailyLines, footprint } from "../helpers/metric-days";

const asOf = "2026-11-15";
const GIB = 1024 ** 3;
const size = (bucket: string, gb: number) =>
  daily("2026-11-01", asOf, {
    namespace: "AWS/S3",
    metricName: "BucketSizeBytes",
    unit: "Bytes",
    dimensions: `BucketName=${bucket};StorageType=StandardStorage`,
    resourceId: bucket,
    average: gb * GIB,
    samples: 1,
  });
const reads = (bucket: string, perDay: number) =>
  daily("2026-11-01", asOf, {
    namespace: "AWS/S3",
    metricName: "GetRequests",
    stat: "Sum",
    unit: "Count",
    dimensions: `BucketName=${bucket};FilterId=all`,
    resourceId: bucket,
    sum: perDay,
    samples: 1,
  });
const s3 = { service: "Amazon Simple Storage Service", usageUnit: "GB-Mo" };
// Standard at $0.024 and Standard-IA at $0.0131 per GB-month in Paris.
const lines = [
  ...dailyLines(
    "2026-11-01",
    asOf,
    { ...s3, usageType: "EUW3-TimedStorage-ByteHrs", usageAmount: 10, unblendedCostUsd: 0.24 },
    footprint(1),
  ),
  ...dailyLines(
    "2026-11-01",
    asOf,
    { ...s3, usageType: "EUW3-TimedStorage-SIA-ByteHrs", usageAmount: 10, unblendedCostUsd: 0.131 },
    footprint(1),
  ),
];

describe("S3 storage that could move to a colder class", () => {
  it("sends never-read data to Glacier IR and rarely-read data to Standard-IA", () => {
    const metrics = [
      ...size("raw-archive", 500),
      ...reads("raw-archive", 0),
      ...size("gallery", 100),
      ...reads("gallery", 1), // 14 reads -> 30 a month, 0.3 per GB
      ...size("hot", 100),
      ...reads("hot", 20), // 600 a month, 6 per GB: stays
      ...size("unknown", 800), // no request metrics: left out
      ...size("tiny", 5),
      ...reads("tiny", 0),
    ];
    const found = s3Findings({ asOf, metrics, lines });
    expect(found.map((f) => [f.resource, f.action])).toEqual([
      ["raw-archive", "Move the Standard storage of raw-archive to Glacier Instant Retrieval (a lifecycle rule)."],
      ["gallery", "Move the Standard storage of gallery to Standard-IA (a lifecycle rule)."],
    ]);
    // No GIR price billed in Paris: 0.024 x 0.004/0.023 = 0.0041739; 500 x (0.024 - 0.0041739) = $9.91.
    expect(found[0]).toMatchObject({ monthlySavingUsd: 9.91, monthlySavingCo2eGrams: 0 });
    // 100 x (0.024 - 0.0131) = $1.09.
    expect(found[1]).toMatchObject({ monthlySavingUsd: 1.09, monthlySavingCo2eGrams: 0 });
  });
});
