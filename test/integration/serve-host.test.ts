/**
 * `cairn serve` binds CAIRN_HOST (default 127.0.0.1) or --host, and --demo refuses an address
 * other machines could reach (the demo signs visitors in without a password).
 */
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isLoopback } from "../../src/cli/serve";
import { cairnBin, runCairn } from "../helpers/cli";
import { freePort } from "../helpers/smtp";

const tempDir = () => mkdtempSync(join(tmpdir(), "cairn-host-"));

describe("cairn serve's bind address", () => {
  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["::1", true],
    ["[::1]", true],
    ["localhost", true],
    ["0.0.0.0", false],
    ["::", false],
    ["192.168.1.20", false],
  ])("%s is loopback: %s", (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it.each([
    ["--host", "0.0.0.0"],
    ["env", "0.0.0.0"],
  ])("--demo refuses a non-loopback host (%s)", (how, host) => {
    const args = how === "--host" ? ["serve", "--demo", "--host", host] : ["serve", "--demo"];
    const env: Record<string, string> =
      how === "env" ? { CAIRN_HOST: host, CAIRN_DB: "./x.db" } : { CAIRN_DB: "./x.db" };
    const r = runCairn(args, { cwd: tempDir(), env });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--demo only serves on a loopback address");
  });

  it("binds 127.0.0.1 by default and answers there", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [cairnBin(), "serve", "--port", String(port)], {
      cwd: tempDir(),
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        CAIRN_DB: "./cairn.db",
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const found = /Cairn is serving (\S+)/.exec(out);
          if (found) resolve(found[1] as string);
        });
        child.once("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      expect(line).toBe(`http://127.0.0.1:${port}`);
      // A fresh database with no collection yet: up, but not healthy.
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(503);
    } finally {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  });
});
