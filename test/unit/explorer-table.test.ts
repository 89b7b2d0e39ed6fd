import { describe, expect, it } from "vitest";
import { explorerCsv, explorerTable } from "../../web/pages/costs-table";

const figures = (costUsd: number, co2eGrams: number) => ({ costUsd, amortizedCostUsd: costUsd, co2eGrams, lines: 1 });

describe("explorer table and CSV", () => {
  const report = {
    rows: [
      { key: "AWS Lambda", ...figures(7.505, 1234) },
      { key: "", ...figures(2.25, 0) },
      { key: '=HYPERLINK("http://x")', ...figures(0.245, 50) },
    ],
    total: figures(10, 1284),
  };
  const table = explorerTable(report, "pipeline", { untagged: "(untagged)", total: "Total" });

  it("rounds cost to cents, share to a tenth of a percent, CO2e to the gram (not to a tenth of a kg)", () => {
    expect(table.rows.map((r) => [r.label, r.costUsd, r.sharePercent, r.co2eKg])).toEqual([
      ["AWS Lambda", 7.51, 75.1, 1.234],
      ["(untagged)", 2.25, 22.5, 0],
      ['=HYPERLINK("http://x")', 0.25, 2.5, 0.05],
    ]);
    expect(table.total).toMatchObject({ label: "Total", costUsd: 10, sharePercent: 100, co2eKg: 1.284 });
  });

  it("keeps a row of a few grams readable: 0.3 kg stays 300 g and 12 g is not 0 g", () => {
    const small = explorerTable(
      {
        rows: [
          { key: "a", ...figures(1, 312.4) },
          { key: "b", ...figures(1, 12.2) },
        ],
        total: figures(2, 324.6),
      },
      "service",
      { untagged: "-", total: "T" },
    );
    expect(small.rows.map((r) => r.co2eKg)).toEqual([0.312, 0.012]);
  });

  it("writes the same rows with a total, neutralising formula-like cells", () => {
    expect(explorerCsv(table)).toBe(
      [
        "pipeline,cost_usd,share_percent,co2e_kg",
        "AWS Lambda,7.51,75.1,1.234",
        "(untagged),2.25,22.5,0.000",
        `"'=HYPERLINK(""http://x"")",0.25,2.5,0.050`,
        "Total,10.00,100.0,1.284",
        "",
      ].join("\r\n"),
    );
  });

  it("gives a zero share when the total is zero", () => {
    const empty = explorerTable({ rows: [{ key: "x", ...figures(0, 0) }], total: figures(0, 0) }, "service", {
      untagged: "-",
      total: "T",
    });
    expect(empty.rows[0]?.sharePercent).toBe(0);
  });
});
