import { describe, expect, it } from "vitest";
import { advise } from "../../src/analysis/advice/index";
import { regionFindings } from "../../src/analysis/advice/region";
import { dailyLines, footprint } from "../helpers/metric-days";

const asOf = "2026-11-15";
// ccf-2022: PUE 1.135 everywhere; grid 311 g/kWh in Frankfurt, 8.8 in Stockholm.
const batch = dailyLines(
  "2026-11-01",
  asOf,
  { pipeline: "batch", region: "eu-central-1", usageType: "BoxUsage:m5.large" },
  footprint(3110, 0, 10),
);
const nordic = dailyLines(
  "2026-11-01",
  asOf,
  { pipeline: "web", region: "eu-north-1", usageType: "BoxUsage:m5.large" },
  footprint(88, 0, 10),
);

describe("a pipeline that would emit much less in another region", () => {
  it("names the best region and the monthly cut; a pipeline already there gets nothing", () => {
    const found = regionFindings({ asOf, metrics: [], lines: [...batch, ...nordic] });
    expect(found.map((f) => [f.resource, f.region])).toEqual([["batch", "eu-north-1"]]);
    // 140 kWh: 43,540 g in Frankfurt, 140 x 8.8 = 1,232 g in Stockholm; cut 42,308 g x 30/14 = 90,660 g.
    expect(found[0]).toMatchObject({ monthlySavingUsd: 0, monthlySavingCo2eGrams: 90660 });
    expect(found[0]?.action).toBe("Run the pipeline batch in eu-north-1: it would emit 97.2% less.");
  });

  it("sorts all findings by money saved, then CO2e", () => {
    const found = advise({ asOf, metrics: [], lines: [...batch, ...nordic] });
    expect(found.map((f) => f.kind)).toEqual(["region-move"]);
  });
});
