/**
 * The demo's CloudWatch metrics, consistent with its cost lines: every resource's running hours,
 * ACU-hours, GB-seconds, invocations and stored GB are those of the matching demo series on the
 * same day (same seeded draws), shaped into hours and folded into daily rows exactly as the
 * collector folds what CloudWatch sends. Pure and deterministic, like the cost lines.
 *
 * The findings it carries (for `cairn advise` and the tuning page):
 * - the sandbox notebook (t3.medium) averages about 4% CPU: one size down;
 * - in season (June-September) the camera-trap GPU instance (g4dn.xlarge) works a few hours in
 *   the morning and idles until midnight: under 10% CPU;
 * - `probe-ingest` costs much more than a fortnight ago (a library upgrade made each invocation
 *   slower, while `probe-aggregate` moved to a nightly batch);
 * - the camera-trap bucket's Standard storage is never read outside the season;
 * - Aurora sits at its minimum capacity at night and at weekends (DEMO_AURORA_MIN_ACU): a finding
 *   appears once the minimum is above 0.5 ACU.
 */

import { addDays, daysBetween, eachDay } from "../../src/days";
import type { Day, MetricDay } from "../../src/model";
import type { SeriesPoints } from "../cloudwatch/aggregate";
import { dailyRows } from "../cloudwatch/aggregate";
import { METRIC_SPECS, type MetricSpec } from "../cloudwatch/catalog";
import { DEMO_SERIES, demoPeriod } from "./generate";
import { jitter, seededRandom } from "./prng";
import { type DemoDay, type DemoStory, demoDay, demoStory } from "./story";

export const DEMO_NOTEBOOK_INSTANCE = "i-0b5d1e2f3a4c6d7e8";
export const DEMO_GPU_INSTANCE = "i-0c4a7e9b1d2f3a5b6";
export const DEMO_AURORA_CLUSTER = "aarc-probes";
/** The cluster's configured minimum; the cost series' quiet hours run at it. */
export const DEMO_AURORA_MIN_ACU = 1;
export const DEMO_AURORA_MAX_ACU = 4;
/** Lambda memory of every demo function (GB): duration (ms) = GB-seconds / memory x 1000. */
const LAMBDA_MEMORY_GB = 0.5;
const GIB = 1024 ** 3;

const spec = (namespace: string, metricName: string, dims: number = 0): MetricSpec => {
  const found = METRIC_SPECS.filter((s) => s.namespace === namespace && s.metricName === metricName)[dims];
  if (!found) throw new Error(`no metric spec ${namespace} ${metricName}`);
  return found;
};

/** The usage a demo series shows on a day (0 when it has none), as in generate.ts. */
function seriesUsage(id: string, d: DemoDay): number {
  const series = DEMO_SERIES.find((s) => s.id === id);
  if (!series) throw new Error(`no demo series ${id}`);
  const u = series.usage(d, seededRandom(`${series.seedId ?? series.id}|${d.day}`));
  return u > 0 ? Math.round(u * 1e6) / 1e6 : 0;
}

interface Builder {
  rows: MetricDay[];
  add: (
    s: MetricSpec,
    region: string,
    dims: { Name: string; Value: string }[],
    day: Day,
    values: (number | null)[],
    instanceType?: string,
  ) => void;
}

function builder(): Builder {
  const rows: MetricDay[] = [];
  return {
    rows,
    add(s, region, dims, day, values, instanceType) {
      const start = Date.parse(`${day}T00:00:00Z`);
      const step = s.periodSeconds * 1000;
      const points = new Map<number, number>();
      values.forEach((v, i) => {
        if (v !== null) points.set(start + i * step, v);
      });
      if (points.size === 0) return;
      const series: SeriesPoints = { spec: s, region, dimensions: dims, points, partial: false };
      for (const row of dailyRows(series, day, addDays(day, 1)))
        rows.push(instanceType ? { ...row, instanceType } : row);
    },
  };
}

/** `hours` consecutive hours from `start` (capped at midnight) get a value; the others none. */
function hoursFrom(start: number, hours: number, value: (hour: number, index: number) => number): (number | null)[] {
  return Array.from({ length: 24 }, (_, h) => (h >= start && h < start + hours ? value(h, h - start) : null));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function ec2(b: Builder, d: DemoDay): void {
  const r = seededRandom(`metrics|ec2|${d.day}`);
  const notebook = Math.min(14, Math.round(seriesUsage("sbx-notebook", d)));
  if (notebook > 0) {
    // A notebook someone opens in the morning: one busy hour, the rest waiting for input.
    const busy = 1 + Math.floor(r() * Math.min(3, notebook - 1));
    b.add(
      spec("AWS/EC2", "CPUUtilization"),
      "eu-west-3",
      [{ Name: "InstanceId", Value: DEMO_NOTEBOOK_INSTANCE }],
      d.day,
      hoursFrom(8, notebook, (_h, i) => round1(i === busy ? 18 * jitter(r, 0.3) : 2.8 * jitter(r, 0.3))),
      "t3.medium",
    );
  }
  const gpu = Math.min(18, Math.round(seriesUsage("cam-gpu-spot", d)));
  if (gpu > 0) {
    // Detection runs on the morning's uploads, then the instance idles until it is stopped at midnight.
    const busy = Math.max(1, Math.round(gpu / 6));
    b.add(
      spec("AWS/EC2", "CPUUtilization"),
      "eu-west-3",
      [{ Name: "InstanceId", Value: DEMO_GPU_INSTANCE }],
      d.day,
      hoursFrom(24 - gpu, gpu, (_h, i) => round1(i < busy ? 42 * jitter(r, 0.15) : 1.8 * jitter(r, 0.2))),
      "g4dn.xlarge",
    );
  }
}

function aurora(b: Builder, d: DemoDay): void {
  const average = seriesUsage("temp-aurora-acu", d) / 24;
  if (average <= 0) return;
  const min = DEMO_AURORA_MIN_ACU;
  // Researchers query 9:00-17:00 on weekdays; at weekends only the 2:00 rollup lifts it.
  const busyHours = d.isWeekend ? [2, 3, 4] : [9, 10, 11, 12, 13, 14, 15, 16];
  const lift = average > min ? ((average - min) * 24) / busyHours.length : 0;
  const capacity = Array.from({ length: 24 }, (_, h) =>
    average <= min ? average : busyHours.includes(h) ? min + lift : min,
  );
  const dims = [{ Name: "DBClusterIdentifier", Value: DEMO_AURORA_CLUSTER }];
  b.add(spec("AWS/RDS", "ServerlessDatabaseCapacity"), "eu-west-3", dims, d.day, capacity);
  b.add(
    spec("AWS/RDS", "ACUUtilization"),
    "eu-west-3",
    dims,
    d.day,
    capacity.map((c) => (c / DEMO_AURORA_MAX_ACU) * 100),
  );
}

interface LambdaFn {
  name: string;
  gbsSeries: string;
  requestSeries: string;
  /** Shares of the series' GB-seconds and invocations; `recent` from 14 days before today on. */
  duration: number;
  recentDuration?: number;
  invocations: number;
}

const LAMBDAS: readonly LambdaFn[] = [
  {
    name: "probe-ingest",
    gbsSeries: "temp-lambda-gbs",
    requestSeries: "temp-lambda-requests",
    duration: 0.42,
    recentDuration: 0.68,
    invocations: 0.62,
  },
  {
    name: "probe-aggregate",
    gbsSeries: "temp-lambda-gbs",
    requestSeries: "temp-lambda-requests",
    duration: 0.46,
    recentDuration: 0.2,
    invocations: 0.3,
  },
  {
    name: "probe-alerts",
    gbsSeries: "temp-lambda-gbs",
    requestSeries: "temp-lambda-requests",
    duration: 0.12,
    invocations: 0.08,
  },
  {
    name: "trap-thumbnail",
    gbsSeries: "cam-lambda-gbs",
    requestSeries: "cam-lambda-requests",
    duration: 1,
    invocations: 1,
  },
  {
    name: "sbx-experiment",
    gbsSeries: "sbx-lambda-gbs",
    requestSeries: "sbx-lambda-requests",
    duration: 1,
    invocations: 1,
  },
];

/** Spreads an integer count over 24 hours, the sum unchanged. */
function spread(total: number): number[] {
  const base = Math.floor(total / 24);
  return Array.from({ length: 24 }, (_, h) => base + (h < total - base * 24 ? 1 : 0));
}

function lambda(b: Builder, d: DemoDay, today: Day): void {
  const recent = daysBetween(d.day, today) <= 14;
  for (const fn of LAMBDAS) {
    const gbs = seriesUsage(fn.gbsSeries, d) * (recent ? (fn.recentDuration ?? fn.duration) : fn.duration);
    const invocations = Math.round(seriesUsage(fn.requestSeries, d) * fn.invocations);
    if (invocations <= 0) continue;
    const dims = [{ Name: "FunctionName", Value: fn.name }];
    const ms = (gbs / LAMBDA_MEMORY_GB) * 1000;
    b.add(
      spec("AWS/Lambda", "Duration"),
      "eu-west-3",
      dims,
      d.day,
      Array.from({ length: 24 }, () => ms / 24),
    );
    b.add(spec("AWS/Lambda", "Invocations"), "eu-west-3", dims, d.day, spread(invocations));
  }
}

function ecs(b: Builder, d: DemoDay): void {
  const r = seededRandom(`metrics|ecs|${d.day}`);
  b.add(
    spec("AWS/ECS", "CPUUtilization"),
    "eu-west-3",
    [
      { Name: "ClusterName", Value: "aarc-web" },
      { Name: "ServiceName", Value: "site" },
    ],
    d.day,
    Array.from({ length: 24 }, (_, h) => round1((h >= 7 && h < 23 ? 14 : 6) * jitter(r, 0.25))),
  );
  const sorter = Math.min(24, Math.round(seriesUsage("cam-fargate-vcpu", d)));
  if (sorter > 0) {
    b.add(
      spec("AWS/ECS", "CPUUtilization"),
      "eu-west-3",
      [
        { Name: "ClusterName", Value: "aarc-traps" },
        { Name: "ServiceName", Value: "sorter" },
      ],
      d.day,
      hoursFrom(6, sorter, () => round1(65 * jitter(r, 0.15))),
    );
  }
}

interface Bucket {
  bucket: string;
  region: string;
  storageType: string;
  series: string;
}

const BUCKETS: readonly Bucket[] = [
  { bucket: "aarc-probe-raw", region: "eu-west-3", storageType: "StandardStorage", series: "temp-s3-storage" },
  {
    bucket: "aarc-probe-replica",
    region: "eu-west-1",
    storageType: "StandardIAStorage",
    series: "temp-s3-replica-ireland",
  },
  { bucket: "aarc-camera-traps", region: "eu-west-3", storageType: "StandardStorage", series: "cam-s3-standard" },
  { bucket: "aarc-camera-traps", region: "eu-west-3", storageType: "StandardIAStorage", series: "cam-s3-ia" },
  {
    bucket: "aarc-camera-archive",
    region: "eu-north-1",
    storageType: "GlacierStorage",
    series: "cam-glacier-stockholm",
  },
  { bucket: "aarc-sandbox", region: "eu-west-3", storageType: "StandardStorage", series: "sbx-s3-storage" },
];

function s3(b: Builder, d: DemoDay): void {
  for (const k of BUCKETS) {
    // The series carry GB-months per day (GB / days in the month).
    const gb = seriesUsage(k.series, d) * d.monthDays;
    if (gb <= 0) continue;
    b.add(
      spec("AWS/S3", "BucketSizeBytes"),
      k.region,
      [
        { Name: "BucketName", Value: k.bucket },
        { Name: "StorageType", Value: k.storageType },
      ],
      d.day,
      [Math.round(gb * GIB)],
    );
  }
  // Request metrics are enabled on the two production buckets only.
  const gets = spec("AWS/S3", "GetRequests");
  b.add(
    gets,
    "eu-west-3",
    [
      { Name: "BucketName", Value: "aarc-probe-raw" },
      { Name: "FilterId", Value: "EntireBucket" },
    ],
    d.day,
    [seriesUsage("temp-s3-get", d)],
  );
  // Detection reads the season's images; outside the season nobody reads the bucket.
  b.add(
    gets,
    "eu-west-3",
    [
      { Name: "BucketName", Value: "aarc-camera-traps" },
      { Name: "FilterId", Value: "EntireBucket" },
    ],
    d.day,
    [Math.round(30_000 * d.season)],
  );
}

export function demoMetricsOfDay(day: Day, today: Day, story: DemoStory): MetricDay[] {
  const d = demoDay(day, story);
  const b = builder();
  ec2(b, d);
  aurora(b, d);
  lambda(b, d, today);
  ecs(b, d);
  s3(b, d);
  return b.rows;
}

/** Every metric row of the demo period (the cost lines' days: up to yesterday). */
export function generateDemoMetrics({ today }: { today: Day }): MetricDay[] {
  const story = demoStory(today);
  const { from, to } = demoPeriod(today);
  return eachDay(from, to).flatMap((day) => demoMetricsOfDay(day, today, story));
}
