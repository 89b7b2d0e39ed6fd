/**
 * Dashboard and API latency over three years of three accounts (~950,000 lines with their
 * footprints, written through the store's upsert): p50/p95 of the overview page and of
 * `/api/v1/costs` grouped by service for a year (app.request, signed in), beside the same
 * year's aggregate as bare SQL over every line (the baseline a naive page would pay) and over
 * the rollup. Target: p95 under 50 ms.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config";
import { addDays } from "../src/days";
import type { CostLine, Footprint } from "../src/model";
import { type EstimatedLine, upsertCostLines } from "../src/store/cost-lines";
import { refreshCostRollup } from "../src/store/cost-rollup";
import { openSqliteStore } from "../src/store/open-sqlite";
import { finishRun, startRun } from "../src/store/runs";
import { readDb } from "../src/store/store";
import { saveUser } from "../src/store/users";
import { createApp } from "../web/app";
import { SESSION_COOKIE, startSession } from "../web/auth/session";

const FIRST_DAY = "2023-11-18";
const DAYS = 3 * 365;
const ACCOUNTS = ["111111111111", "222222222222", "333333333333"];
const SERVICES = [
  "AWS Lambda",
  "Amazon Simple Storage Service",
  "Amazon Relational Database Service",
  "Amazon Elastic Compute Cloud - Compute",
  "EC2 - Other",
  "AWS Step Functions",
  "Amazon CloudWatch",
  "Amazon Elastic Container Service",
  "AWS Glue",
  "Amazon DynamoDB",
  "Amazon Simple Queue Service",
  "AWS Key Management Service",
];
const REGIONS = ["eu-west-3", "eu-west-1", "us-east-1"];
const USAGE_TYPES = 6;
const PIPELINES = ["temperatures", "camera-traps", "website", ""];
const RUNS = 60;

function footprint(costUsd: number): Footprint {
  return {
    usageClass: "compute",
    method: "coefficient",
    factorSet: "bench",
    energyKwh: costUsd * 0.2,
    cpuKwh: costUsd * 0.15,
    memoryKwh: costUsd * 0.05,
    storageKwh: 0,
    networkKwh: 0,
    gpuKwh: 0,
    co2eGrams: costUsd * 12,
    marketCo2eGrams: costUsd * 3,
    embodiedCo2eGrams: costUsd,
    energyKwhLow: costUsd * 0.15,
    energyKwhHigh: costUsd * 0.3,
    co2eGramsLow: costUsd * 9,
    co2eGramsHigh: costUsd * 18,
    reason: "bench",
    fallback: null,
    utilisation: 0.5,
  };
}

/**
 * One day of one account: 12 services x 2 regions x 6 usage types x 2 pipelines = 288 lines.
 * As in real bills, a pipeline's resources use several usage types of the same service, so
 * the rollup folds about six lines into one row.
 */
function dayLines(dayIndex: number, accountIndex: number): EstimatedLine[] {
  const day = addDays(FIRST_DAY, dayIndex);
  const out: EstimatedLine[] = [];
  SERVICES.forEach((service, s) => {
    REGIONS.slice(0, 2).forEach((region, r) => {
      for (let u = 0; u < USAGE_TYPES; u++) {
        for (let p = 0; p < 2; p++) {
          const pipeline = PIPELINES[(s + p + accountIndex) % PIPELINES.length] ?? "";
          const cost = Math.round(((dayIndex % 31) + 1) * (s + 1) * (r + 1) * (u + 1) * (p + 1) * 0.00137 * 1e6) / 1e6;
          const line: CostLine = {
            day,
            accountId: ACCOUNTS[accountIndex] ?? "",
            service,
            region,
            usageType: `${region}-U${u}`,
            pipeline,
            unblendedCostUsd: cost,
            amortizedCostUsd: cost,
            usageAmount: cost * 10,
            usageUnit: "Hrs",
            estimated: false,
            source: "cost-explorer",
          };
          out.push({ line, footprint: footprint(cost) });
        }
      }
    });
  });
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function bench(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cairn-bench-web-"));
  const opened = openSqliteStore(join(dir, "bench.db"));
  try {
    const t0 = performance.now();
    let written = 0;
    for (let d = 0; d < DAYS; d += 30) {
      const batch: EstimatedLine[] = [];
      for (let day = d; day < Math.min(DAYS, d + 30); day++) {
        for (let a = 0; a < ACCOUNTS.length; a++) batch.push(...dayLines(day, a));
      }
      written += await upsertCostLines(opened.store, batch, "2026-11-18T05:00:00Z");
    }
    const writeMs = performance.now() - t0;
    const t1 = performance.now();
    await refreshCostRollup(readDb(opened.store));
    const rollupMs = performance.now() - t1;
    const rollupRows = (opened.sqlite.prepare("SELECT count(*) AS n FROM cost_daily").get() as { n: number }).n;
    log(
      `data: ${written} lines over ${DAYS} days x ${ACCOUNTS.length} accounts, written in ${(writeMs / 1000).toFixed(1)} s`,
    );
    log(`rollup: ${rollupRows} rows (${(written / rollupRows).toFixed(1)} lines each), first build ${ms(rollupMs)}`);

    const lastDay = addDays(FIRST_DAY, DAYS - 1);
    const now = new Date(`${addDays(lastDay, 1)}T10:00:00Z`);
    const runId = await startRun(opened.store, { source: "cost-explorer", startedAt: now.toISOString() });
    await finishRun(opened.store, runId, { finishedAt: now.toISOString(), status: "succeeded" });
    const deps = { store: opened.store, config: loadConfig({}), now: () => now };
    const app = createApp(deps);
    const userId = await saveUser(
      opened.store,
      { email: "bench@example.org", role: "viewer", passwordHash: "x" },
      now.toISOString(),
    );
    const { cookieValue } = await startSession(deps, { id: userId, email: "bench@example.org", role: "viewer" });
    const headers = { cookie: `${SESSION_COOKIE}=${cookieValue}` };
    const yearFrom = addDays(lastDay, -364);
    const yearTo = addDays(lastDay, 1);

    const get = async (path: string) => {
      const res = await app.request(path, { headers });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      await res.text();
    };
    const overview = await measure(() => get("/"));
    const api = await measure(() => get(`/api/v1/costs?from=${yearFrom}&to=${yearTo}&groupBy=service`));
    const explorer = await measure(() => get(`/costs?from=${yearFrom}&to=${yearTo}&groupBy=service`));

    const bareLines = opened.sqlite.prepare(
      `SELECT l.service, sum(l.unblended_cost_usd), sum(l.amortized_cost_usd), sum(f.co2e_grams), count(*)
       FROM cost_lines l LEFT JOIN footprints f ON f.cost_line_id = l.id
       WHERE l.day >= ? AND l.day < ? GROUP BY l.service`,
    );
    const bareRollup = opened.sqlite.prepare(
      `SELECT service, sum(unblended_cost_usd), sum(amortized_cost_usd), sum(co2e_grams), sum(lines)
       FROM cost_daily WHERE day >= ? AND day < ? GROUP BY service`,
    );
    const linesSql = await measure(async () => bareLines.all(yearFrom, yearTo));
    const rollupSql = await measure(async () => bareRollup.all(yearFrom, yearTo));

    log(`GET / (overview)                         p50 ${ms(overview.p50)}  p95 ${ms(overview.p95)}`);
    log(`GET /api/v1/costs service, one year      p50 ${ms(api.p50)}  p95 ${ms(api.p95)}`);
    log(`GET /costs (explorer) service, one year  p50 ${ms(explorer.p50)}  p95 ${ms(explorer.p95)}`);
    log(`bare SQL over every line, same year      p50 ${ms(linesSql.p50)}  p95 ${ms(linesSql.p95)}`);
    log(`bare SQL over the rollup, same year      p50 ${ms(rollupSql.p50)}  p95 ${ms(rollupSql.p95)}`);
    log(
      `ratios: API p50 / bare-lines p50 = ${(api.p50 / linesSql.p50).toFixed(2)}; ` +
        `API p50 / bare-rollup p50 = ${(api.p50 / rollupSql.p50).toFixed(2)}; target p95 < 50 ms: ` +
        `${overview.p95 < 50 && api.p95 < 50 ? "met" : "NOT met"}`,
    );
  } finally {
    opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
