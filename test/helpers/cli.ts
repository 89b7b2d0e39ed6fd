/**
 * Runs the real `cairn` executable in a child process: this run's compiled bundle, built from
 * the current sources once per run (test/setup/build-cairn-bundle.ts), or with `entry: "sources"`
 * the development entry point src/bin.js (tsx, several times slower to start).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCES_BIN = join(ROOT, "src", "bin.js");

/** Which `cairn` a test runs: the compiled bundle (as production) or the sources through tsx. */
export type CairnEntry = "bundle" | "sources";

/** The file `node` runs for `cairn`. */
export function cairnBin(entry: CairnEntry = "bundle"): string {
  return entry === "sources" ? SOURCES_BIN : inject("cairnBundle");
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `env` is the whole environment the command sees besides PATH and HOME (no leaks from ours). */
export function runCairn(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; input?: string; entry?: CairnEntry },
): CliResult {
  const result = spawnSync(process.execPath, [cairnBin(options.entry), ...args], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...options.env,
    },
    input: options.input ?? "",
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface RunningCairn {
  child: ChildProcess;
  /** Output so far. */
  output: () => { stdout: string; stderr: string };
  /** Resolves when the process has ended (killed included). */
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** Starts `cairn` in a child process without waiting: for two processes at once, or to kill one mid-run. */
export function startCairn(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; entry?: CairnEntry },
): RunningCairn {
  const child = spawn(process.execPath, [cairnBin(options.entry), ...args], {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += String(d);
  });
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, output: () => ({ stdout, stderr }), done };
}
