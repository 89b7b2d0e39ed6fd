// Cairn stores AWS costs in USD: an AWS row billed in another currency is a bad row named with
// its file and line, never a figure silently counted as dollars.
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
import { focusCsv, focusRow } from "../helpers/focus-rows";

const estimate = (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null }));
let opened: OpenedStore;
let dir: string;
beforeEach(async () => {
  opened = openSqliteStore(":memory:");
  dir = await mkdtemp(join(tmpdir(), "cairn-focus-currency-"));
});
afterEach(async () => {
  opened.close();
  await rm(dir, { recursive: true, force: true });
});

describe("FOCUS rows billed in another currency", () => {
  it("refuses an AWS row in EUR as a bad row, and keeps the USD rows", async () => {
    const path = join(dir, "export.csv");
    await writeFile(path, focusCsv([focusRow(), focusRow({ BillingCurrency: "EUR", BilledCost: "9" })]));
    const summary = await importFocus(
      { store: opened.store, now: () => new Date("2026-03-10T12:00:00Z"), estimate },
      { target: path, pipelineTag: "pipeline", maxErrors: 10 },
    );
    expect(summary.badRows).toBe(1);
    expect(formatRowError(summary.errors[0] as never)).toBe(
      `${path}:3: BillingCurrency is EUR: Cairn stores AWS costs in USD`,
    );
    const [row] = opened.store.db
      .select({ cost: sql<number>`coalesce(sum(${costLines.unblendedCostUsd}), 0)` })
      .from(costLines)
      .all();
    expect(row?.cost).toBeCloseTo(1.5, 9);
  });
});
