import { describe, expect, it } from "vitest";
import { splitPeriod } from "../../src/store/read/costs";

describe("splitPeriod", () => {
  it.each([
    // from, to (exclusive), day ranges, months [from, to)
    [
      "2025-11-18",
      "2026-11-18",
      [
        ["2025-11-18", "2025-12-01"],
        ["2026-11-01", "2026-11-18"],
      ],
      ["2025-12", "2026-11"],
    ],
    ["2026-01-01", "2026-04-01", [], ["2026-01", "2026-04"]],
    ["2026-01-01", "2026-03-15", [["2026-03-01", "2026-03-15"]], ["2026-01", "2026-03"]],
    ["2026-01-10", "2026-02-01", [["2026-01-10", "2026-02-01"]], null],
    ["2026-01-10", "2026-01-20", [["2026-01-10", "2026-01-20"]], null],
    ["2026-01-10", "2026-02-20", [["2026-01-10", "2026-02-20"]], null],
    ["2025-12-31", "2026-02-01", [["2025-12-31", "2026-01-01"]], ["2026-01", "2026-02"]],
  ] as const)("%s..%s", (from, to, days, months) => {
    const split = splitPeriod({ from, to });
    expect(split.days.map((d) => [d.from, d.to])).toEqual(days);
    expect(split.months ? [split.months.from, split.months.to] : null).toEqual(months);
  });
});
