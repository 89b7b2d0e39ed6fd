/**
 * Files that do not read to a clean end are refused whole, by name, and write nothing:
 * a truncated CSV, gzip or Parquet file, a record too long to be real, a decompression bomb.
 * And one transaction per export: a failure while rebuilding cost lines leaves the export's
 * `import_lines` and its cost lines as they were, agreeing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { type ImportFocusDeps, importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { costLines, importLines } from "../../src/store/schema/index";
import { useFocusImportFixture } from "../helpers/focus-import-fixture";
import { focusCsv, focusRow } from "../helpers/focus-rows";

const SAMPLE = join(import.meta.dirname, "../fixtures/focus/focus-1.0-sample.csv");
const estimate = (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null }));

const fx = useFocusImportFixture("cairn-focus-integrity");

const deps = (extra: Partial<ImportFocusDeps> = {}): ImportFocusDeps => ({
  store: fx.opened.store,
  now: () => new Date("2026-03-10T12:00:00Z"),
  estimate,
  ...extra,
});
const run = (target: string, extra: Partial<ImportFocusDeps> = {}) =>
  importFocus(deps(extra), { target, pipelineTag: "pipeline", maxErrors: 10 });

function totals() {
  const [lines] = fx.opened.store.db
    .select({ cost: sql<number>`round(coalesce(sum(${costLines.unblendedCostUsd}), 0), 6)`, n: sql<number>`count(*)` })
    .from(costLines)
    .all();
  const [imported] = fx.opened.store.db
    .select({
      cost: sql<number>`round(coalesce(sum(${importLines.unblendedCostUsd}), 0), 6)`,
      n: sql<number>`count(*)`,
    })
    .from(importLines)
    .all();
  return { lines, imported };
}

describe("damaged FOCUS files", () => {
  it("refuses a CSV file cut in the middle of a record and keeps the month it would have replaced", async () => {
    const full = await run(SAMPLE);
    expect(full.status).toBe("succeeded");
    const before = totals();
    expect(before.lines?.n).toBeGreaterThan(0);
    const text = readFileSync(SAMPLE, "utf8");
    // Cut inside a record, as an interrupted copy leaves it.
    const half = text.slice(0, text.indexOf("\n", text.length / 2) + 20);
    const path = await fx.write("cut.csv", half);
    const summary = await run(path);
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(new RegExp(`^${path}: the file ends in the middle of the record at line \\d+`));
    expect(summary.error).toContain("truncated");
    expect(summary.costLinesWritten).toBe(0);
    expect(totals()).toEqual(before);
  });

  it("refuses a truncated gzip file, naming it", async () => {
    await run(SAMPLE);
    const before = totals();
    const gz = gzipSync(readFileSync(SAMPLE));
    const path = await fx.write("cut.csv.gz", gz.subarray(0, Math.floor(gz.length / 2)));
    const summary = await run(path);
    expect(summary.status).toBe("failed");
    expect(summary.error).toBe(
      `${path}: gzip data is damaged or truncated (unexpected end of file); nothing was imported from it`,
    );
    expect(totals()).toEqual(before);
  });

  it("refuses a truncated Parquet file, naming it", async () => {
    const rows = [focusRow({ BilledCost: "1" }), focusRow({ BilledCost: "2", ResourceId: "b" })];
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: "BilledCost", data: rows.map((r) => Number(r.BilledCost)), type: "DOUBLE" },
        { name: "EffectiveCost", data: rows.map((r) => Number(r.EffectiveCost)), type: "DOUBLE" },
        { name: "BillingCurrency", data: rows.map((r) => r.BillingCurrency), type: "STRING" },
        { name: "BillingAccountId", data: rows.map((r) => r.BillingAccountId), type: "STRING" },
        { name: "BillingPeriodStart", data: rows.map((r) => new Date(r.BillingPeriodStart)), type: "TIMESTAMP" },
        { name: "ChargePeriodStart", data: rows.map((r) => new Date(r.ChargePeriodStart)), type: "TIMESTAMP" },
        { name: "ChargeCategory", data: rows.map((r) => r.ChargeCategory), type: "STRING" },
        { name: "ProviderName", data: rows.map((r) => r.ProviderName), type: "STRING" },
        { name: "ServiceName", data: rows.map((r) => r.ServiceName), type: "STRING" },
        { name: "SubAccountId", data: rows.map((r) => r.SubAccountId), type: "STRING" },
      ],
    });
    const whole = await fx.write("whole.parquet", buffer);
    expect((await run(whole)).status).toBe("succeeded");
    const before = totals();
    const path = await fx.write("cut.parquet", new Uint8Array(buffer).subarray(0, Math.floor(buffer.byteLength * 0.7)));
    const summary = await run(path);
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(new RegExp(`^${path}: Parquet data is damaged or truncated \\(.+\\); nothing was`));
    expect(totals()).toEqual(before);
  });

  it("refuses a record longer than 1 MiB with a clear error instead of re-reading it for minutes", async () => {
    const header = focusCsv([]).trimEnd();
    const path = await fx.write("long.csv", `${header}\n"${"x".repeat(3 * 1024 * 1024)}\n`);
    const summary = await run(path);
    expect(summary.status).toBe("failed");
    expect(summary.error).toBe(
      `${path}: line 2: a record longer than 1,048,576 characters: not a FOCUS export, or a damaged file`,
    );
  });

  it("refuses a gzip bomb (decompresses past 200 times its size) with a clear error", async () => {
    const header = `${focusCsv([]).trimEnd()}\n`;
    // 256 MiB of line breaks: blank lines, so neither the record cap nor bad rows stop it.
    const bomb = gzipSync(Buffer.concat([Buffer.from(header), Buffer.alloc(256 * 1024 * 1024, 10)]), { level: 9 });
    const path = await fx.write("bomb.csv.gz", bomb);
    const summary = await run(path);
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(
      new RegExp(`^${path}: gzip data decompresses to more than 200 times its size .*: not a FOCUS export`),
    );
  });
});

describe("one transaction per export", () => {
  it("leaves import_lines and cost lines agreeing when the rebuild fails", async () => {
    const v1 = await fx.write("jan-v1.csv", focusCsv([focusRow({ BilledCost: "1" })]));
    expect((await run(v1)).status).toBe("succeeded");
    const before = totals();
    expect(before).toEqual({ lines: { cost: 1, n: 1 }, imported: { cost: 1, n: 1 } });
    const v2 = await fx.write("jan-v2.csv", focusCsv([focusRow({ BilledCost: "5" })]));
    const failing = () => {
      throw new Error("estimator crashed");
    };
    const summary = await run(v2, { estimate: failing });
    expect(summary.status).toBe("failed");
    expect(summary.error).toBe("estimator crashed");
    expect(totals()).toEqual(before);
  });

  it("gives the same lines when sums are flushed to staging after every batch", async () => {
    const rows = [
      focusRow({ BilledCost: "1", ResourceId: "a" }),
      focusRow({ BilledCost: "2", ResourceId: "b" }),
      focusRow({
        BilledCost: "8",
        BillingPeriodStart: "2026-02-01T00:00:00Z",
        BillingPeriodEnd: "2026-03-01T00:00:00Z",
        ChargePeriodStart: "2026-02-03T00:00:00Z",
      }),
    ];
    // Rows of one key far apart, so the flushes split each key's sum.
    const text = focusCsv([...rows, ...Array.from({ length: 3000 }, () => rows).flat()]);
    const path = await fx.write("two-months.csv", text);
    const flushed = await run(path, { flushKeys: 1 });
    expect(flushed.status).toBe("succeeded");
    const after = totals();
    expect(after.lines).toEqual({ cost: 3001 * 11, n: 2 });
    expect(after.imported).toEqual(after.lines);
    expect(flushed.periods.map((p) => [p.billingPeriod, p.lines, p.unblendedCostUsd])).toEqual([
      ["2026-01", 1, 3001 * 3],
      ["2026-02", 1, 3001 * 8],
    ]);
  });
});
