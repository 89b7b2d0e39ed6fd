/**
 * Lists the metrics of each spec (ListMetrics, every page) and reads them with GetMetricData in
 * batches of at most 500 queries, following every NextToken. A `PartialData` status with a
 * NextToken only means "more on the next page"; one left on the last page is a cut answer: the
 * series is kept, marked partial and named in the warnings, never dropped silently. Nothing
 * here writes anything; each request that reached AWS is reported to `onRequest` (billed).
 */
import {
  type CloudWatchClient,
  GetMetricDataCommand,
  ListMetricsCommand,
  type MetricDataQuery,
} from "@aws-sdk/client-cloudwatch";
import type { Day } from "../../src/model";
import type { SeriesPoints } from "./aggregate";
import { type Dimension, type MetricSpec, matchesSpec } from "./catalog";
import { describeCloudWatchFailure, reachedAws } from "./errors";

/** GetMetricData's limit of metric queries in one request. */
export const MAX_QUERIES_PER_REQUEST = 500;

export interface RequestReport {
  operation: "ListMetrics" | "GetMetricData";
  region: string;
  /** Billed units: metrics requested for GetMetricData, one request for ListMetrics. */
  units: number;
}

export interface FetchContext {
  client: CloudWatchClient;
  region: string;
  onRequest: (report: RequestReport) => Promise<void>;
  warnings: string[];
}

async function send<T>(
  ctx: FetchContext,
  operation: RequestReport["operation"],
  units: number,
  run: () => Promise<T>,
): Promise<T> {
  try {
    const out = await run();
    await ctx.onRequest({ operation, region: ctx.region, units });
    return out;
  } catch (error) {
    if (reachedAws(error)) await ctx.onRequest({ operation, region: ctx.region, units });
    throw describeCloudWatchFailure(error, operation, ctx.region);
  }
}

/** Every metric of the spec's namespace and name whose dimension set is exactly the spec's. */
export async function listSeries(ctx: FetchContext, spec: MetricSpec): Promise<Dimension[][]> {
  const found = new Map<string, Dimension[]>();
  let token: string | undefined;
  do {
    const page = await send(ctx, "ListMetrics", 1, () =>
      ctx.client.send(
        new ListMetricsCommand({ Namespace: spec.namespace, MetricName: spec.metricName, NextToken: token }),
      ),
    );
    for (const metric of page.Metrics ?? []) {
      const dims = (metric.Dimensions ?? []).map((d) => ({ Name: d.Name ?? "", Value: d.Value ?? "" }));
      if (!matchesSpec(spec, dims)) continue;
      found.set(JSON.stringify([...dims].sort((a, b) => a.Name.localeCompare(b.Name))), dims);
    }
    token = page.NextToken || undefined;
  } while (token);
  return [...found.values()];
}

function utc(day: Day): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Reads every series over [from, to) days, batch by batch and page by page. */
export async function readSeries(
  ctx: FetchContext,
  wanted: readonly { spec: MetricSpec; dimensions: Dimension[] }[],
  from: Day,
  to: Day,
): Promise<SeriesPoints[]> {
  const series: SeriesPoints[] = wanted.map((w) => ({
    spec: w.spec,
    region: ctx.region,
    dimensions: w.dimensions,
    points: new Map(),
    partial: false,
  }));
  for (let start = 0; start < series.length; start += MAX_QUERIES_PER_REQUEST) {
    const batch = series.slice(start, start + MAX_QUERIES_PER_REQUEST);
    const byId = new Map<string, SeriesPoints>();
    const queries: MetricDataQuery[] = batch.map((s, i) => {
      const id = `m${start + i}`;
      byId.set(id, s);
      return {
        Id: id,
        ReturnData: true,
        MetricStat: {
          Metric: { Namespace: s.spec.namespace, MetricName: s.spec.metricName, Dimensions: [...s.dimensions] },
          Period: s.spec.periodSeconds,
          Stat: s.spec.stat,
        },
      };
    });
    const lastStatus = new Map<string, string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await send(ctx, "GetMetricData", queries.length, () =>
        ctx.client.send(
          new GetMetricDataCommand({
            MetricDataQueries: queries,
            StartTime: utc(from),
            EndTime: utc(to),
            ScanBy: "TimestampAscending",
            NextToken: token,
          }),
        ),
      );
      pages += 1;
      for (const result of page.MetricDataResults ?? []) {
        const s = result.Id ? byId.get(result.Id) : undefined;
        if (!s) continue;
        const stamps = result.Timestamps ?? [];
        const values = result.Values ?? [];
        for (let i = 0; i < stamps.length && i < values.length; i++) {
          const at = stamps[i];
          const value = values[i];
          if (at instanceof Date && typeof value === "number") s.points.set(at.getTime(), value);
        }
        if (result.StatusCode) lastStatus.set(result.Id as string, result.StatusCode);
        for (const m of result.Messages ?? [])
          ctx.warnings.push(
            `${ctx.region} ${s.spec.metricName} ${result.Label ?? result.Id}: ${m.Code ?? ""} ${m.Value ?? ""}`.trim(),
          );
      }
      for (const m of page.Messages ?? [])
        ctx.warnings.push(`${ctx.region} GetMetricData: ${m.Code ?? ""} ${m.Value ?? ""}`.trim());
      token = page.NextToken || undefined;
    } while (token);
    for (const [id, status] of lastStatus) {
      if (status === "Complete") continue;
      const s = byId.get(id) as SeriesPoints;
      s.partial = true;
      ctx.warnings.push(
        `${ctx.region} ${s.spec.namespace} ${s.spec.metricName} ${s.dimensions.map((d) => d.Value).join("/")}: CloudWatch answered ${status} after ${pages} page(s); the days read are stored and marked partial.`,
      );
    }
  }
  return series;
}
