import { describe, expect, it } from "vitest";
import { generateDemoLines } from "../../collectors/demo/index";
import { coverageOf } from "../../src/carbon/coverage";
import { estimateLines } from "../../src/carbon/estimate";

// Issue 4's target: on the demo dataset, over 95% of the cost that is not excluded has a
// physical estimate (the rest is proxied by cost ratio and labelled so).
describe("carbon coverage of the demo dataset", () => {
  it.each(["2026-11-28", "2026-08-15", "2027-03-02"])("is over 95 percent physical on %s", (today) => {
    const items = estimateLines(generateDemoLines({ today }), { factorSet: "cairn-2026" });
    const coverage = coverageOf(items);
    expect(coverage.unestimatedCostUsd).toBe(0);
    expect(coverage.physicalShareOfIncluded).toBeGreaterThan(0.95);
    expect(coverage.proxyCostUsd).toBeGreaterThan(0);
  });
});
