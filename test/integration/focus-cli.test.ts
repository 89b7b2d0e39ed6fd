/**
 * `cairn import` and `cairn export` end to end through the real executable: the sample imported,
 * then exported in each format; totals survive the round trip, open data drops account ids and
 * carries its licence, and a bad file past the limit exits 1 naming the lines.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCairn } from "../helpers/cli";
import { plainCsv as csvRows, FOCUS_SAMPLE, sampleAwsTotal, sampleRows } from "../helpers/focus-sample";

const SAMPLE = FOCUS_SAMPLE;
let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cairn-focus-cli-"));
  env = { CAIRN_DB: join(dir, "cairn.db"), CAIRN_PIPELINE_TAG: "application" };
  const r = runCairn(["import", SAMPLE], { cwd: dir, env });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("FOCUS 1.0, 1000 rows (942 AWS, 58 other providers, 0 bad)");
  expect(r.stdout).toMatch(/kept apart: 51 rows of Microsoft/);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const range = ["--from", "2024-09-01", "--to", "2024-11-01"];

describe("cairn import and export", () => {
  it("exports FOCUS columns with x_ carbon columns, to a file, with the AWS total of the source", () => {
    const out = join(dir, "export.csv");
    const r = runCairn(["export", "--format", "focus", ...range, "--out", out], { cwd: dir, env });
    expect(r.status).toBe(0);
    const text = readFileSync(out, "utf8");
    const header = text.split("\n")[0] as string;
    for (const c of [
      "ChargePeriodStart",
      "BilledCost",
      "EffectiveCost",
      "ServiceName",
      "SubAccountId",
      "x_EnergyKwh",
      "x_Co2eGrams",
      "x_MarketCo2eGrams",
      "x_EmbodiedCo2eGrams",
      "x_EstimateMethod",
      "x_FactorSet",
    ]) {
      expect(header.split(",")).toContain(c);
    }
    const rows = csvRows(text);
    expect(r.stderr).toContain(`wrote ${rows.length} rows`);
    expect(rows.reduce((s, row) => s + Number(row.BilledCost), 0)).toBeCloseTo(sampleAwsTotal(), 6);
    expect(rows.every((row) => row.x_Source === "focus" && row.x_FactorSet !== "")).toBe(true);
  });

  it("exports JSON records, one per stored line", () => {
    const r = runCairn(["export", "--format", "json", ...range], { cwd: dir, env });
    expect(r.status).toBe(0);
    const records = JSON.parse(r.stdout) as { unblendedCostUsd: number; accountId: string }[];
    expect(records.length).toBeGreaterThan(0);
    expect(records.reduce((s, x) => s + x.unblendedCostUsd, 0)).toBeCloseTo(sampleAwsTotal(), 6);
  });

  it("publishes open data: monthly aggregates without account ids, headed by methodology and licence", () => {
    const r = runCairn(["export", "--format", "csv", "--open-data", ...range], { cwd: dir, env });
    expect(r.status).toBe(0);
    const comments = r.stdout.split("\n").filter((l) => l.startsWith("# "));
    expect(comments.join("\n")).toContain("CC BY 4.0");
    expect(comments.join("\n")).toContain("Methodology");
    const rows = csvRows(r.stdout);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      "month",
      "pipeline",
      "service",
      "region",
      "unblendedCostUsd",
      "amortizedCostUsd",
      "energyKwh",
      "co2eGrams",
      "co2eGramsLow",
      "co2eGramsHigh",
      "marketCo2eGrams",
      "embodiedCo2eGrams",
      "methods",
      "factorSets",
      "lines",
    ]);
    expect(new Set(rows.map((x) => x.month))).toEqual(new Set(["2024-09"]));
    // Each row carries its range: low <= central <= high.
    for (const x of rows) {
      expect(Number(x.co2eGramsLow)).toBeLessThanOrEqual(Number(x.co2eGrams) + 1e-9);
      expect(Number(x.co2eGrams)).toBeLessThanOrEqual(Number(x.co2eGramsHigh) + 1e-9);
    }
    expect(rows.reduce((s, x) => s + Number(x.unblendedCostUsd), 0)).toBeCloseTo(sampleAwsTotal(), 6);
    // No account id of the sample survives.
    const accounts = new Set(sampleRows().flatMap((x) => [x.SubAccountId, x.BillingAccountId]));
    for (const id of accounts) if (id && id !== "NULL") expect(r.stdout).not.toContain(id);

    const json = runCairn(["export", "--format", "json", "--open-data", ...range], { cwd: dir, env });
    const parsed = JSON.parse(json.stdout) as { about: { licence: string }; rows: unknown[] };
    expect(parsed.about.licence).toContain("CC BY 4.0");
    expect(parsed.rows).toHaveLength(rows.length);
  });

  it("exits 1 past the error limit, naming the bad lines, and writes nothing", () => {
    const lines = readFileSync(SAMPLE, "utf8").split("\n");
    lines[2] = (lines[2] as string).replace(/^NULL,[^,]+,/, "NULL,twelve,");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, lines.join("\n"));
    const r = runCairn(["import", bad, "--max-errors", "0"], { cwd: dir, env });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}:3: BilledCost is not a number: "twelve"`);
    expect(r.stderr).toContain("nothing was written");
    expect(runCairn(["import", join(dir, "missing.csv")], { cwd: dir, env }).status).toBe(1);
    expect(runCairn(["export", "--format", "xml"], { cwd: dir, env }).status).toBe(2);
  });
});
