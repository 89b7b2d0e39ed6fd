/**
 * Production runs the compiled bundle (src/build-node.ts), not tsx: build it into a temporary
 * folder and use it as a user would. The bundle finds its migrations, report fonts and static
 * files beside itself; a missing one fails here (the demo needs the migrations, the PDF's
 * charts the fonts, the dashboard the static files).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNode } from "../../src/build-node";
import { ROOT } from "../helpers/cli";

let dir: string;
let out: string;
let bundle: string;
const env = () => ({
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  CAIRN_DB: join(dir, "cairn.db"),
});
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bundle, ...args], { cwd: dir, env: env(), encoding: "utf8", timeout: 120_000 });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cairn-build-"));
  // Inside the project, as dist/node is: npm packages resolve from its node_modules.
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  out = mkdtempSync(join(ROOT, "dist", "test-build-"));
  bundle = await buildNode(out);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe("the compiled cairn", () => {
  it("is one executable ES module that runs without tsx", () => {
    expect(readFileSync(bundle, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const help = run("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: cairn <command>/);
  });

  it("migrates a new database and loads the demo, then draws the monthly report's PDF", () => {
    const demo = run("demo");
    expect(demo.stderr).toBe("");
    expect(demo.status).toBe(0);
    const pdf = join(dir, "report.pdf");
    const report = run("report", "monthly", "--out", pdf);
    expect(report.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("serves the dashboard's static files and chart.js", async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child: ChildProcess = spawn(process.execPath, [bundle, "serve", "--port", String(port)], {
      cwd: dir,
      env: env(),
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let output = "";
        child.stdout?.on("data", (chunk) => {
          output += String(chunk);
          if (output.includes("is serving")) resolve();
        });
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      });
      const css = await fetch(`http://127.0.0.1:${port}/static/style.css`);
      expect(css.status).toBe(200);
      const chart = await fetch(`http://127.0.0.1:${port}/static/vendor/chart.umd.min.js`);
      expect(chart.status).toBe(200);
      expect((await chart.text()).length).toBeGreaterThan(100_000);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
