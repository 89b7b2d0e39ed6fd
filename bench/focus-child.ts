/**
 * Run by bench/focus.bench.ts in a fresh process, so peak memory is this work's alone:
 * `focus-child.ts baseline FILE` reads FILE line by line; `focus-child.ts import FILE DB` imports
 * it. Prints one JSON line: units done, seconds, peak RSS (the kernel's high-water mark) and peak
 * heap (MB, sampled every 20 ms).
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { estimateLines } from "../src/carbon/estimate";
import { fullGc } from "../src/cli/full-gc";
import { importFocus } from "../src/jobs/import-focus";
import type { CostLine } from "../src/model";
import { openSqliteStore } from "../src/store/open-sqlite";

const MB = 1024 * 1024;
const [mode, file, db] = process.argv.slice(2);
const peak = { rssMb: 0, heapMb: 0 };
const sample = () => {
  const m = process.memoryUsage();
  peak.rssMb = Math.max(peak.rssMb, m.rss / MB);
  peak.heapMb = Math.max(peak.heapMb, m.heapUsed / MB);
};
sample();
const startRssMb = peak.rssMb;
const timer = setInterval(sample, 20);
const start = performance.now();
let units = 0;
let costLines = 0;
if (mode === "baseline") {
  for await (const _ of createInterface({
    input: createReadStream(file as string),
    crlfDelay: Number.POSITIVE_INFINITY,
  }))
    units++;
  units -= 1;
} else {
  const opened = openSqliteStore(db as string);
  const summary = await importFocus(
    {
      store: opened.store,
      now: () => new Date("2026-03-10T00:00:00Z"),
      estimate: (lines: CostLine[]) => estimateLines(lines, { factorSet: "cairn-2026" }),
      releaseMemory: fullGc(),
    },
    { target: file as string, pipelineTag: "pipeline", maxErrors: 0 },
  );
  opened.close();
  if (summary.status !== "succeeded") throw new Error(summary.error ?? "import failed");
  units = summary.rows;
  costLines = summary.costLinesWritten;
}
sample();
clearInterval(timer);
// The kernel's high-water mark (KiB): exact, where sampling misses peaks inside synchronous work.
peak.rssMb = Math.max(peak.rssMb, process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ units, costLines, seconds: (performance.now() - start) / 1000, startRssMb, ...peak }));
