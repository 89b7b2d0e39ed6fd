/** Building metric rows and estimated lines for the advice tests, every figure explicit. */
import { eachDay } from "../../src/days";
import type { CostLine, Footprint, MetricDay } from "../../src/model";
import type { EstimatedLine } from "../../src/store/cost-lines";
import { line } from "./lines";

export function metric(overrides: Partial<MetricDay>): MetricDay {
  return {
    day: "2026-11-01",
    region: "eu-west-3",
    namespace: "AWS/EC2",
    metricName: "CPUUtilization",
    stat: "Average",
    dimensions: "InstanceId=i-1",
    resourceId: "i-1",
    instanceType: null,
    unit: "Percent",
    average: 0,
    minimum: 0,
    maximum: 0,
    sum: 0,
    samples: 24,
    samplesAtMinimum: 1,
    partial: false,
    ...overrides,
  };
}

/** One row per day of [from, to) with the same figures. */
export function daily(from: string, to: string, overrides: Partial<MetricDay>): MetricDay[] {
  return eachDay(from, to).map((day) => metric({ ...overrides, day }));
}

export function footprint(
  co2eGrams: number,
  embodiedCo2eGrams = 0,
  energyKwh = 0,
  factorSet = "ccf-2022@0.15.0",
): Footprint {
  return {
    usageClass: "compute",
    method: "default-utilisation",
    factorSet,
    energyKwh,
    cpuKwh: energyKwh,
    memoryKwh: 0,
    storageKwh: 0,
    networkKwh: 0,
    gpuKwh: 0,
    co2eGrams,
    marketCo2eGrams: co2eGrams,
    embodiedCo2eGrams,
    energyKwhLow: energyKwh,
    energyKwhHigh: energyKwh,
    co2eGramsLow: co2eGrams,
    co2eGramsHigh: co2eGrams,
    reason: "test",
    fallback: null,
    utilisation: null,
  };
}

/** One estimated line per day of [from, to). */
export function dailyLines(
  from: string,
  to: string,
  overrides: Partial<CostLine>,
  fp: Footprint | null,
): EstimatedLine[] {
  return eachDay(from, to).map((day) => ({
    line: line({ ...overrides, day, amortizedCostUsd: overrides.unblendedCostUsd ?? 1.25 }),
    footprint: fp,
  }));
}
