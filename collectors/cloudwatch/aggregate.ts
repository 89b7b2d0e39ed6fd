/**
 * Folds CloudWatch datapoints into daily rows (pure). Datapoints are grouped by the UTC day of
 * their timestamp; a series may arrive over several pages, so points are merged first and a
 * timestamp seen twice keeps its last value (never counted twice).
 */
import type { Day, MetricDay } from "../../src/model";
import { canonicalDimensions, type Dimension, type MetricSpec, resourceIdOf } from "./catalog";

export interface SeriesPoints {
  spec: MetricSpec;
  region: string;
  dimensions: readonly Dimension[];
  /** Epoch milliseconds -> value. */
  points: Map<number, number>;
  /** A PartialData status remained on the last page read for this series. */
  partial: boolean;
}

/** Within 1% of the day's minimum (and an absolute hair for zeros). */
function atMinimum(value: number, minimum: number): boolean {
  return value <= minimum + Math.max(Math.abs(minimum) * 0.01, 1e-9);
}

export function dailyRows(series: SeriesPoints, from: Day, to: Day): MetricDay[] {
  const byDay = new Map<Day, number[]>();
  for (const [ms, value] of series.points) {
    if (!Number.isFinite(value)) continue;
    const day = new Date(ms).toISOString().slice(0, 10);
    if (day < from || day >= to) continue;
    const list = byDay.get(day);
    if (list) list.push(value);
    else byDay.set(day, [value]);
  }
  const { spec } = series;
  const dimensions = canonicalDimensions(series.dimensions);
  const resourceId = resourceIdOf(spec, series.dimensions);
  const instanceType = series.dimensions.find((d) => d.Name === "InstanceType")?.Value ?? null;
  const rows: MetricDay[] = [];
  for (const day of [...byDay.keys()].sort()) {
    const values = byDay.get(day) as number[];
    const sum = values.reduce((s, v) => s + v, 0);
    const minimum = Math.min(...values);
    rows.push({
      day,
      region: series.region,
      namespace: spec.namespace,
      metricName: spec.metricName,
      stat: spec.stat,
      dimensions,
      resourceId,
      instanceType,
      unit: spec.unit,
      average: sum / values.length,
      minimum,
      maximum: Math.max(...values),
      sum,
      samples: values.length,
      samplesAtMinimum: values.filter((v) => atMinimum(v, minimum)).length,
      partial: series.partial,
    });
  }
  return rows;
}
