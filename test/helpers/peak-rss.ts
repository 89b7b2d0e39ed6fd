/**
 * Runs `node ARGS` in a child process and returns, beside its output, the child's peak resident
 * memory: the kernel's high-water mark (getrusage maxrss), printed by a preload as the process
 * exits. Exact where sampling would miss a peak inside synchronous work, and it measures any
 * program as it is, the compiled `cairn` included.
 */
import { type SpawnSyncOptions, spawnSync } from "node:child_process";

const MARK = "peak-rss-kib ";
const PRELOAD = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\n${MARK}"+process.resourceUsage().maxRSS+"\\n"))`;

export interface MeasuredRun {
  status: number | null;
  stdout: string;
  /** The child's stderr without the peak line. */
  stderr: string;
  peakRssMb: number;
}

export function runWithPeakRss(args: string[], options: SpawnSyncOptions = {}): MeasuredRun {
  const r = spawnSync(process.execPath, [`--import=${PRELOAD}`, ...args], {
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    encoding: "utf8",
  });
  const stderr = String(r.stderr ?? "");
  const at = stderr.lastIndexOf(MARK);
  if (at === -1) throw new Error(`no peak RSS reported (exit ${r.status}, signal ${r.signal}): ${stderr}`);
  return {
    status: r.status,
    stdout: String(r.stdout ?? ""),
    stderr: stderr.slice(0, at).trimEnd(),
    peakRssMb: Number.parseInt(stderr.slice(at + MARK.length), 10) / 1024,
  };
}
