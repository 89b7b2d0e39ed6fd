/**
 * Starts the real server (`cairn serve`, as `npm start` does) on 127.0.0.1 and a random port
 * over a temp database, and launches Debian's Chromium through playwright-core.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { cairnBin } from "../helpers/cli";

export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = join("test-artifacts", "screenshots");

/** Whether the browser tests can run; on CI a missing Chromium is a failure, not a skip. */
export function chromiumStatus(): { available: boolean; reason: string } {
  if (existsSync(CHROMIUM)) return { available: true, reason: "" };
  return { available: false, reason: `${CHROMIUM} is missing: install it with \`apt-get install -y chromium\`` };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
    ],
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  port: number;
  dir: string;
  db: string;
  output: () => string;
  stop: () => Promise<void>;
}

export function tempDatabase(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), "cairn-browser-"));
  return { dir, db: join(dir, "cairn.db") };
}

/** `cairn serve --port P [--demo]`; resolves once it says it is serving. */
export async function startServer(
  where: { dir: string; db: string },
  options: { demo: boolean; env?: Record<string, string> },
): Promise<RunningServer> {
  const port = await freePort();
  const args = [cairnBin(), "serve", "--port", String(port), ...(options.demo ? ["--demo"] : [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      ...process.env,
      CAIRN_DB: where.db,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("Cairn is serving")) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`cairn serve exited with ${code}:\n${output}`));
    });
  });
  return {
    port,
    ...where,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
