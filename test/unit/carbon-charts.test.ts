/** The carbon chart definitions: pure data, hand-computed expectations. */
import { describe, expect, it } from "vitest";
import {
  carbonByKeyChart,
  carbonMonthlyChart,
  monthsEndingAt,
  regionWhatIfChart,
  shortMonthLabel,
} from "../../src/charts/carbon-charts";

const FORMAT = { kind: "co2e" as const, locale: "en-GB" };
const fig = (co2eGrams: number, marketCo2eGrams = 0, embodiedCo2eGrams = 0, energyKwh = 0) => ({
  co2eGrams,
  marketCo2eGrams,
  embodiedCo2eGrams,
  energyKwh,
});

describe("monthsEndingAt", () => {
  it.each([
    ["2026-11", 3, ["2026-09", "2026-10", "2026-11"]],
    ["2026-02", 4, ["2025-11", "2025-12", "2026-01", "2026-02"]],
    ["2026-01", 1, ["2026-01"]],
  ])("%s, %i months", (last, count, expected) => {
    expect(monthsEndingAt(last, count)).toEqual(expected);
  });
  it("gives 13 months from the same month a year before", () => {
    const months = monthsEndingAt("2026-11", 13);
    expect(months).toHaveLength(13);
    expect(months[0]).toBe("2025-11");
  });
});

describe("shortMonthLabel", () => {
  it.each([
    ["2026-11", "en-GB", "Nov 2026"],
    ["2026-02", "fr-FR", "févr. 2026"],
  ])("%s in %s", (month, tag, expected) => {
    expect(shortMonthLabel(month, tag)).toBe(expected);
  });
});

describe("carbonMonthlyChart", () => {
  const chart = carbonMonthlyChart(
    [
      { month: "2026-10", ...fig(1234.4, 10.6, 99.5) },
      { month: "2026-09", ...fig(0.4, 0, 2) },
    ],
    ["2026-08", "2026-09", "2026-10"],
    FORMAT,
    { location: "Loc", market: "Mkt", embodied: "Emb" },
  );
  it("keeps location, market and embodied as three side-by-side series, in grams, zero where no data", () => {
    expect(chart.type).toBe("bar");
    expect(chart.options.stacked).toBeUndefined();
    expect(chart.data.labels).toEqual(["Aug 2026", "Sept 2026", "Oct 2026"]);
    expect(chart.data.datasets.map((d) => d.label)).toEqual(["Loc", "Mkt", "Emb"]);
    expect(chart.data.datasets.map((d) => d.data)).toEqual([
      [0, 0, 1234],
      [0, 0, 11],
      [0, 2, 100],
    ]);
    expect(chart.cairn).toEqual(FORMAT);
  });
  it("is plain JSON (no functions), so it can travel to the browser or a server canvas", () => {
    expect(JSON.parse(JSON.stringify(chart))).toEqual(chart);
  });
});

describe("carbonByKeyChart", () => {
  const labels = { location: "Loc", market: "Mkt", other: "Other", untagged: "(untagged)" };
  it("sorts by location-based CO2e, names the untagged key and keeps market beside it", () => {
    const chart = carbonByKeyChart(
      [
        { key: "a", ...fig(10, 1) },
        { key: "", ...fig(30, 0) },
        { key: "b", ...fig(20, 20) },
      ],
      FORMAT,
      labels,
    );
    expect(chart.options.horizontal).toBe(true);
    expect(chart.data.labels).toEqual(["(untagged)", "b", "a"]);
    expect(chart.data.datasets[0]?.data).toEqual([30, 20, 10]);
    expect(chart.data.datasets[1]?.data).toEqual([0, 20, 1]);
  });
  it("folds keys beyond maxBars - 1 into Other with their sums", () => {
    const rows = [50, 40, 30, 20, 10].map((g, i) => ({ key: `k${i}`, ...fig(g, g / 10) }));
    const chart = carbonByKeyChart(rows, FORMAT, labels, 3);
    expect(chart.data.labels).toEqual(["k0", "k1", "Other"]);
    expect(chart.data.datasets[0]?.data).toEqual([50, 40, 60]);
    expect(chart.data.datasets[1]?.data).toEqual([5, 4, 6]);
  });
  it("draws every key when they fit", () => {
    const rows = [3, 2, 1].map((g, i) => ({ key: `k${i}`, ...fig(g) }));
    expect(carbonByKeyChart(rows, FORMAT, labels, 3).data.labels).toEqual(["k0", "k1", "k2"]);
  });
});

describe("regionWhatIfChart", () => {
  it("has the current CO2e then one series per target region, per pipeline", () => {
    const chart = regionWhatIfChart(
      [
        { pipeline: "", current: fig(100), byRegion: { "eu-west-3": fig(12.6), "eu-north-1": fig(9.2) } },
        { pipeline: "camera-traps", current: fig(50), byRegion: { "eu-west-3": fig(6) } },
      ],
      ["eu-west-3", "eu-north-1"],
      FORMAT,
      { current: "Now", untagged: "(untagged)" },
    );
    expect(chart.data.labels).toEqual(["(untagged)", "camera-traps"]);
    expect(chart.data.datasets.map((d) => d.label)).toEqual(["Now", "eu-west-3", "eu-north-1"]);
    expect(chart.data.datasets.map((d) => d.data)).toEqual([
      [100, 50],
      [13, 6],
      [9, 0],
    ]);
  });
});
