/** The cost charts' data: taxes kept apart from the daily usage chart, empty series left out. */
import { describe, expect, it } from "vitest";
import { carbonMonthlyChart } from "../../src/charts/carbon-charts";
import { withoutEmptySeries } from "../../src/charts/chart-config";
import { dailyStackedChart, splitTaxes } from "../../src/charts/cost-charts";

const FORMAT = { kind: "money" as const, locale: "en-GB", currency: "USD" };
const days = ["2026-11-01", "2026-11-02", "2026-11-03"];

describe("taxes apart from the daily usage chart", () => {
  // The demo's shape: a few dollars of usage a day, the month's VAT booked on the 1st.
  const points = [
    { day: "2026-11-01", key: "Amazon S3", costUsd: 2 },
    { day: "2026-11-02", key: "Amazon S3", costUsd: 2.5 },
    { day: "2026-11-03", key: "AWS Lambda", costUsd: 1 },
    { day: "2026-11-01", key: "Tax", costUsd: 38.4 },
  ];

  it("takes the tax series out and totals it", () => {
    const { usage, taxUsd } = splitTaxes(points);
    expect(usage.map((p) => p.key)).toEqual(["Amazon S3", "Amazon S3", "AWS Lambda"]);
    expect(taxUsd).toBeCloseTo(38.4, 9);
  });

  it("draws the usage alone, so the 1st is not a VAT tower next to days of a few dollars", () => {
    const chart = dailyStackedChart(splitTaxes(points).usage, days, FORMAT, { other: "Other" }, (v) => v);
    expect(chart.data.datasets.map((d) => d.label)).toEqual(["Amazon S3", "AWS Lambda"]);
    const dayOne = chart.data.datasets.reduce((s, d) => s + (d.data[0] ?? 0), 0);
    expect(dayOne).toBe(2);
  });

  it("with the toggle on, the tax is a series of its own", () => {
    const chart = dailyStackedChart(points, days, FORMAT, { other: "Other" }, (v) => v);
    expect(chart.data.datasets.map((d) => d.label)).toContain("Tax");
  });
});

describe("all-zero series left out of charts and legends", () => {
  it("drops a service whose days all round to zero", () => {
    const chart = dailyStackedChart(
      [
        { day: "2026-11-01", key: "Amazon S3", costUsd: 3 },
        { day: "2026-11-02", key: "AWS Config", costUsd: 0.001 },
        { day: "2026-11-03", key: "Credits", costUsd: 0 },
      ],
      days,
      FORMAT,
      { other: "Other" },
      (v) => v,
    );
    expect(chart.data.datasets.map((d) => d.label)).toEqual(["Amazon S3"]);
  });

  it("drops the market-based and embodied series of the carbon chart when they are all zero", () => {
    const chart = withoutEmptySeries(
      carbonMonthlyChart(
        [{ month: "2026-10", co2eGrams: 120, marketCo2eGrams: 0, embodiedCo2eGrams: 0.2, energyKwh: 1 }],
        ["2026-09", "2026-10"],
        { kind: "co2e", locale: "en-GB" },
        { location: "Loc", market: "Mkt", embodied: "Emb" },
      ),
    );
    expect(chart.data.datasets.map((d) => d.label)).toEqual(["Loc"]);
    // The colours stay those of the remaining series (not shifted).
    expect(chart.data.datasets[0]?.backgroundColor).toBe("#0072B2");
  });

  it("keeps a chart with nothing at all as it is (the page says there is no data)", () => {
    const chart = withoutEmptySeries({
      type: "bar",
      data: { labels: ["a"], datasets: [{ label: "x", data: [0] }] },
      options: {},
      cairn: FORMAT,
    });
    expect(chart.data.datasets).toHaveLength(1);
  });
});
