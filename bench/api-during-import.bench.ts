/**
 * The API while a large FOCUS import writes to the same database file (issue 14, item 6): a
 * bearer-token `GET /api/v1/costs` answered in this process while a child process imports the
 * same billing period again (a restatement: every line of the month rewritten). Baseline: the
 * same request with no import running, in the same run. Reports p50/p95 of both, their ratio and
 * how many answers were not 200 (SQLITE_BUSY used to give 500s after 5 s). API_BENCH_ROWS sets
 * the file's rows (default 1,000,000).
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeBigFocusFile } from "../test/helpers/focus-big-file";
import { webFixture } from "../test/helpers/web";

const ROWS = Number(process.env.API_BENCH_ROWS ?? 1_000_000);
const CHILD = join(dirname(fileURLToPath(import.meta.url)), "focus-child.ts");
const childArgs = (file: string, db: string) => ["--import", "tsx", CHILD, "import", file, db];
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };

const load = () => loadavg()[0]?.toFixed(1) ?? "?";
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function bench(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cairn-bench-api-"));
  try {
    const file = join(dir, "focus.csv");
    const db = join(dir, "cairn.db");
    await writeBigFocusFile(file, { rows: ROWS, months: 1, keys: 40_000 });
    // The month is in the store before the measurement: the API has lines to sum.
    const first = spawnSync(process.execPath, childArgs(file, db), { env, encoding: "utf8" });
    if (first.status !== 0) throw new Error(`first import failed: ${first.stderr}`);
    const fixture = webFixture({}, new Date(), { dbPath: db });
    const token = await fixture.token("viewer");
    const ask = async (): Promise<[number, number]> => {
      const t0 = performance.now();
      const res = await fixture.app.request("/api/v1/costs?groupBy=service&from=2025-01-01&to=2027-01-01", {
        headers: { authorization: `Bearer ${token}` },
      });
      await res.arrayBuffer();
      return [performance.now() - t0, res.status];
    };
    const measure = async (until: () => boolean, max: number) => {
      const times: number[] = [];
      let failed = 0;
      while (times.length < max && !until()) {
        const [ms, status] = await ask();
        times.push(ms);
        if (status !== 200) failed++;
        await new Promise((r) => setTimeout(r, 20));
      }
      return { sorted: times.sort((a, b) => a - b), failed };
    };
    const loadBefore = load();
    const idle = await measure(() => false, 100);
    let done = false;
    const child = spawn(process.execPath, childArgs(file, db), { env, stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    void exited.then(() => {
      done = true;
    });
    const busy = await measure(() => done, 100_000);
    const code = await exited;
    fixture.close();
    if (code !== 0) throw new Error(`the concurrent import failed (exit ${code})`);
    const p = (s: number[]) => `p50 ${pct(s, 0.5).toFixed(1)} ms, p95 ${pct(s, 0.95).toFixed(1)} ms`;
    log(
      `FOCUS file of ${ROWS.toLocaleString("en")} rows imported again while the API answers ` +
        `(load average ${loadBefore} before, ${load()} after; a shared machine's other work shows in both)`,
    );
    log(`  baseline, no import: ${idle.sorted.length} requests, ${p(idle.sorted)}, ${idle.failed} not 200`);
    log(`  during the import:   ${busy.sorted.length} requests, ${p(busy.sorted)}, ${busy.failed} not 200`);
    log(
      `  p95 ratio during/baseline: ${(pct(busy.sorted, 0.95) / Math.max(pct(idle.sorted, 0.95), 0.001)).toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
