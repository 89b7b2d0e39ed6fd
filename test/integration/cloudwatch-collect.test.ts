import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import { MAX_QUERIES_PER_REQUEST } from "../../collectors/cloudwatch/fetch";
import { estimateLines } from "../../src/carbon/estimate";
import { collectCloudWatch } from "../../src/jobs/collect-cloudwatch";
import { upsertCostLines } from "../../src/store/cost-lines";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { readMetricDays } from "../../src/store/read/metrics";
import { apiRequests, collectionRuns, costLines, footprints } from "../../src/store/schema/index";
import { readDb } from "../../src/store/store";
import {
  FAKE_ACCESS_KEY,
  FAKE_SECRET_KEY,
  type FakeCloudWatch,
  type FakeMetric,
  startFakeCloudWatch,
} from "../helpers/fake-cloudwatch";
import { line, unestimated } from "../helpers/lines";

const FROM = "2026-11-20";
const TO = "2026-11-23";
const t0 = Date.parse(`${FROM}T00:00:00Z`) / 1000;
const HOURS = 72;

/** Hourly points with a deterministic shape, the hours in `skip` missing. */
function hourly(f: (hour: number) => number, skip: number[] = []): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < HOURS; i++) if (!skip.includes(i)) out.push([t0 + i * 3600, f(i)]);
  return out;
}

const FUNCTIONS = 260; // 520 Lambda queries: more than one GetMetricData batch.

function metrics(): FakeMetric[] {
  const m: FakeMetric[] = [
    {
      region: "eu-west-3",
      namespace: "AWS/EC2",
      metricName: "CPUUtilization",
      dimensions: [{ Name: "InstanceId", Value: "i-0aaa" }],
      points: hourly((h) => (h % 24 < 8 ? 2 : 6 + (h % 5)), [30]),
    },
    // Another dimension set of the same metric: not asked for.
    {
      region: "eu-west-3",
      namespace: "AWS/EC2",
      metricName: "CPUUtilization",
      dimensions: [{ Name: "AutoScalingGroupName", Value: "asg" }],
      points: hourly(() => 50),
    },
    {
      region: "eu-west-3",
      namespace: "AWS/RDS",
      metricName: "ServerlessDatabaseCapacity",
      dimensions: [{ Name: "DBClusterIdentifier", Value: "probes" }],
      points: hourly((h) => (h % 24 >= 9 && h % 24 < 17 ? 3 : 2)),
    },
    {
      region: "eu-west-3",
      namespace: "AWS/ECS",
      metricName: "CPUUtilization",
      dimensions: [
        { Name: "ClusterName", Value: "web" },
        { Name: "ServiceName", Value: "site" },
      ],
      points: hourly((h) => 20 + (h % 3)),
    },
    {
      region: "eu-west-1",
      namespace: "AWS/S3",
      metricName: "BucketSizeBytes",
      dimensions: [
        { Name: "BucketName", Value: "archive" },
        { Name: "StorageType", Value: "StandardStorage" },
      ],
      points: [0, 1, 2].map((d) => [t0 + d * 86_400, 5e11 + d * 1e9]),
    },
  ];
  for (let i = 0; i < FUNCTIONS; i++) {
    const dims = [{ Name: "FunctionName", Value: `fn-${String(i).padStart(3, "0")}` }];
    m.push({
      region: "eu-west-3",
      namespace: "AWS/Lambda",
      metricName: "Duration",
      dimensions: dims,
      points: hourly((h) => 100 * (i + 1) + h),
    });
    m.push({
      region: "eu-west-3",
      namespace: "AWS/Lambda",
      metricName: "Invocations",
      dimensions: dims,
      points: hourly((h) => 1 + ((i + h) % 4)),
    });
  }
  return m;
}

let fake: FakeCloudWatch;
let opened: OpenedStore;
const saved: Record<string, string | undefined> = {};
const ENV = {
  AWS_ENDPOINT_URL_CLOUDWATCH: "",
  AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY,
  AWS_SECRET_ACCESS_KEY: FAKE_SECRET_KEY,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
};

beforeAll(async () => {
  fake = await startFakeCloudWatch({
    metrics: metrics(),
    listPageSize: 100,
    pointsPerPage: 24,
    cut: new Set(["AWS/ECS|CPUUtilization|web"]),
  });
  for (const [k, v] of Object.entries({ ...ENV, AWS_ENDPOINT_URL_CLOUDWATCH: fake.url })) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await fake.close();
});
beforeEach(async () => {
  opened = openSqliteStore(":memory:");
  fake.requests.length = 0;
  fake.sent.clear();
  // Spend in two regions: the regions to scan come from here. 24 t3.medium hours a day in Paris.
  const seed = ["2026-11-20", "2026-11-21", "2026-11-22"].flatMap((day) => [
    line({
      day,
      service: "Amazon Elastic Compute Cloud - Compute",
      usageType: "EUW3-BoxUsage:t3.medium",
      usageAmount: 24,
      usageUnit: "Hrs",
      unblendedCostUsd: 1.2,
      amortizedCostUsd: 1.2,
    }),
    line({
      day,
      service: "Amazon Simple Storage Service",
      region: "eu-west-1",
      usageType: "EU-TimedStorage-ByteHrs",
      usageAmount: 16,
      usageUnit: "GB-Mo",
      unblendedCostUsd: 0.4,
      amortizedCostUsd: 0.4,
    }),
  ]);
  await upsertCostLines(opened.store, unestimated(seed), "2026-11-23T00:00:00.000Z");
});
afterEach(() => opened.close());

const now = () => new Date("2026-11-23T06:00:00Z");
const deps = (maxAttempts?: number) => ({
  store: opened.store,
  cloudWatch: createCloudWatchClientFactory(maxAttempts ? { sdk: { maxAttempts } } : {}),
  now,
  estimate: (
    lines: Parameters<typeof estimateLines>[0],
    utilisation: Parameters<typeof estimateLines>[1]["utilisation"],
  ) => estimateLines(lines, { factorSet: "cairn-2026", utilisation }),
});

function expectedDaily(points: [number, number][]) {
  const byDay = new Map<string, number[]>();
  for (const [t, v] of points) {
    const day = new Date(t * 1000).toISOString().slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), v]);
  }
  return [...byDay].map(([day, vs]) => ({
    day,
    sum: vs.reduce((s, v) => s + v, 0),
    average: vs.reduce((s, v) => s + v, 0) / vs.length,
    minimum: Math.min(...vs),
    maximum: Math.max(...vs),
    samples: vs.length,
  }));
}

describe("CloudWatch collection against a local CloudWatch", () => {
  it("reads every page and batch, survives throttling, and stores what the server sent", async () => {
    fake.throttleNext(1);
    const summary = await collectCloudWatch(deps(), { from: FROM, to: TO });
    expect(summary.error).toBeNull();
    expect(summary.status).toBe("succeeded");
    expect(summary.regions).toEqual(["eu-west-1", "eu-west-3"]);
    expect(summary.regionsFrom).toBe("cost-lines");

    // Throttled once, retried by the SDK with a new signature.
    expect(fake.requests[0]?.answered).toBe("throttled");
    expect(fake.requests[1]?.attempt).toMatch(/^attempt=2/);

    const gets = fake.requests.filter((r) => r.operation === "GetMetricData" && r.answered === "ok");
    const sizes = gets.map((r) => (r.body.MetricDataQueries as unknown[]).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_QUERIES_PER_REQUEST);
    expect(sizes.filter((s) => s === MAX_QUERIES_PER_REQUEST).length).toBeGreaterThan(0);
    // Several pages per batch: 72 hourly points at 24 a page.
    expect(gets.filter((r) => r.body.NextToken).length).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => r.operation === "ListMetrics" && r.body.NextToken).length).toBeGreaterThan(0);
    expect(gets[0]?.body.StartTime).toBe(t0);

    // 2 EC2 (instance only: the ASG set is skipped) + 520 Lambda + 1 RDS + 1 ECS in Paris, 1 S3 in Ireland.
    expect(summary.series).toBe(1 + 2 * FUNCTIONS + 1 + 1 + 1);
    const rows = await readMetricDays(readDb(opened.store), { from: FROM, to: TO });
    for (const [k, points] of fake.sent) {
      const [region, namespace, metricName, dims] = k.split("|") as [string, string, string, string];
      const stored = rows.filter(
        (r) => r.region === region && r.namespace === namespace && r.metricName === metricName && r.dimensions === dims,
      );
      const expected = expectedDaily(points);
      expect(stored.map((r) => r.day)).toEqual(expected.map((e) => e.day));
      for (const [i, e] of expected.entries()) {
        const r = stored[i];
        expect(r?.sum).toBeCloseTo(e.sum, 9);
        expect(r?.average).toBeCloseTo(e.average, 9);
        expect(r?.minimum).toBe(e.minimum);
        expect(r?.maximum).toBe(e.maximum);
        expect(r?.samples).toBe(e.samples);
      }
    }
    expect(rows.length).toBe(summary.rowsWritten);

    // Hand-checked: i-0aaa on 2026-11-21 (hours 24..47, night hour 30 missing): 7 night hours at
    // 2%, then 16 hours of 6 + (h mod 5). Its type comes from the cost lines (only t3.medium ran).
    const inst = rows.find((r) => r.resourceId === "i-0aaa" && r.day === "2026-11-21");
    let day2 = 7 * 2;
    for (let h = 32; h < 48; h++) day2 += 6 + (h % 5);
    expect(inst).toMatchObject({
      samples: 23,
      minimum: 2,
      samplesAtMinimum: 7,
      instanceType: "t3.medium",
      unit: "Percent",
    });
    expect(inst?.sum).toBeCloseTo(day2, 9);

    // The cut ECS answer: its first page is stored, marked partial and named in a warning.
    const ecs = rows.filter((r) => r.namespace === "AWS/ECS");
    expect(ecs.map((r) => [r.day, r.samples, r.partial])).toEqual([["2026-11-20", 24, true]]);
    expect(summary.partialSeries).toBe(1);
    expect(summary.warnings.join("\n")).toMatch(/AWS\/ECS CPUUtilization web\/site: CloudWatch answered PartialData/);

    // Cairn's own bill: one row per answered request, metrics counted as units.
    const billed = await readDb(opened.store).select().from(apiRequests);
    expect(billed.length).toBe(fake.requests.filter((r) => r.answered === "ok").length);
    const units = billed.filter((b) => b.operation === "GetMetricData").reduce((s, b) => s + b.units, 0);
    expect(units).toBe(sizes.reduce((s, n) => s + n, 0));
    expect(summary.metricsRequested).toBe(units);
    const [run] = await readDb(opened.store)
      .select()
      .from(collectionRuns)
      .where((await import("drizzle-orm")).eq(collectionRuns.source, "cloudwatch"));
    expect(run).toMatchObject({ status: "succeeded", requests: billed.length, rowsWritten: rows.length });
    expect(run?.requestCostUsd).toBeCloseTo(billed.reduce((s, b) => s + b.units, 0) * 0.00001, 9);

    // Measured utilisation reached the estimate of the t3.medium lines.
    const fps = await readDb(opened.store)
      .select({
        day: costLines.day,
        usageType: costLines.usageType,
        method: footprints.method,
        utilisation: footprints.utilisation,
      })
      .from(costLines)
      .innerJoin(footprints, (await import("drizzle-orm")).eq(footprints.costLineId, costLines.id));
    const ec2 = fps.filter((f) => f.usageType.includes("BoxUsage")).sort((a, b) => a.day.localeCompare(b.day));
    expect(ec2.map((f) => f.method)).toEqual(["measured-utilisation", "measured-utilisation", "measured-utilisation"]);
    expect(ec2[1]?.utilisation).toBeCloseTo(day2 / 23 / 100, 9);
    expect(summary.linesReestimated).toBe(6);
  });

  it("scans the configured regions only", async () => {
    const summary = await collectCloudWatch(deps(), { from: FROM, to: TO, regions: ["eu-west-1"] });
    expect(summary.status).toBe("succeeded");
    expect(new Set(fake.requests.map((r) => r.region))).toEqual(new Set(["eu-west-1"]));
    expect(summary.series).toBe(1);
  });

  it("fails readably when throttling outlasts the retries, and writes nothing", async () => {
    fake.throttleNext(2);
    const summary = await collectCloudWatch(deps(2), { from: FROM, to: TO, regions: ["eu-west-3"] });
    fake.throttleNext(0);
    expect(summary.status).toBe("failed");
    expect(summary.errorKind).toBe("throttled");
    expect(summary.error).toMatch(
      /CloudWatch ListMetrics in eu-west-3 was throttled \(Throttling\) and still refused after 2 attempts/,
    );
    expect(await readMetricDays(readDb(opened.store), { from: FROM, to: TO })).toEqual([]);
    const [run] = await readDb(opened.store).select().from(collectionRuns);
    expect(run?.status).toBe("failed");
  });
});
