/**
 * Athena path (issue 19): the bytes a daily collection scans are those of the periods it
 * re-reads (one partition, or two early in the month while the previous invoice may change), not
 * the export's size. Measured on the stand-in Athena (DuckDB over Parquet, tests/helpers), which
 * reports the bytes of the partition files each query read, over an export of 24 monthly
 * partitions; then the same daily run over an export twice as long (48), to show it does not grow.
 * Then the Resources views on Athena over the last month (ranking, new/gone, one resource's page):
 * the partitions each reads, the rows (groups, one per resource, day and cost-line key) and pages
 * its answer takes, and the wall time, first asked and then from the cache.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AthenaClient } from "@aws-sdk/client-athena";
import { GlueClient } from "@aws-sdk/client-glue";
import { athenaCostUsd } from "../collectors/athena/cost";
import { addMonths } from "../src/days";
import { resourceChangesOnAthena, resourceDetailOnAthena, topResourcesOnAthena } from "../src/jobs/athena-resources";
import { collectAthena } from "../src/jobs/collect-athena";
import type { CostLine } from "../src/model";
import { openSqliteStore } from "../src/store/open-sqlite";
import { startFakeAthena } from "../test/helpers/fake-athena";
import { writeSyntheticFocusExport } from "../test/helpers/focus-parquet";

const ROWS_PER_PERIOD = Number(process.env.CAIRN_BENCH_ATHENA_ROWS ?? 100_000);
const MB = 1024 * 1024;
const estimate = (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null }));

interface Measured {
  label: string;
  periods: string[];
  bytes: number;
  costUsd: number;
}

async function measure(months: number, log: (line: string) => void): Promise<{ export: number; runs: Measured[] }> {
  const root = await mkdtemp(join(tmpdir(), "cairn-athena-bench-"));
  const last = "2026-11";
  const periods = Array.from({ length: months }, (_, i) => addMonths(last, i - months + 1));
  const sizes = await writeSyntheticFocusExport(root, periods, ROWS_PER_PERIOD);
  const exportBytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  const fake = await startFakeAthena({ root, table: "cur.focus_export", secretAccessKey: "bench" });
  const client = new AthenaClient({
    endpoint: fake.endpoint,
    region: "eu-west-3",
    credentials: { accessKeyId: "AKIABENCH", secretAccessKey: "bench" },
  });
  const glue = new GlueClient({
    endpoint: fake.endpoint,
    region: "eu-west-3",
    credentials: { accessKeyId: "AKIABENCH", secretAccessKey: "bench" },
  });
  const opened = openSqliteStore(":memory:");
  const athena = {
    client,
    glue,
    settings: { workgroup: "primary", outputLocation: "s3://bench/" },
    table: "cur.focus_export",
    maxUsdPerMonth: 1000,
    sleep: async () => undefined,
  };
  const runs: Measured[] = [];
  const run = async (label: string, at: string) => {
    const s = await collectAthena(
      { store: opened.store, athena, now: () => new Date(at), estimate },
      { pipelineTag: "pipeline", backfillMonths: 13, maxErrors: 0 },
    );
    if (s.status !== "succeeded") throw new Error(`${label}: ${s.error}`);
    runs.push({ label, periods: s.periods.map((p) => p.billingPeriod), bytes: s.bytesScanned, costUsd: s.costUsd });
  };
  try {
    await run("first run (backfill of 13 months)", "2026-11-10T05:15:00Z");
    await run("daily run, mid-month", "2026-11-11T05:15:00Z");
    await run("daily run, 3rd of the month", "2026-11-03T05:15:00Z");
    for (const r of runs) {
      const partitionBytes = r.periods.reduce((s, p) => s + (sizes.get(p) ?? 0), 0);
      if (r.bytes !== partitionBytes)
        throw new Error(`${r.label}: scanned ${r.bytes} B, its partitions hold ${partitionBytes} B`);
    }
    log(
      `export of ${months} monthly partitions, ${ROWS_PER_PERIOD.toLocaleString("en")} rows each: ${(exportBytes / MB).toFixed(1)} MB`,
    );
    for (const r of runs) {
      log(
        `  ${r.label}: ${r.periods.length} partition(s) (${r.periods.join(", ")}), ${(r.bytes / MB).toFixed(2)} MB scanned = ${((100 * r.bytes) / exportBytes).toFixed(1)}% of the export, billed $${r.costUsd.toFixed(6)} (${r.periods.length} x 10 MB minimum: $${(r.periods.length * athenaCostUsd(0)).toFixed(6)})`,
      );
    }
    if (months === 24)
      await measureViews(
        fake,
        { store: opened.store, athena, now: () => new Date("2026-11-20T08:00:00Z") },
        sizes,
        log,
      );
    return { export: exportBytes, runs };
  } finally {
    opened.close();
    client.destroy();
    glue.destroy();
    await fake.close();
    await rm(root, { recursive: true, force: true });
  }
}

/** The Resources views of November on Athena: partitions, answer rows and pages, time; then cached. */
async function measureViews(
  fake: Awaited<ReturnType<typeof startFakeAthena>>,
  session: Parameters<typeof topResourcesOnAthena>[0],
  sizes: Map<string, number>,
  log: (line: string) => void,
): Promise<void> {
  const view = { from: "2026-11-01", to: "2026-12-01", pipelineTag: "pipeline" };
  const views: [string, () => Promise<unknown>][] = [
    ["ranking", () => topResourcesOnAthena(session, { ...view, by: "cost", limit: 50 })],
    ["new or gone", () => resourceChangesOnAthena(session, view)],
    ["one resource's page", () => resourceDetailOnAthena(session, { ...view, resourceId: "res-42" })],
  ];
  for (const [label, ask] of views) {
    const sent = fake.queries.length;
    const t0 = performance.now();
    await ask();
    const first = performance.now() - t0;
    const queries = fake.queries.slice(sent);
    const t1 = performance.now();
    await ask();
    const cached = performance.now() - t1;
    const parts = queries.map((q) => {
      const partitionBytes = q.partitions.reduce((s, p) => s + (sizes.get(p) ?? 0), 0);
      return `${q.partitions.join("+")}: ${(q.bytesScanned / MB).toFixed(2)} MB scanned of ${(partitionBytes / MB).toFixed(2)} MB, ${(q.rows ?? 0).toLocaleString("en")} rows (${Math.ceil(((q.rows ?? 0) + 1) / 1000)} pages)`;
    });
    log(
      `  Resources ${label} on Athena: ${parts.join("; ")}; ${first.toFixed(0)} ms, then ${cached.toFixed(1)} ms cached (${fake.queries.length - sent - queries.length} more queries)`,
    );
  }
}

export async function bench(log: (line: string) => void): Promise<void> {
  const a = await measure(24, log);
  const b = await measure(48, log);
  const daily = (m: { runs: Measured[] }, i: number) => m.runs[i]?.bytes ?? 0;
  log(
    `daily run scanned ${(daily(b, 1) / MB).toFixed(2)} MB over 48 partitions vs ${(daily(a, 1) / MB).toFixed(2)} MB over 24: ratio ${(daily(b, 1) / daily(a, 1)).toFixed(2)} (export size ratio ${(b.export / a.export).toFixed(2)})`,
  );
  log(
    `2-partition run / 1-partition run: ${(daily(a, 2) / daily(a, 1)).toFixed(2)} (bytes follow the periods re-read)`,
  );
}
