/**
 * Import memory does not grow with the file, and stays well under the README's 200 MB: a
 * 3-month file and a 1-month file with the same keys per month are each imported by the
 * compiled `cairn import` (what an installation runs, src/build-node.ts) in a fresh process,
 * whose peak RSS is the kernel's high-water mark (test/helpers/peak-rss.ts). 25,000 keys a
 * month: the 3-month file passes FLUSH_KEYS, so its sums are flushed to staging while it is read.
 * Bound: 170 MB (loading the program alone takes about 95 MB). With the resource rollups'
 * running sums (migration 0028) the 3-month import measured 143 to 147 MB run alone, and once
 * 166 MB beside other test files on a loaded machine (the garbage collector's threads get fewer
 * turns); the README's bound, on a 1-million-row file, is 200 MB.
 * Measured before the fixes: sums not staged per period, the 3-month file took about 2.5 times
 * the 1-month memory; with better-sqlite3's 16 MB page cache, no collection of dead batches
 * and every chart, PDF and SMTP package loaded at start, this test's 3-month import took
 * 202 MB (1 month: 187 MB).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cairnBin } from "../helpers/cli";
import { writeBigFocusFile } from "../helpers/focus-big-file";
import { runWithPeakRss } from "../helpers/peak-rss";

const dir = mkdtempSync(join(tmpdir(), "cairn-focus-memory-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importInChild(file: string, db: string): { rows: number; rssMb: number } {
  const r = runWithPeakRss([cairnBin(), "import", file], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? "",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      CAIRN_DB: db,
    },
    timeout: 280_000,
  });
  if (r.status !== 0) throw new Error(`cairn import failed (exit ${r.status}): ${r.stderr}`);
  const rows = /FOCUS [\d.]+, (\d+) rows/.exec(r.stdout)?.[1];
  return { rows: Number(rows), rssMb: r.peakRssMb };
}

describe("FOCUS import memory", () => {
  it("is bounded: 3 months take about what 1 month takes, under 170 MB", { timeout: 600_000 }, async () => {
    const keys = 25_000;
    const one = join(dir, "one-month.csv");
    const three = join(dir, "three-months.csv");
    await writeBigFocusFile(one, { rows: 2 * keys, months: 1, keys });
    await writeBigFocusFile(three, { rows: 6 * keys, months: 3, keys });
    const a = importInChild(one, join(dir, "one.db"));
    const b = importInChild(three, join(dir, "three.db"));
    console.log(`cairn import peak RSS: 1 month ${a.rssMb.toFixed(0)} MB, 3 months ${b.rssMb.toFixed(0)} MB`);
    expect(a.rows).toBe(2 * keys);
    expect(b.rows).toBe(6 * keys);
    expect(b.rssMb - a.rssMb).toBeLessThan(30);
    expect(b.rssMb).toBeLessThan(170);
  });
});
