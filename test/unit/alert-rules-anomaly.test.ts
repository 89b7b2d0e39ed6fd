import { describe, expect, it } from "vitest";
import {
  anomalyAlerts,
  type CostSeries,
  DEFAULT_ANOMALY_SETTINGS,
  judgeDay,
} from "../../src/analysis/alert-rules/anomaly";
import type { PlannedActivity } from "../../src/analysis/alert-rules/planned";
import { mad, median } from "../../src/analysis/alert-rules/robust";
import { eachDay, weekday } from "../../src/days";
import type { Day } from "../../src/model";

/** A series from Sep 1 to Nov 30 with a cost per day, some days overridden. */
function series(
  cost: (day: Day) => number,
  overrides: Record<Day, number> = {},
  o: Partial<CostSeries> = {},
): CostSeries {
  const costs = new Map<Day, number>();
  for (const d of eachDay("2026-09-01", "2026-12-01")) costs.set(d, overrides[d] ?? cost(d));
  return { dimension: "service", value: "AWS Lambda", costs, firstDay: "2026-09-01", ...o };
}

const flat = (v: number) => () => v;
/** 100 on weekdays, 10 on Saturdays and Sundays. */
const weekly = (d: Day) => (weekday(d) === 0 || weekday(d) === 6 ? 10 : 100);

function run(s: CostSeries[], from: Day, to: Day, planned: PlannedActivity[] = []) {
  return anomalyAlerts({ from, to, series: s, planned, display: "USD", rates: [] });
}

describe("robust statistics", () => {
  it.each([
    [[3, 1, 2], 2, 1],
    [[1, 2, 3, 4], 2.5, 1],
    [[10, 10, 10, 50], 10, 0],
    [[], 0, 0],
  ])("median and MAD of %j", (values, m, d) => {
    expect(median(values)).toBe(m);
    expect(mad(values)).toBe(d);
  });
});

describe("judgeDay (weekday-aware)", () => {
  // 2026-11-14 is a Saturday, 2026-11-18 a Wednesday.
  it.each([
    { name: "a normal Wednesday", costs: series(weekly), day: "2026-11-18", expected: 100, anomalous: false },
    {
      name: "100 on a Saturday (usual is 10)",
      costs: series(weekly, { "2026-11-14": 100 }),
      day: "2026-11-14",
      expected: 10,
      anomalous: true,
    },
    {
      name: "100 on a Wednesday is usual",
      costs: series(weekly, { "2026-11-18": 100 }),
      day: "2026-11-18",
      expected: 100,
      anomalous: false,
    },
    {
      name: "a quiet Monday after the weekend",
      costs: series(weekly),
      day: "2026-11-16",
      expected: 100,
      anomalous: false,
    },
    {
      name: "x3 on a flat series",
      costs: series(flat(10), { "2026-11-18": 30 }),
      day: "2026-11-18",
      expected: 10,
      anomalous: true,
    },
    {
      name: "cents: x25 on 2 cents",
      costs: series(flat(0.02), { "2026-11-18": 0.5 }),
      day: "2026-11-18",
      expected: 0.02,
      anomalous: false,
    },
    {
      name: "+20 % is not a spike",
      costs: series(flat(100), { "2026-11-18": 120 }),
      day: "2026-11-18",
      expected: 100,
      anomalous: false,
    },
  ])("$name", ({ costs, day, expected, anomalous }) => {
    const v = judgeDay(costs.costs, day, DEFAULT_ANOMALY_SETTINGS);
    expect(v.expected).toBe(expected);
    expect(v.anomalous).toBe(anomalous);
  });

  it("noise widens the band: alternating 6/14 around 10 tolerates 20, not 60", () => {
    // Days alternate 6 and 14; same-weekday medians are 10, every residual is 4: sigma = 1.4826 x 4.
    const noisy = (d: Day) => (Number(d.slice(8)) % 2 === 0 ? 6 : 14);
    const at20 = judgeDay(series(noisy, { "2026-11-18": 20 }).costs, "2026-11-18", DEFAULT_ANOMALY_SETTINGS);
    expect(at20).toMatchObject({ expected: 10, excess: 10, anomalous: false });
    const at60 = judgeDay(series(noisy, { "2026-11-18": 60 }).costs, "2026-11-18", DEFAULT_ANOMALY_SETTINGS);
    expect(at60.anomalous).toBe(true);
  });
});

describe("anomaly rule", () => {
  it("one alert per episode, keyed by its first day, with the episode's excess", () => {
    const s = series(flat(10), { "2026-11-12": 50, "2026-11-13": 70 });
    const alerts = run([s], "2026-11-12", "2026-11-19");
    expect(alerts.map((a) => a.key)).toEqual(["anomaly|service:AWS Lambda|2026-11-12|robust"]);
    const facts = alerts[0]?.facts;
    expect(facts?.rule === "anomaly" && facts.data).toMatchObject({
      days: ["2026-11-12", "2026-11-13"],
      cost: 120,
      expected: 20,
      excess: 100,
    });
  });

  it("a later run whose window starts mid-episode keeps the same key (restated day 2 too)", () => {
    const first = run([series(flat(10), { "2026-11-12": 50 })], "2026-11-06", "2026-11-13");
    const later = run([series(flat(10), { "2026-11-12": 50, "2026-11-13": 90 })], "2026-11-13", "2026-11-20");
    expect(first.map((a) => a.key)).toEqual(later.map((a) => a.key));
  });

  it("an episode over before the window is not raised again", () => {
    expect(run([series(flat(10), { "2026-11-05": 50 })], "2026-11-12", "2026-11-19")).toEqual([]);
  });

  it.each<{ name: string; planned: PlannedActivity[]; alerts: number }>([
    { name: "no planned activity", planned: [], alerts: 1 },
    {
      name: "field campaign on everything",
      planned: [{ name: "campagne", fromDay: "2026-11-10", toDay: "2026-11-14", scopeKind: "all", scopeValue: "" }],
      alerts: 0,
    },
    {
      name: "campaign on this service",
      planned: [
        { name: "c", fromDay: "2026-11-14", toDay: "2026-11-14", scopeKind: "service", scopeValue: "AWS Lambda" },
      ],
      alerts: 0,
    },
    {
      name: "campaign on another pipeline",
      planned: [
        { name: "c", fromDay: "2026-11-01", toDay: "2026-11-30", scopeKind: "pipeline", scopeValue: "website" },
      ],
      alerts: 1,
    },
    {
      name: "campaign that ended the day before",
      planned: [{ name: "c", fromDay: "2026-11-01", toDay: "2026-11-13", scopeKind: "all", scopeValue: "" }],
      alerts: 1,
    },
  ])("planned activity: $name -> $alerts", ({ planned, alerts }) => {
    expect(run([series(flat(10), { "2026-11-14": 80 })], "2026-11-12", "2026-11-19", planned)).toHaveLength(alerts);
  });

  it("a series younger than its baseline never alerts (the new-service rule says it)", () => {
    const young = series(flat(10), { "2026-11-18": 80 }, { firstDay: "2026-11-01" });
    expect(run([young], "2026-11-12", "2026-11-19")).toEqual([]);
  });

  it("pipeline series carry their dimension in key and link", () => {
    const s = series(flat(10), { "2026-11-18": 80 }, { dimension: "pipeline", value: "camera-traps" });
    const [a] = run([s], "2026-11-12", "2026-11-19");
    expect(a?.key).toBe("anomaly|pipeline:camera-traps|2026-11-18|robust");
    expect(a?.path).toBe("/?pipeline=camera-traps");
  });

  it("minimum impact: a tenfold spike of cents stays silent, the same shape in dollars alerts", () => {
    expect(run([series(flat(0.1), { "2026-11-18": 1 })], "2026-11-12", "2026-11-19")).toEqual([]);
    expect(run([series(flat(1), { "2026-11-18": 10 })], "2026-11-12", "2026-11-19")).toHaveLength(1);
  });
});

describe("monthly charges", () => {
  it("a fee billed on the 1st of every month is not a spike; a bigger one is", () => {
    const fee = (d: Day) => (d.endsWith("-01") ? 60 : 2);
    expect(judgeDay(series(fee).costs, "2026-11-01", DEFAULT_ANOMALY_SETTINGS)).toMatchObject({
      expected: 60,
      anomalous: false,
    });
    const bigger = judgeDay(series(fee, { "2026-11-01": 200 }).costs, "2026-11-01", DEFAULT_ANOMALY_SETTINGS);
    expect(bigger).toMatchObject({ expected: 60, excess: 140, anomalous: true });
  });
});
