/**
 * FOCUS import: generates FOCUS 1.2-shaped CSV files of 1 and 3 billing periods (250,000
 * resource-level hourly rows and 40,000 distinct cost-line keys per period: 95 and 284 MB) in
 * a temp folder and imports each with the compiled `cairn import` (what an installation runs,
 * src/build-node.ts) into a fresh SQLite file, with the real carbon estimator. Reports rows/s
 * against a baseline measured in the same run (reading the same file line by line with
 * node:readline, no parsing) and the import's peak RSS (the kernel's high-water mark,
 * test/helpers/peak-rss.ts) beside `cairn --help`'s (what loading the program takes). Target:
 * under 200 MB whatever the file size (1 and 3 periods should show about the same peak).
 * FOCUS_BENCH_ROWS_PER_MONTH, FOCUS_BENCH_KEYS_PER_MONTH and FOCUS_BENCH_MONTHS ("1,3,4") set the sizes.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildNode } from "../src/build-node";
import { writeBigFocusFile } from "../test/helpers/focus-big-file";
import { runWithPeakRss } from "../test/helpers/peak-rss";

/** Rows and distinct cost-line keys per billing period; files of 1 and 3 periods are measured. */
const ROWS_PER_MONTH = Number(process.env.FOCUS_BENCH_ROWS_PER_MONTH ?? 250_000);
const KEYS_PER_MONTH = Number(process.env.FOCUS_BENCH_KEYS_PER_MONTH ?? 40_000);
const MONTHS = (process.env.FOCUS_BENCH_MONTHS ?? "1,3,4").split(",").map(Number);
const MB = 1024 * 1024;
const TARGET_MB = 200;

const HERE = dirname(fileURLToPath(import.meta.url));
const CHILD = join(HERE, "focus-child.ts");
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
const load = () => loadavg()[0]?.toFixed(1) ?? "?";

/** The readline baseline, in a fresh process. */
function baseline(file: string): { units: number; seconds: number } {
  const result = spawnSync(process.execPath, ["--import", "tsx", CHILD, "baseline", file], {
    encoding: "utf8",
    env,
    maxBuffer: 16 * MB,
  });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !last.startsWith("{")) throw new Error(`focus-child failed: ${result.stderr}`);
  return JSON.parse(last) as { units: number; seconds: number };
}

export async function bench(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cairn-bench-focus-"));
  // Inside the project, as dist/node is: npm packages resolve from its node_modules.
  mkdirSync(join(HERE, "..", "dist"), { recursive: true });
  const out = mkdtempSync(join(HERE, "..", "dist", "bench-"));
  try {
    const cairn = await buildNode(out);
    const program = runWithPeakRss([cairn, "--help"], { env });
    log(`the compiled cairn, loaded (cairn --help): peak RSS ${program.peakRssMb.toFixed(0)} MB`);
    for (const months of MONTHS) {
      const rows = ROWS_PER_MONTH * months;
      const file = join(dir, `focus-${months}-months.csv`);
      await writeBigFocusFile(file, { rows, months, keys: KEYS_PER_MONTH });
      const sizeMb = statSync(file).size / MB;
      const base = baseline(file);
      const loadBefore = load();
      const t0 = performance.now();
      const run = runWithPeakRss([cairn, "import", file], {
        cwd: dir,
        env: { ...env, CAIRN_DB: join(dir, "bench.db") },
      });
      const seconds = (performance.now() - t0) / 1000;
      if (run.status !== 0) throw new Error(`cairn import failed: ${run.stderr}`);
      const imported = Number(/FOCUS [\d.]+, (\d+) rows/.exec(run.stdout)?.[1]);
      if (imported !== rows) throw new Error(`imported ${imported} rows of ${rows}`);
      const costLines = Number(/cost lines written: (\d+)/.exec(run.stdout)?.[1]);
      const resourceLines = Number(/resource lines written: (\d+)/.exec(run.stdout)?.[1]);
      const baseRate = base.units / base.seconds;
      const rate = rows / seconds;
      log(
        `${months} month(s), ${rows.toLocaleString("en")} rows (${sizeMb.toFixed(0)} MB CSV) -> ${costLines.toLocaleString("en")} cost lines, ${resourceLines.toLocaleString("en")} resource lines ` +
          `(load average ${loadBefore} before, ${load()} after)`,
      );
      log(`  baseline, readline only: ${Math.round(baseRate).toLocaleString("en")} lines/s`);
      log(
        `  cairn import (parse, aggregate, estimate, write): ${Math.round(rate).toLocaleString("en")} rows/s ` +
          `(${(rate / baseRate).toFixed(2)}x baseline), peak RSS ${run.peakRssMb.toFixed(0)} MB ` +
          `(target < ${TARGET_MB} MB: ${run.peakRssMb < TARGET_MB ? `met, ${(TARGET_MB - run.peakRssMb).toFixed(0)} MB to spare` : "NOT met"})`,
      );
      rmSync(file);
      rmSync(join(dir, "bench.db"), { force: true });
      rmSync(join(dir, "bench.db-wal"), { force: true });
      rmSync(join(dir, "bench.db-shm"), { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
