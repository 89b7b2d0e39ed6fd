/**
 * FOCUS import: generates FOCUS 1.2-shaped CSV files of 1 and 3 billing periods (250,000
 * resource-level hourly rows and 40,000 distinct cost-line keys per period) in a temp folder,
 * imports each into a fresh SQLite file with the real carbon estimator, and reports rows/s
 * against a baseline measured in the same run: reading the same file line by line
 * (node:readline) without parsing. Each runs in a fresh process (bench/focus-child.ts) whose peak
 * RSS (the kernel's high-water mark) is reported. Target: under 200 MB whatever the file size
 * (1 and 3 periods should show about the same peak). FOCUS_BENCH_ROWS_PER_MONTH and
 * FOCUS_BENCH_KEYS_PER_MONTH set the sizes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeBigFocusFile } from "../test/helpers/focus-big-file";

/** Rows and distinct cost-line keys per billing period; files of 1 and 3 periods are measured. */
const ROWS_PER_MONTH = Number(process.env.FOCUS_BENCH_ROWS_PER_MONTH ?? 250_000);
const KEYS_PER_MONTH = Number(process.env.FOCUS_BENCH_KEYS_PER_MONTH ?? 40_000);
const MONTHS = [1, 3];
const MB = 1024 * 1024;

interface ChildResult {
  units: number;
  costLines: number;
  seconds: number;
  startRssMb: number;
  rssMb: number;
  heapMb: number;
}

const CHILD = join(dirname(fileURLToPath(import.meta.url)), "focus-child.ts");

/** Each measurement in a fresh process, so its peak memory is its own. */
function child(args: string[]): ChildResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", CHILD, ...args], {
    encoding: "utf8",
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    maxBuffer: 16 * MB,
  });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !last.startsWith("{")) throw new Error(`focus-child failed: ${result.stderr}`);
  return JSON.parse(last) as ChildResult;
}

export async function bench(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cairn-bench-focus-"));
  try {
    for (const months of MONTHS) {
      const rows = ROWS_PER_MONTH * months;
      const file = join(dir, `focus-${months}-months.csv`);
      await writeBigFocusFile(file, { rows, months, keys: KEYS_PER_MONTH });
      const sizeMb = statSync(file).size / MB;
      const baseline = child(["baseline", file]);
      const run = child(["import", file, join(dir, `focus-${rows}.db`)]);
      if (run.units !== rows) throw new Error(`imported ${run.units} rows of ${rows}`);
      const baseRate = baseline.units / baseline.seconds;
      const rate = rows / run.seconds;
      log(
        `${months} month(s), ${rows.toLocaleString("en")} rows (${sizeMb.toFixed(0)} MB CSV) -> ${run.costLines.toLocaleString("en")} cost lines`,
      );
      log(
        `  baseline, readline only: ${Math.round(baseRate).toLocaleString("en")} lines/s, peak RSS ${baseline.rssMb.toFixed(0)} MB ` +
          `(process at start ${baseline.startRssMb.toFixed(0)} MB)`,
      );
      log(
        `  import (parse, aggregate, estimate, write): ${Math.round(rate).toLocaleString("en")} rows/s ` +
          `(${(rate / baseRate).toFixed(2)}x baseline), peak RSS ${run.rssMb.toFixed(0)} MB, peak heap ${run.heapMb.toFixed(0)} MB ` +
          `(target RSS < 200 MB: ${run.rssMb < 200 ? "met" : "NOT met"})`,
      );
      rmSync(file);
      rmSync(join(dir, `focus-${rows}.db`), { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
