import { describe, expect, it } from "vitest";
import type { CostSeries } from "../../src/analysis/alert-rules/anomaly";
import { adoptKnownKeys, incidentAlerts, incidentExplorerPath } from "../../src/analysis/alert-rules/incident-alerts";
import { type CellSeries, detectIncidents, type IncidentInput } from "../../src/analysis/alert-rules/incidents";
import type { PlannedActivity } from "../../src/analysis/alert-rules/planned";
import { eachDay, weekday } from "../../src/days";
import type { Day } from "../../src/model";

interface CellSpec {
  service: string;
  pipeline: string;
  usageType: string;
  /** USD on a weekday; weekends cost `weekend` times that. */
  usd: number;
  weekend?: number;
}

const S3 = "Amazon Simple Storage Service";
const EC2 = "Amazon Elastic Compute Cloud - Compute";

/** A small association's bill: Lambda + S3 for one pipeline, EC2 + S3 for another, one untagged S3 cell. */
const BILL: CellSpec[] = [
  { service: "AWS Lambda", pipeline: "temperatures", usageType: "EUW3-Lambda-GB-Second", usd: 3, weekend: 0.8 },
  { service: "AWS Lambda", pipeline: "temperatures", usageType: "EUW3-Request", usd: 1 },
  { service: S3, pipeline: "temperatures", usageType: "EUW3-Requests-Tier1", usd: 0.5 },
  { service: S3, pipeline: "temperatures", usageType: "EUW3-TimedStorage-ByteHrs", usd: 4 },
  { service: EC2, pipeline: "website", usageType: "EUW3-BoxUsage:t3.small", usd: 10 },
  { service: S3, pipeline: "website", usageType: "EUW3-TimedStorage-ByteHrs", usd: 2 },
  { service: S3, pipeline: "", usageType: "EUW3-TimedStorage-ByteHrs", usd: 1.5 },
];

/** Deterministic noise in [-1, 1) (mulberry32). */
function noise(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  };
}

/**
 * Cells from Aug 1 to Nov 30 (cost = usd × weekend factor × (1 + jitter × noise) × the day's
 * factor), and the service and pipeline series summed from them, as the store gives them.
 */
function dataset(options: { jitter?: number; seed?: number; factor?: (cell: CellSpec, day: Day) => number } = {}): {
  cells: CellSeries[];
  series: CostSeries[];
} {
  const rnd = noise(options.seed ?? 1);
  const cells: CellSeries[] = BILL.map((spec) => {
    const costs = new Map<Day, number>();
    for (const d of eachDay("2026-08-01", "2026-12-01")) {
      const weekend = weekday(d) === 0 || weekday(d) === 6 ? (spec.weekend ?? 1) : 1;
      const jitter = 1 + (options.jitter ?? 0) * rnd();
      costs.set(d, spec.usd * weekend * jitter * (options.factor?.(spec, d) ?? 1));
    }
    return { service: spec.service, pipeline: spec.pipeline, usageType: spec.usageType, costs };
  });
  const sum = (dimension: "service" | "pipeline"): CostSeries[] => {
    const out = new Map<string, Map<Day, number>>();
    for (const c of cells) {
      const m = out.get(c[dimension]) ?? new Map<Day, number>();
      for (const [d, v] of c.costs) m.set(d, (m.get(d) ?? 0) + v);
      out.set(c[dimension], m);
    }
    return [...out].map(([value, costs]) => ({ dimension, value, costs, firstDay: "2026-08-01" }));
  };
  return { cells, series: [...sum("service"), ...sum("pipeline")] };
}

/** The demo's story: an S3-triggered Lambda writing back to its own bucket on the 12th and 13th. */
const loop = (cell: CellSpec, day: Day) =>
  day === "2026-11-12" || day === "2026-11-13"
    ? cell.usageType === "EUW3-Lambda-GB-Second"
      ? 9
      : cell.usageType === "EUW3-Request" || cell.usageType === "EUW3-Requests-Tier1"
        ? 12
        : 1
    : 1;

function input(d: ReturnType<typeof dataset>, from: Day, to: Day, planned: PlannedActivity[] = []): IncidentInput {
  return { from, to, series: d.series, cells: d.cells, planned, display: "USD", rates: [] };
}

describe("incidents: one spike, one incident", () => {
  it("the Lambda loop (seen by Lambda, S3 and the pipeline) is exactly one incident, its figures computed here", () => {
    // 2026-11-12 and 13 are a Thursday and a Friday: weekday costs, no noise, so the usual is exact.
    const found = detectIncidents(input(dataset({ factor: loop }), "2026-11-12", "2026-11-19"));
    expect(found).toHaveLength(1);
    const [incident] = found;
    // Above usual per day: GB-seconds 3 × 8 = 24, requests 1 × 11 = 11, S3 PUTs 0.5 × 11 = 5.5.
    expect(incident).toMatchObject({
      firstDay: "2026-11-12",
      lastDay: "2026-11-13",
      days: ["2026-11-12", "2026-11-13"],
      service: "AWS Lambda",
      pipeline: "temperatures",
      usageType: "EUW3-Lambda-GB-Second",
      // The pipeline saw all of it: (24 + 11 + 5.5) × 2 = 81 above its usual 8.5 × 2 = 17.
      excessUsd: 81,
      expectedUsd: 17,
      costUsd: 98,
      members: ["pipeline:temperatures", "service:AWS Lambda", `service:${S3}`],
      key: "incident|AWS Lambda/temperatures|2026-11-12|robust",
    });
    expect(incident?.drivers).toEqual([
      { service: "AWS Lambda", pipeline: "temperatures", usageType: "EUW3-Lambda-GB-Second", excessUsd: 48 },
      { service: "AWS Lambda", pipeline: "temperatures", usageType: "EUW3-Request", excessUsd: 22 },
      { service: S3, pipeline: "temperatures", usageType: "EUW3-Requests-Tier1", excessUsd: 11 },
    ]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    "noise alone (jitter ±0.25, seed %i) makes no incident over a month of days",
    (seed) => {
      const d = dataset({ jitter: 0.25, seed });
      expect(detectIncidents(input(d, "2026-11-01", "2026-12-01"))).toEqual([]);
    },
  );

  it.each([1, 2, 3, 4])("the loop inside the same noise (seed %i) is still exactly one incident", (seed) => {
    const found = detectIncidents(input(dataset({ jitter: 0.25, seed, factor: loop }), "2026-11-01", "2026-12-01"));
    expect(found.map((i) => [i.firstDay, i.lastDay, i.service, i.pipeline, i.usageType])).toEqual([
      ["2026-11-12", "2026-11-13", "AWS Lambda", "temperatures", "EUW3-Lambda-GB-Second"],
    ]);
  });

  it("two unrelated spikes on the same day are two incidents", () => {
    const both = (cell: CellSpec, day: Day) =>
      day === "2026-11-18" && ["EUW3-Lambda-GB-Second", "EUW3-BoxUsage:t3.small"].includes(cell.usageType) ? 5 : 1;
    const found = detectIncidents(input(dataset({ factor: both }), "2026-11-12", "2026-11-19"));
    expect(found.map((i) => `${i.service} / ${i.pipeline} / ${i.usageType}`).sort()).toEqual([
      "AWS Lambda / temperatures / EUW3-Lambda-GB-Second",
      `${EC2} / website / EUW3-BoxUsage:t3.small`,
    ]);
  });

  it("an untagged spike names the service and the empty pipeline", () => {
    const untagged = (cell: CellSpec, day: Day) => (day === "2026-11-18" && cell.pipeline === "" ? 6 : 1);
    const [incident, ...rest] = detectIncidents(input(dataset({ factor: untagged }), "2026-11-12", "2026-11-19"));
    expect(rest).toEqual([]);
    // 1.5 × 5 above usual.
    expect(incident).toMatchObject({
      service: S3,
      pipeline: "",
      usageType: "EUW3-TimedStorage-ByteHrs",
      excessUsd: 7.5,
    });
  });

  it("a planned campaign on the pipeline silences the spike, even as the services see it", () => {
    const campaign: PlannedActivity = {
      name: "campagne",
      fromDay: "2026-11-10",
      toDay: "2026-11-14",
      scopeKind: "pipeline",
      scopeValue: "temperatures",
    };
    expect(detectIncidents(input(dataset({ factor: loop }), "2026-11-12", "2026-11-19", [campaign]))).toEqual([]);
    // A campaign on another pipeline silences nothing.
    const elsewhere = { ...campaign, scopeValue: "website" };
    expect(detectIncidents(input(dataset({ factor: loop }), "2026-11-12", "2026-11-19", [elsewhere]))).toHaveLength(1);
  });

  it("two services spiking together in one pipeline are one incident, even with no pipeline episode", () => {
    // The pipeline series is left out (as if planned): Lambda's and S3's episodes join through `temperatures`.
    const d = dataset({ factor: loop });
    const servicesOnly = { ...d, series: d.series.filter((s) => s.dimension === "service") };
    const found = detectIncidents(input(servicesOnly, "2026-11-12", "2026-11-19"));
    expect(found.map((i) => i.members)).toEqual([["service:AWS Lambda", `service:${S3}`]]);
  });
});

describe("incidents as alerts", () => {
  it("the next run recognises the recorded incident (the spike lasted one more day): same key, so one email", () => {
    const longer = (cell: CellSpec, day: Day) => loop(cell, day === "2026-11-14" ? "2026-11-13" : day);
    const first = detectIncidents(input(dataset({ factor: loop }), "2026-11-08", "2026-11-14"));
    const recorded = first.map((i) => ({ ...i, key: "incident|recorded|2026-11-12|robust" }));
    const next = adoptKnownKeys(
      detectIncidents(input(dataset({ factor: longer }), "2026-11-09", "2026-11-16")),
      recorded,
    );
    expect(next.map((i) => [i.key, i.firstDay, i.lastDay])).toEqual([
      ["incident|recorded|2026-11-12|robust", "2026-11-12", "2026-11-14"],
    ]);
    // A spike a week later on the same pipeline is a new incident.
    const later = { ...(first[0] as (typeof first)[number]), firstDay: "2026-11-20", lastDay: "2026-11-20" };
    expect(adoptKnownKeys([later], recorded)[0]?.key).toBe(first[0]?.key);
  });

  it("the alert links to the explorer on the incident's days and usage type, amounts in the display currency", () => {
    const [alert, ...rest] = incidentAlerts({
      ...input(dataset({ factor: loop }), "2026-11-12", "2026-11-19"),
      display: "EUR",
      rates: [{ month: "2026-11", currency: "EUR", ratePerUsd: 0.9 }],
      known: [],
    });
    expect(rest).toEqual([]);
    expect(alert?.rule).toBe("incident");
    expect(alert?.path).toBe(
      "/costs?from=2026-11-12&to=2026-11-14&groupBy=service%2Cpipeline&compare=previous&usageType=EUW3-Lambda-GB-Second",
    );
    const facts = alert?.facts;
    // 81 × 0.9 and 98 × 0.9.
    expect(facts?.rule === "incident" && facts.data).toMatchObject({ currency: "EUR", excess: 72.9, cost: 88.2 });
  });

  it("without a usage type the explorer link has no usage-type filter", () => {
    const path = incidentExplorerPath({
      key: "k",
      firstDay: "2026-11-12",
      lastDay: "2026-11-12",
      days: ["2026-11-12"],
      service: "AWS Lambda",
      pipeline: "",
      usageType: null,
      costUsd: 1,
      expectedUsd: 0,
      excessUsd: 1,
      drivers: [],
      members: [],
    });
    expect(path).toBe("/costs?from=2026-11-12&to=2026-11-13&groupBy=service%2Cpipeline&compare=previous");
  });
});
