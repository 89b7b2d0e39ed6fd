/**
 * Resources at scale.
 * 1. The Resources page (top resources by cost, new and gone) over RESOURCES_BENCH_ROWS
 *    resource-day rows in SQLite (default 5,000,000: a year of ~14,000 resources), p95 of 20
 *    requests through the app, for a whole month (read from the monthly rollup) and for ten
 *    days (read from the lines), beside a bare SQL aggregate of the same month on the same file.
 * 2. Athena: bytes scanned by a daily collection on the stand-in with 24 monthly partitions,
 *    early in a month (two periods re-read) and later (one), against the whole export.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AthenaClient } from "@aws-sdk/client-athena";
import { estimateLines } from "../src/carbon/estimate";
import { addDays, addMonths, monthOf } from "../src/days";
import { collectAthena } from "../src/jobs/collect-athena";
import { rawSql } from "../src/store/raw-sql";
import { monthStatements } from "../src/store/resource-lines";
import { startFakeAthena } from "../test/helpers/fake-athena";
import { type ParquetRow, writeFocusParquet } from "../test/helpers/focus-parquet";
import { webFixture } from "../test/helpers/web";

const ROWS = Number(process.env.RESOURCES_BENCH_ROWS ?? 5_000_000);
const DAYS = 365;

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] as number;
}

async function timed(n: number, f: () => Promise<unknown> | unknown): Promise<number> {
  const samples: number[] = [];
  await f(); // warm
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    samples.push(performance.now() - t);
  }
  return p95(samples);
}

async function pageBench(log: (line: string) => void): Promise<void> {
  const resources = Math.max(1, Math.round(ROWS / DAYS));
  const first = "2025-11-01";
  const fx = webFixture({ CAIRN_LOCALE: "fr" }, new Date("2026-11-02T10:00:00Z"));
  const db = fx.sqlite;
  const t0 = performance.now();
  const insert =
    db.prepare(`INSERT INTO resource_lines (billing_account_id, billing_period, day, resource_id, account_id,
    service, region, usage_type, pipeline, usage_unit, unblended_cost_usd, amortized_cost_usd, usage_amount, source,
    energy_kwh, co2e_grams) VALUES ('999999999999', ?, ?, ?, ?, ?, 'eu-west-3', ?, ?, 'Hrs', ?, ?, 24, 'focus', ?, ?)`);
  const pipelines = ["temperatures", "camera-traps", "website", ""];
  const services = ["Amazon Elastic Compute Cloud", "AWS Lambda", "Amazon Simple Storage Service", "Amazon RDS"];
  let rows = 0;
  for (let d = 0; d < DAYS && rows < ROWS; d++) {
    const day = addDays(first, d);
    db.transaction(() => {
      for (let r = 0; r < resources && rows < ROWS; r++) {
        // Resources live for a while: some start late, some stop early.
        if (r % 50 === 0 && d < r % 300) continue;
        const cost = ((r * 7919 + d * 31) % 1000) / 100;
        insert.run(
          monthOf(day),
          day,
          `arn:aws:ec2:eu-west-3:111122223333:instance/i-${r.toString(16).padStart(8, "0")}`,
          `1111222233${r % 4}3`,
          services[r % 4],
          `EUW3-Usage-${r % 4}`,
          pipelines[r % 4],
          cost,
          cost,
          cost / 10,
          cost * 12,
        );
        rows++;
      }
    })();
  }
  const raw = rawSql(fx.store);
  const months: string[] = [];
  for (let m = monthOf(first); m <= monthOf(addDays(first, DAYS - 1)); m = addMonths(m, 1)) months.push(m);
  // Only the rollup statements: the footprint step has no cost lines to share here.
  for (const m of months) await raw.batch(monthStatements(m).slice(1));
  db.exec(`INSERT INTO resources (resource_id, account_id, name, type, service, region, tags)
    SELECT DISTINCT resource_id, max(account_id), '', 'Instance', max(service), 'eu-west-3', '{}' FROM resource_lines GROUP BY resource_id`);
  db.exec(`UPDATE resources SET first_day = (SELECT min(first_day) FROM resource_months m WHERE m.resource_id = resources.resource_id),
    last_day = (SELECT max(last_day) FROM resource_months m WHERE m.resource_id = resources.resource_id)`);
  const loadS = (performance.now() - t0) / 1000;
  log(
    `${rows.toLocaleString("en")} resource-day rows, ${resources.toLocaleString("en")} resources, ${DAYS} days (loaded in ${loadS.toFixed(0)} s)`,
  );
  const s = await fx.signIn("viewer");
  const month = "2026-06";
  const bare = db.prepare(`SELECT resource_id, sum(unblended_cost_usd) AS c FROM resource_lines
    WHERE day >= ? AND day < ? GROUP BY resource_id ORDER BY c DESC LIMIT 50`);
  const bareMs = await timed(20, () => bare.all(`${month}-01`, "2026-07-01"));
  const pageMonth = await timed(20, async () => {
    const res = await s.request(`/resources?from=${month}-01&to=2026-07-01`);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    await res.text();
  });
  const pageDays = await timed(20, async () => {
    const res = await s.request("/resources?from=2026-06-10&to=2026-06-20&pipeline=camera-traps");
    await res.text();
  });
  const pageYear = await timed(10, async () => {
    const res = await s.request("/resources?from=2025-11-01&to=2026-11-01&by=co2e");
    await res.text();
  });
  log(`  bare SQL aggregate of a month (top 50 from the lines): p95 ${bareMs.toFixed(1)} ms`);
  log(
    `  Resources page, a whole month (rollup): p95 ${pageMonth.toFixed(1)} ms (${(pageMonth / bareMs).toFixed(2)}x bare; target < 100 ms: ${pageMonth < 100 ? "met" : "NOT met"})`,
  );
  log(
    `  Resources page, ten days and a pipeline (lines): p95 ${pageDays.toFixed(1)} ms (target < 100 ms: ${pageDays < 100 ? "met" : "NOT met"})`,
  );
  log(
    `  Resources page, a whole year by CO2e (rollup): p95 ${pageYear.toFixed(1)} ms (target < 100 ms: ${pageYear < 100 ? "met" : "NOT met"})`,
  );
  fx.close();
}

async function athenaBench(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cairn-bench-athena-"));
  const perMonth = Number(process.env.ATHENA_BENCH_ROWS_PER_MONTH ?? 2000);
  try {
    const rows: ParquetRow[] = [];
    for (let m = 0; m < 24; m++) {
      const month = addMonths("2024-11", m);
      for (let i = 0; i < perMonth; i++) {
        rows.push({
          day: `${month}-${String(1 + (i % 28)).padStart(2, "0")}`,
          hour: i % 24,
          billingAccountId: "999999999999",
          accountId: "111122223333",
          service: "Amazon Elastic Compute Cloud",
          region: "eu-west-3",
          usageType: `EUW3-BoxUsage:t3.${["micro", "small", "medium"][i % 3]}`,
          unit: "Hrs",
          quantity: 1,
          cost: ((i * 37) % 100) / 1000,
          resourceId: `i-${(i % 500).toString(16)}`,
          resourceName: "",
          resourceType: "Instance",
          tags: i % 2 ? { "user:pipeline": "website" } : {},
        });
      }
    }
    const root = join(dir, "export");
    await writeFocusParquet(root, rows);
    const secret = "bench-secret";
    const fake = await startFakeAthena({ root, table: "cur.focus", secretAccessKey: secret });
    const total = [...fake.partitionBytes().values()].reduce((a, b) => a + b, 0);
    const client = new AthenaClient({
      region: "eu-west-3",
      endpoint: fake.endpoint,
      credentials: { accessKeyId: "AKIDBENCH", secretAccessKey: secret },
    });
    const fx = webFixture();
    const athena = {
      client,
      settings: { workgroup: "primary", outputLocation: "s3://bench/" },
      table: "cur.focus",
      maxUsdPerMonth: 100,
      sleep: async () => {},
    };
    const estimate = (lines: Parameters<typeof estimateLines>[0]) => estimateLines(lines, { factorSet: "cairn-2026" });
    log(`24 monthly partitions, ${(total / 1024).toFixed(0)} KiB in all (${perMonth.toLocaleString("en")} rows each)`);
    for (const [label, now, periods] of [
      ["daily run on the 2nd (previous period not final)", new Date("2026-10-02T06:00:00Z"), undefined],
      ["daily run on the 20th", new Date("2026-10-20T06:00:00Z"), undefined],
      [
        "backfill of all 24 periods",
        new Date("2026-10-20T06:00:00Z"),
        rows.map((r) => r.day.slice(0, 7)).filter((v, i, a) => a.indexOf(v) === i),
      ],
    ] as const) {
      const summary = await collectAthena(
        { store: fx.store, athena, now: () => now, estimate },
        { pipelineTag: "pipeline", ...(periods ? { periods: [...periods] } : {}) },
      );
      if (summary.status !== "succeeded") throw new Error(summary.error ?? "athena bench failed");
      log(
        `  ${label}: ${summary.periods.length} queries, ${(summary.bytesScanned / 1024).toFixed(0)} KiB scanned = ${((100 * summary.bytesScanned) / total).toFixed(1)}% of the export`,
      );
    }
    client.destroy();
    fx.close();
    await fake.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench(log: (line: string) => void): Promise<void> {
  await athenaBench(log);
  await pageBench(log);
}
