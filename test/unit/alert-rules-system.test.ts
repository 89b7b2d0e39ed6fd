import { describe, expect, it } from "vitest";
import { newServiceAlerts } from "../../src/analysis/alert-rules/new-service";
import { requestCapAlerts } from "../../src/analysis/alert-rules/request-cap";
import { type StaleSource, staleDataAlerts } from "../../src/analysis/alert-rules/stale-data";

describe("new service rule", () => {
  const base = { from: "2026-11-12", display: "USD" as const, rates: [] };
  it.each([
    {
      name: "first seen in the window, long history",
      historyFrom: "2026-06-01",
      firstDay: "2026-11-15",
      cost: 3.2,
      alert: true,
    },
    {
      name: "first seen before the window",
      historyFrom: "2026-06-01",
      firstDay: "2026-11-11",
      cost: 3.2,
      alert: false,
    },
    {
      name: "history too short to tell (new install)",
      historyFrom: "2026-10-20",
      firstDay: "2026-11-15",
      cost: 3.2,
      alert: false,
    },
    { name: "exactly 28 days of history", historyFrom: "2026-10-18", firstDay: "2026-11-15", cost: 3.2, alert: true },
    { name: "under a cent", historyFrom: "2026-06-01", firstDay: "2026-11-15", cost: 0.004, alert: false },
    { name: "empty store", historyFrom: null, firstDay: "2026-11-15", cost: 3.2, alert: false },
  ])("$name", ({ historyFrom, firstDay, cost, alert }) => {
    const alerts = newServiceAlerts({
      ...base,
      historyFrom,
      services: [{ service: "Amazon SageMaker", firstDay, costSinceUsd: cost }],
    });
    expect(alerts.map((a) => a.key)).toEqual(alert ? ["new-service|service:Amazon SageMaker|-|first-seen"] : []);
  });
});

describe("stale data rule", () => {
  const now = new Date("2026-11-18T12:00:00Z");
  const source = (
    name: string,
    lastSuccessAt: string | null,
    firstAttemptAt: string | null = "2026-11-10T06:00:00.000Z",
  ): StaleSource => ({ source: name, lastSuccessAt, firstAttemptAt, errorKind: null, error: null });

  it.each([
    { last: "2026-11-17T01:00:00.000Z", key: null },
    { last: "2026-11-16T23:00:00.000Z", key: "stale-data|cost-explorer|2026-11-16T23:00:00.000Z|36h" },
    { last: null, key: "stale-data|cost-explorer|never|36h" },
  ])("last success $last", ({ last, key }) => {
    expect(staleDataAlerts({ sources: [source("cost-explorer", last)], now }).map((a) => a.key)).toEqual(
      key ? [key] : [],
    );
  });

  it("never succeeded: fires 36 hours after the first attempt, not before, and not without one", () => {
    const keys = (firstAttemptAt: string | null) =>
      staleDataAlerts({ sources: [source("cost-explorer", null, firstAttemptAt)], now }).map((a) => a.key);
    expect(keys(null)).toEqual([]);
    expect(keys("2026-11-17T01:00:00.000Z")).toEqual([]);
    expect(keys("2026-11-16T23:59:00.000Z")).toEqual(["stale-data|cost-explorer|never|36h"]);
  });

  it("watches every configured source: a fresh Cost Explorer does not hide a stale CloudWatch or FOCUS export", () => {
    const alerts = staleDataAlerts({
      sources: [
        source("cost-explorer", "2026-11-18T05:15:00.000Z"),
        source("cloudwatch", "2026-11-16T05:15:00.000Z"),
        source("focus", null, "2026-11-15T06:00:00.000Z"),
      ],
      now,
    });
    expect(alerts.map((a) => a.key)).toEqual([
      "stale-data|cloudwatch|2026-11-16T05:15:00.000Z|36h",
      "stale-data|focus|never|36h",
    ]);
    expect(alerts.map((a) => (a.facts.rule === "stale-data" ? a.facts.data.source : ""))).toEqual([
      "cloudwatch",
      "focus",
    ]);
  });

  it("the same stale spell keeps its key as hours pass; a new spell gets a new one", () => {
    const at = (iso: string, last: string) =>
      staleDataAlerts({ sources: [source("cost-explorer", last)], now: new Date(iso) })[0]?.key;
    const spell = "2026-11-16T06:00:00.000Z";
    expect(at("2026-11-17T20:00:00Z", spell)).toBe(at("2026-11-18T20:00:00Z", spell));
    expect(at("2026-11-21T20:00:00Z", "2026-11-19T06:00:00.000Z")).not.toBe(at("2026-11-18T20:00:00Z", spell));
  });
});

describe("request cap rule", () => {
  it.each([
    { used: 299, cap: 300, refused: false, alert: false },
    { used: 300, cap: 300, refused: false, alert: true },
    { used: 296, cap: 300, refused: true, alert: true },
  ])("$used of $cap, refused $refused", ({ used, cap, refused, alert }) => {
    const alerts = requestCapAlerts({ month: "2026-11", used, cap, refused });
    expect(alerts.map((a) => a.key)).toEqual(alert ? ["request-cap|cost-explorer|2026-11|300"] : []);
  });
});
