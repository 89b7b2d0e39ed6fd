/**
 * What the operator's terminal and spreadsheet receive from `cairn`: no terminal escape
 * sequences from imported names, no formula in exported CSV cells, no secret echoed by a
 * configuration error.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCairn } from "../helpers/cli";
import { focusCsv, focusRow } from "../helpers/focus-rows";

let dir: string;
let env: Record<string, string>;
const ESCAPES = "\u001b]0;owned\u0007\u001b[2J\u009b31m";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cairn-cli-hardening-"));
  env = { CAIRN_DB: join(dir, "cairn.db") };
  const file = join(dir, "export.csv");
  writeFileSync(
    file,
    focusCsv([
      focusRow({ ServiceName: '=HYPERLINK("http://evil.example","x")' }),
      focusRow({ ServiceName: "@SUM(1+1)", ResourceId: "b" }),
      focusRow({ BilledCost: `12${ESCAPES}` }),
    ]),
  );
  const r = runCairn(["import", file, "--max-errors", "5"], { cwd: dir, env });
  expect(r.status).toBe(0);
  // The bad cell is quoted back in the error message: its escapes must not reach the terminal.
  expect(r.stderr).toContain("BilledCost is not a number");
  for (const control of ["\u001b", "\u0007", "\u009b"]) expect(r.stderr).not.toContain(control);
  expect(r.stderr).toContain("\uFFFD");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("cairn output", () => {
  it("exports CSV and open data with formula-looking text quoted as text", () => {
    const csv = runCairn(["export", "--format", "csv", "--from", "2026-01-01", "--to", "2026-02-01"], {
      cwd: dir,
      env,
    });
    expect(csv.status).toBe(0);
    expect(csv.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv.stdout).toContain("'@SUM(1+1)");
    expect(csv.stdout).not.toMatch(/(^|,)[=@]/m);
    const out = join(dir, "open.csv");
    const open = runCairn(["export", "--open-data", "--format", "csv", "--out", out], { cwd: dir, env });
    expect(open.status).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("'@SUM(1+1)");
    expect(text).not.toMatch(/(^|,)"?[=@]/m);
  });

  it("names a wrong secret setting without printing its value", () => {
    const r = runCairn(["migrate"], {
      cwd: dir,
      env: {
        ...env,
        CAIRN_SMTP_URL: "http://mailer:hunter2-secret@mail.example.org",
        CAIRN_WEBHOOK_URL: "not a url but a s3cr3t",
      },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("CAIRN_SMTP_URL=(hidden, 45 characters): expected an smtp:// or smtps:// URL");
    expect(r.stderr).toContain("CAIRN_WEBHOOK_URL=(hidden");
    expect(r.stderr).not.toMatch(/hunter2|s3cr3t/);
  });
});
