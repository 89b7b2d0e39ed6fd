/**
 * Import memory does not grow with the file: a 3-month file and a 1-month file with the same
 * keys per month are each imported in a fresh child process (bench/focus-child.ts), whose peak
 * RSS is the kernel's high-water mark. The 3-month import must stay within a few MB of the
 * 1-month one and under the README's 200 MB (module loading alone takes about 100 MB).
 * Before sums were staged per period, the 3-month file took about 2.5 times the 1-month memory.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli";
import { writeBigFocusFile } from "../helpers/focus-big-file";

const dir = mkdtempSync(join(tmpdir(), "cairn-focus-memory-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importInChild(file: string, db: string): { units: number; rssMb: number } {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "bench", "focus-child.ts"), "import", file, db],
    {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      timeout: 280_000,
    },
  );
  const last = r.stdout.trim().split("\n").at(-1) ?? "";
  if (r.status !== 0 || !last.startsWith("{")) throw new Error(`import child failed: ${r.stderr}`);
  return JSON.parse(last) as { units: number; rssMb: number };
}

describe("FOCUS import memory", () => {
  it("is bounded: 3 months take about what 1 month takes, under 200 MB", { timeout: 600_000 }, async () => {
    const keys = 15_000;
    const one = join(dir, "one-month.csv");
    const three = join(dir, "three-months.csv");
    await writeBigFocusFile(one, { rows: 2 * keys, months: 1, keys });
    await writeBigFocusFile(three, { rows: 6 * keys, months: 3, keys });
    const a = importInChild(one, join(dir, "one.db"));
    const b = importInChild(three, join(dir, "three.db"));
    expect(a.units).toBe(2 * keys);
    expect(b.units).toBe(6 * keys);
    expect(b.rssMb - a.rssMb).toBeLessThan(30);
    expect(b.rssMb).toBeLessThan(200);
  });
});
