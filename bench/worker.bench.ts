/**
 * The Worker's size and the CPU of its cron runs.
 *
 * 1. Bundle: `wrangler deploy --dry-run` (offline), gzip of the bundle, against the 1 MiB target
 *    (Cloudflare's limits: 3 MiB gzip on Free, 10 MiB on Paid).
 * 2. CPU of a scheduled collection, measured in workerd itself: the bundled Worker runs in
 *    Miniflare with a local D1 (real migrations) and collects from the fake Cost Explorer on
 *    127.0.0.1, served from this (Node) process. The CPU is read from /proc for the workerd
 *    process, before and after each cron run, so it counts the Worker's JavaScript (SDK
 *    signing and parsing, estimation, drizzle) *and* the local D1's SQLite, which on Cloudflare
 *    runs outside the Worker and is not billed to it: an upper bound. Compared with the Free
 *    plan's 10 ms and the Paid plan's default 30 s of CPU per invocation.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { Miniflare } from "miniflare";
import { unstable_readConfig } from "wrangler";
import { demoLikeRecords } from "../test/helpers/cost-explorer-dataset";
import { startFakeCostExplorer } from "../test/helpers/fake-cost-explorer";

const FREE_CPU_MS = 10;
const PAID_CPU_MS = 30_000;
const TARGET_GZIP_BYTES = 1024 * 1024;
const OFFLINE = { WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_HIDE_BANNER: "true" };

function buildBundle(outDir: string): { bytes: number; gzipBytes: number; file: string } {
  execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", outDir], {
    env: { ...process.env, ...OFFLINE },
    stdio: "pipe",
  });
  const file = join(outDir, "worker.js");
  const code = readFileSync(file);
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, file };
}

/** CPU ms (user + system) of this process's workerd children, from /proc. */
function workerdCpuMs(): number | null {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  let found = false;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (!comm.startsWith("workerd")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) !== process.pid) continue;
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
      found = true;
    } catch {
      // the process ended while being read
    }
  }
  return found ? total : null;
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

export async function bench(log: (line: string) => void): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), "cairn-worker-"));
  try {
    const bundle = buildBundle(out);
    log(
      `bundle: ${kib(bundle.bytes)} raw, ${kib(bundle.gzipBytes)} gzip; ` +
        `${(bundle.gzipBytes / TARGET_GZIP_BYTES).toFixed(2)}x the 1 MiB target (Free limit 3 MiB, Paid 10 MiB)`,
    );

    const records = demoLikeRecords({ from: "2025-08-01", to: "2026-11-18" });
    const fake = await startFakeCostExplorer({
      dataset: { records, estimated: (d) => d >= "2026-11-01" },
      pageSize: 200,
    });
    const config = unstable_readConfig({ config: "wrangler.toml" });
    const mf = new Miniflare({
      modules: true,
      scriptPath: bundle.file,
      modulesRoot: out,
      compatibilityDate: config.compatibility_date,
      compatibilityFlags: config.compatibility_flags,
      d1Databases: ["DB"],
      bindings: {
        ...(config.vars as Record<string, string>),
        AWS_ACCESS_KEY_ID: "AKIDCAIRNBENCH",
        AWS_SECRET_ACCESS_KEY: "cairn-bench-secret",
        AWS_ENDPOINT_URL_COST_EXPLORER: fake.endpoint,
      },
    });
    try {
      const db = await mf.getD1Database("DB");
      for (const migration of await readD1Migrations("src/store/migrations")) {
        for (const query of migration.queries) await db.prepare(query).run();
      }
      const workerHandle = await mf.getWorker();
      const cron = config.triggers.crons?.[0] ?? "15 5,17 * * *";
      const steps: { label: string; cpuMs: number; wallMs: number }[] = [];
      for (let i = 0; i < 14; i++) {
        const cpuBefore = workerdCpuMs();
        const t0 = performance.now();
        await workerHandle.scheduled({ cron, scheduledTime: new Date("2026-11-18T05:15:00Z") });
        const wallMs = performance.now() - t0;
        const cpuAfter = workerdCpuMs();
        const label = i === 0 ? "first (2 months)" : i === 13 ? "incremental (3 days)" : "backfill month";
        steps.push({
          label,
          cpuMs: cpuBefore === null || cpuAfter === null ? Number.NaN : cpuAfter - cpuBefore,
          wallMs,
        });
      }
      const rows = (await db.prepare("SELECT count(*) AS n FROM cost_lines").first<{ n: number }>())?.n ?? 0;
      const by = (label: string) => steps.filter((s) => s.label === label);
      const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
      for (const label of ["first (2 months)", "backfill month", "incremental (3 days)"]) {
        const cpu = avg(by(label).map((s) => s.cpuMs));
        const wall = avg(by(label).map((s) => s.wallMs));
        log(
          `cron step ${label}: workerd CPU ${cpu.toFixed(0)} ms (wall ${wall.toFixed(0)} ms); ` +
            `${(cpu / FREE_CPU_MS).toFixed(1)}x Free's ${FREE_CPU_MS} ms, ${(cpu / PAID_CPU_MS).toFixed(4)}x Paid's ${PAID_CPU_MS / 1000} s`,
        );
      }
      log(
        `backfill of 13 months in ${steps.length - 1} cron runs stored ${rows} lines; ${fake.answered()} Cost Explorer requests`,
      );
    } finally {
      await mf.dispose();
      await fake.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
