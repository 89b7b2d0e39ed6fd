import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCairn } from "../helpers/cli";

const tempDir = () => mkdtempSync(join(tmpdir(), "cairn-cli-"));

describe("cairn command line", () => {
  it("prints help with exit 0, and names every command", () => {
    // The development entry point (tsx over the sources); the other tests run the bundle.
    const r = runCairn(["--help"], { cwd: tempDir(), entry: "sources" });
    expect(r.status).toBe(0);
    for (const name of ["serve", "demo", "migrate"]) expect(r.stdout).toContain(name);
  });

  it("shows a command's own help", () => {
    const r = runCairn(["serve", "--help"], { cwd: tempDir() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("--port");
  });

  it("exits 2 on an unknown command or option", () => {
    expect(runCairn(["frobnicate"], { cwd: tempDir() }).status).toBe(2);
    const r = runCairn(["migrate", "--colour"], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--colour");
  });

  it("exits 1 on bad configuration, listing every problem", () => {
    const r = runCairn(["migrate"], { cwd: tempDir(), env: { CAIRN_PORT: "0", CAIRN_CURRENCY: "CHF" } });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("CAIRN_PORT");
    expect(r.stderr).toContain("CAIRN_CURRENCY");
    expect(r.stderr).toContain('"CHF"');
  });

  it("reads .env, and the environment wins over it", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".env"), "CAIRN_DB=./from-env-file.db\nCAIRN_LOCALE=xx\n");
    const r = runCairn(["migrate"], { cwd: dir, env: { CAIRN_LOCALE: "en" } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("from-env-file.db");
  });

  it("migrate refuses a foreign file with exit 1 and leaves it intact", () => {
    const dir = tempDir();
    const path = join(dir, "precious.db");
    writeFileSync(path, "not a database");
    const r = runCairn(["migrate"], { cwd: dir, env: { CAIRN_DB: path } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a SQLite database/);
    expect(readFileSync(path, "utf8")).toBe("not a database");
  });

  // Two real demo loads: a minute or more on a loaded machine.
  it("demo loads the dataset, and loading it again gives the same line count", { timeout: 180_000 }, () => {
    const dir = tempDir();
    const env = { CAIRN_DB: join(dir, "demo.db") };
    const first = runCairn(["demo"], { cwd: dir, env });
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const count = Number(/(\d+) cost lines/.exec(first.stdout)?.[1]);
    expect(count).toBeGreaterThan(10_000);
    const second = runCairn(["demo"], { cwd: dir, env });
    expect(second.status).toBe(0);
    expect(Number(/(\d+) cost lines/.exec(second.stdout)?.[1])).toBe(count);
  });
});
