/**
 * The CloudWatch collection job: `(deps, args) -> summary`.
 *
 * One run: choose the regions (configured, else those where the cost lines show spend), list
 * the metrics of each spec per region, read them hourly (S3 daily) with GetMetricData in
 * batches of 500, fold them into daily rows, infer EC2 instance types from the cost lines, and
 * only then write: the window's rows of those regions are replaced in one transaction. Then the
 * stored cost lines of the window are estimated again with the measured utilisation, so their
 * footprints say `measured-utilisation` where CloudWatch measured the CPU. Every request is
 * recorded in api_requests (CloudWatch bills $0.01 per 1,000 metrics requested); a failure ends
 * the run as failed with a readable reason and writes no metric.
 */
import { and, gt, gte, lt } from "drizzle-orm";
import { dailyRows, type SeriesPoints } from "../../collectors/cloudwatch/aggregate";
import { type Dimension, METRIC_SPECS, type MetricSpec } from "../../collectors/cloudwatch/catalog";
import type { CloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import { CloudWatchError } from "../../collectors/cloudwatch/errors";
import { type FetchContext, listSeries, type RequestReport, readSeries } from "../../collectors/cloudwatch/fetch";
import { billedInstanceHours, inferInstanceTypes } from "../../collectors/cloudwatch/instance-types";
import type { UtilisationLookup } from "../carbon/estimate";
import { addDays, toDay } from "../days";
import type { CostLine, Day, MetricDay } from "../model";
import { recordApiRequest } from "../store/api-requests";
import type { EstimatedLine } from "../store/cost-lines";
import { replaceFootprints, replaceMetricDays } from "../store/metrics";
import { buildUtilisationLookup, readMetricDays } from "../store/read/metrics";
import { finishRunWith, startRun } from "../store/runs";
import { costLines } from "../store/schema/index";
import { readDb, type Store } from "../store/store";

export const CLOUDWATCH_SOURCE = "cloudwatch";
/** CloudWatch's price: $0.01 per 1,000 metrics requested (GetMetricData) or requests (ListMetrics). */
export const CLOUDWATCH_USD_PER_UNIT = 0.01 / 1000;
/**
 * Days re-read by default: the Lambda advice compares two fortnights. CloudWatch bills per metric
 * requested, not per datapoint, so a longer window costs the same (only more pages).
 */
export const CLOUDWATCH_DEFAULT_DAYS = 28;

export interface CollectCloudWatchDeps {
  store: Store;
  /** One client per region (collectors/cloudwatch/client.ts). */
  cloudWatch: CloudWatchClientFactory;
  now: () => Date;
  /** The carbon engine with a measured-utilisation lookup; without it footprints are left as they are. */
  estimate?: (lines: CostLine[], utilisation: UtilisationLookup) => EstimatedLine[];
  onProgress?: (text: string) => void;
}

export interface CollectCloudWatchArgs {
  /** CAIRN_CLOUDWATCH_REGIONS; absent: the regions where the cost lines of the last 30 days show spend. */
  regions?: readonly string[] | undefined;
  from?: Day | undefined;
  to?: Day | undefined;
}

export interface CollectCloudWatchSummary {
  source: typeof CLOUDWATCH_SOURCE;
  /** `skipped`: no region to scan, nothing was done. */
  status: "succeeded" | "failed" | "skipped";
  runId: number;
  from: Day;
  to: Day;
  regions: string[];
  /** How the regions were chosen. */
  regionsFrom: "config" | "cost-lines";
  series: number;
  rowsWritten: number;
  partialSeries: number;
  requests: number;
  metricsRequested: number;
  requestCostUsd: number;
  /** Cost lines whose footprint was computed again with the measured utilisation. */
  linesReestimated: number;
  warnings: string[];
  error: string | null;
  errorKind: string | null;
}

const REGION_CODE = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

async function regionsWithSpend(store: Store, from: Day, to: Day): Promise<string[]> {
  const rows = await readDb(store)
    .selectDistinct({ region: costLines.region })
    .from(costLines)
    .where(and(gte(costLines.day, from), lt(costLines.day, to), gt(costLines.unblendedCostUsd, 0)));
  return rows
    .map((r) => r.region)
    .filter((r) => REGION_CODE.test(r))
    .sort();
}

async function windowLines(store: Store, from: Day, to: Day): Promise<{ ids: number[]; lines: CostLine[] }> {
  const rows = await readDb(store)
    .select()
    .from(costLines)
    .where(and(gte(costLines.day, from), lt(costLines.day, to)));
  return {
    ids: rows.map((r) => r.id),
    lines: rows.map(({ id: _id, collectedAt: _c, ...line }) => ({
      ...line,
      source: line.source as CostLine["source"],
    })),
  };
}

/** Gives per-instance EC2 rows their inferred type. */
function withInstanceTypes(rows: MetricDay[], lines: CostLine[]): MetricDay[] {
  const hours = new Map<string, { region: string; instanceId: string; hours: number }>();
  for (const row of rows) {
    if (row.namespace !== "AWS/EC2" || !row.dimensions.startsWith("InstanceId=")) continue;
    const k = `${row.region}|${row.resourceId}`;
    const h = hours.get(k) ?? { region: row.region, instanceId: row.resourceId, hours: 0 };
    h.hours += row.samples;
    hours.set(k, h);
  }
  const types = inferInstanceTypes([...hours.values()], billedInstanceHours(lines));
  return rows.map((row) =>
    row.namespace === "AWS/EC2" && row.dimensions.startsWith("InstanceId=")
      ? { ...row, instanceType: types.get(row.resourceId) ?? null }
      : row,
  );
}

export async function collectCloudWatch(
  deps: CollectCloudWatchDeps,
  args: CollectCloudWatchArgs = {},
): Promise<CollectCloudWatchSummary> {
  const today = toDay(deps.now());
  const to = args.to ?? today;
  const from = args.from ?? addDays(to, -CLOUDWATCH_DEFAULT_DAYS);
  const runId = await startRun(deps.store, {
    source: CLOUDWATCH_SOURCE,
    startedAt: deps.now().toISOString(),
    fromDay: from,
    toDay: to,
  });
  const configured = args.regions && args.regions.length > 0;
  const summary: CollectCloudWatchSummary = {
    source: CLOUDWATCH_SOURCE,
    status: "failed",
    runId,
    from,
    to,
    regions: configured
      ? [...(args.regions as string[])]
      : await regionsWithSpend(deps.store, addDays(today, -30), addDays(today, 1)),
    regionsFrom: configured ? "config" : "cost-lines",
    series: 0,
    rowsWritten: 0,
    partialSeries: 0,
    requests: 0,
    metricsRequested: 0,
    requestCostUsd: 0,
    linesReestimated: 0,
    warnings: [],
    error: null,
    errorKind: null,
  };
  const billedUnits = { n: 0 };
  const onRequest = async (r: RequestReport) => {
    summary.requests += 1;
    billedUnits.n += r.units;
    if (r.operation === "GetMetricData") summary.metricsRequested += r.units;
    await recordApiRequest(deps.store, {
      runId,
      api: CLOUDWATCH_SOURCE,
      operation: r.operation,
      units: r.units,
      costUsd: r.units * CLOUDWATCH_USD_PER_UNIT,
      at: deps.now().toISOString(),
    });
  };

  try {
    if (summary.regions.length === 0) {
      summary.warnings.push(
        "No region to scan: set CAIRN_CLOUDWATCH_REGIONS, or collect cost data first (regions default to those with spend).",
      );
    }
    // 1. Read everything; nothing is written before the last region is in.
    const all: SeriesPoints[] = [];
    for (const region of summary.regions) {
      const ctx: FetchContext = { client: deps.cloudWatch(region), region, onRequest, warnings: summary.warnings };
      const wanted: { spec: MetricSpec; dimensions: Dimension[] }[] = [];
      for (const spec of METRIC_SPECS)
        for (const dimensions of await listSeries(ctx, spec)) wanted.push({ spec, dimensions });
      deps.onProgress?.(`${region}: ${wanted.length} metrics`);
      all.push(...(await readSeries(ctx, wanted, from, to)));
    }
    summary.series = all.length;
    summary.partialSeries = all.filter((s) => s.partial).length;

    // 2. Fold, type and write the window in one transaction.
    const { ids, lines } = await windowLines(deps.store, from, to);
    const rows = withInstanceTypes(
      all.flatMap((s) => dailyRows(s, from, to)),
      lines,
    );
    const collectedAt = deps.now().toISOString();
    summary.rowsWritten = await replaceMetricDays(deps.store, { from, to, regions: summary.regions }, rows, {
      runId,
      collectedAt,
    });

    // 3. Estimate the window's cost lines again with what was measured.
    if (deps.estimate && lines.length > 0) {
      const lookup = buildUtilisationLookup(
        await readMetricDays(readDb(deps.store), { from, to }, { metricName: "CPUUtilization" }),
      );
      const items = deps.estimate(lines, lookup);
      summary.linesReestimated = await replaceFootprints(
        deps.store,
        items.map((item, i) => ({ costLineId: ids[i] as number, footprint: item.footprint })),
      );
    }
    // A run that scanned no region did nothing: it must not count as a success (health, freshness).
    summary.status = summary.regions.length === 0 ? "skipped" : "succeeded";
  } catch (error) {
    const failure = error instanceof CloudWatchError ? error : null;
    summary.error = failure?.message ?? `CloudWatch collection failed: ${(error as Error)?.message ?? String(error)}`;
    summary.errorKind = failure?.kind ?? "other";
  }
  summary.requestCostUsd = Math.round(billedUnits.n * CLOUDWATCH_USD_PER_UNIT * 1e8) / 1e8;
  await finishRunWith(deps.store, runId, deps.now().toISOString(), summary);
  return summary;
}

/** What `cairn collect --source cloudwatch` prints: lines of plain text. */
export function formatCloudWatchSummary(s: CollectCloudWatchSummary): string[] {
  const out = [
    `CloudWatch ${s.status}: ${s.from} to ${s.to} (exclusive) in ${s.regions.length ? s.regions.join(", ") : "no region"} (${s.regionsFrom === "config" ? "CAIRN_CLOUDWATCH_REGIONS" : "regions with spend"}).`,
    `  ${s.series} metrics read, ${s.rowsWritten} daily rows written, ${s.linesReestimated} cost lines re-estimated with measured utilisation.`,
    `  ${s.requests} requests, ${s.metricsRequested} metrics requested: $${s.requestCostUsd.toFixed(4)} ($0.01 per 1,000 metrics).`,
  ];
  if (s.partialSeries > 0)
    out.push(`  ${s.partialSeries} metric(s) came back incomplete (PartialData) and are marked partial.`);
  for (const w of s.warnings.slice(0, 20)) out.push(`  warning: ${w}`);
  if (s.warnings.length > 20) out.push(`  ... and ${s.warnings.length - 20} more warnings.`);
  if (s.error) out.push(`  error: ${s.error}`);
  return out;
}
