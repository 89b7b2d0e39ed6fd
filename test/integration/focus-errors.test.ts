/** Bad rows: reported with file and line, skipped; past the limit nothing is written. */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatRowError } from "../../collectors/focus/scan-rows";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { costLines } from "../../src/store/schema/index";

const SAMPLE = join(import.meta.dirname, "../fixtures/focus/focus-1.0-sample.csv");
const estimate = (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null }));

let opened: OpenedStore;
let dir: string;
beforeEach(async () => {
  opened = openSqliteStore(":memory:");
  dir = await mkdtemp(join(tmpdir(), "cairn-focus-errors-"));
});
afterEach(async () => {
  opened.close();
  await rm(dir, { recursive: true, force: true });
});

const deps = () => ({ store: opened.store, now: () => new Date("2026-03-10T12:00:00Z"), estimate });

function totals() {
  const [row] = opened.store.db
    .select({ cost: sql<number>`coalesce(sum(${costLines.unblendedCostUsd}), 0)`, lines: sql<number>`count(*)` })
    .from(costLines)
    .all();
  return row;
}

/** The sample with three lines broken: an unparsable cost, a missing date, a short row. */
async function corruptedCopy(): Promise<{ path: string; badLines: number[] }> {
  const lines = readFileSync(SAMPLE, "utf8").split("\n");
  const header = (lines[0] as string).split(",").map((h) => h.replaceAll('"', ""));
  const cost = header.indexOf("BilledCost");
  const start = header.indexOf("ChargePeriodStart");
  const breakField = (lineNo: number, index: number, value: string) => {
    // Fields before the ones broken here hold no quoted commas in these lines of the sample.
    const fields = (lines[lineNo - 1] as string).split(",");
    fields[index] = value;
    lines[lineNo - 1] = fields.join(",");
  };
  breakField(5, cost, "12,5O".replace(",", ""));
  breakField(10, start, "NULL");
  lines[20 - 1] = (lines[20 - 1] as string).split(",").slice(0, 10).join(",");
  const path = join(dir, "corrupted.csv");
  await writeFile(path, lines.join("\n"));
  return { path, badLines: [5, 10, 20] };
}

describe("bad FOCUS rows", () => {
  it("reports each bad line with the file and line number, and imports the rest", async () => {
    const { path, badLines } = await corruptedCopy();
    const summary = await importFocus(deps(), { target: path, pipelineTag: "pipeline", maxErrors: 10 });
    expect(summary.status).toBe("succeeded");
    expect(summary.badRows).toBe(3);
    expect(summary.errors.map((e) => e.position)).toEqual(badLines);
    expect(summary.errors.every((e) => e.file === path)).toBe(true);
    const messages = summary.errors.map(formatRowError);
    expect(messages[0]).toBe(`${path}:5: BilledCost is not a number: "125O"`);
    expect(messages[1]).toBe(`${path}:10: ChargePeriodStart is missing`);
    expect(messages[2]).toMatch(new RegExp(`^${path}:20: expected 44 fields, found 10$`));
    expect(summary.rows).toBe(1000);
    expect(summary.awsRows + summary.otherProviderRows).toBe(997);
  });

  it("stops past CAIRN_IMPORT_MAX_ERRORS without writing a partial period", async () => {
    await importFocus(deps(), { target: SAMPLE, pipelineTag: "pipeline", maxErrors: 0 });
    const before = totals();
    expect(before?.lines).toBeGreaterThan(0);
    const { path } = await corruptedCopy();
    const summary = await importFocus(deps(), { target: path, pipelineTag: "pipeline", maxErrors: 2 });
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/stopped after 3 bad rows \(CAIRN_IMPORT_MAX_ERRORS=2\); nothing was written/);
    expect(summary.costLinesWritten).toBe(0);
    expect(totals()).toEqual(before);
  });

  it("refuses a file that lacks a required column, naming it", async () => {
    const path = join(dir, "not-focus.csv");
    await writeFile(path, "BilledCost,ServiceName\n1.5,Amazon S3\n");
    const summary = await importFocus(deps(), { target: path, pipelineTag: "pipeline", maxErrors: 10 });
    expect(summary.status).toBe("failed");
    expect(summary.error).toContain("missing required column(s) EffectiveCost, BillingAccountId, BillingPeriodStart");
    expect(totals()?.lines).toBe(0);
  });
});
