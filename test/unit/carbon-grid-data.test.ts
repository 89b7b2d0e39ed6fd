/**
 * Issue 17, point 4: the regenerated grid data. us-east-1 is Virginia's grid (Ember, 327.17
 * g/kWh), not the US average (384.4) the Spruce join gives it; the other regions keep Ember's
 * country figures, and AWS's 2025 PUE for the region.
 */
import { describe, expect, it } from "vitest";
import { CAIRN_2026, regionFactors } from "../../src/carbon/factor-sets";

describe("cairn-2026 grid and PUE data", () => {
  it("takes Virginia's grid for us-east-1, not the US average", () => {
    expect(CAIRN_2026.gridGPerKwhByRegion["us-east-1"]).toBe(327.17);
    expect(regionFactors(CAIRN_2026, "us-east-1")).toMatchObject({ pue: 1.15, gridGPerKwh: 327.17, fallback: null });
  });

  it("keeps Ember's figures and AWS's PUE for the demo's regions", () => {
    const of = (r: string) => [regionFactors(CAIRN_2026, r).gridGPerKwh, regionFactors(CAIRN_2026, r).pue];
    expect(of("eu-west-3")).toEqual([41.44, 1.35]);
    expect(of("eu-west-1")).toEqual([256.54, 1.1]);
    expect(of("eu-north-1")).toEqual([35.26, 1.09]);
  });
});
