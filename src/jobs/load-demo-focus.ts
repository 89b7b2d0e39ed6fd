/**
 * The demo's FOCUS month: one closed month of the production account, written as a FOCUS file
 * and imported by the real importer, on top of the same month's Cost Explorer-style demo lines.
 * The FOCUS month counts; the demo lines stay stored; the data health page compares them.
 * Node only (a temporary file), like the demo loader itself.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, inArray, like } from "drizzle-orm";
import { DEMO_ACCOUNTS } from "../../collectors/demo/accounts";
import { demoFocusCsv, demoFocusMonth } from "../../collectors/demo/focus-month";
import { monthOf } from "../days";
import type { CostLine, Day } from "../model";
import type { EstimatedLine } from "../store/cost-lines";
import {
  costLines,
  importFiles,
  importLines,
  resourceDays,
  resourceLines,
  resourceMonthSums,
  resourceMonths,
  resources,
} from "../store/schema/index";
import { readDb, type Store } from "../store/store";
import { importFocus } from "./import-focus";

const FILE_PREFIX = "cairn-demo-focus-";
const DEMO_ACCOUNT_IDS = DEMO_ACCOUNTS.map((a) => a.accountId);

/** Removes what an earlier demo load imported, so a reload (on a later day) starts clean. */
export async function clearDemoFocus(store: Store): Promise<void> {
  const db = readDb(store);
  await db.delete(importLines).where(inArray(importLines.accountId, DEMO_ACCOUNT_IDS));
  await db.delete(importFiles).where(like(importFiles.name, `%/${FILE_PREFIX}%`));
  await db.delete(costLines).where(and(eq(costLines.source, "focus"), inArray(costLines.accountId, DEMO_ACCOUNT_IDS)));
  const demoResources = db
    .select({ id: resources.resourceId })
    .from(resources)
    .where(inArray(resources.accountId, DEMO_ACCOUNT_IDS));
  await db.delete(resourceMonths).where(inArray(resourceMonths.resourceId, demoResources));
  await db.delete(resourceDays).where(inArray(resourceDays.resourceId, demoResources));
  await db.delete(resourceMonthSums).where(inArray(resourceMonthSums.resourceId, demoResources));
  await db.delete(resourceLines).where(inArray(resourceLines.accountId, DEMO_ACCOUNT_IDS));
  await db.delete(resources).where(inArray(resources.accountId, DEMO_ACCOUNT_IDS));
}

export async function importDemoFocusMonth(
  deps: { store: Store; now: () => Date; estimate: (lines: CostLine[]) => EstimatedLine[] },
  demoLines: readonly CostLine[],
  today: Day,
): Promise<number> {
  const production = DEMO_ACCOUNTS.find((a) => a.role === "production")?.accountId ?? "";
  const month = demoFocusMonth(monthOf(today));
  const lines = demoLines.filter((l) => l.accountId === production && monthOf(l.day) === month);
  if (lines.length === 0) return 0;
  const dir = await mkdtemp(join(tmpdir(), FILE_PREFIX));
  try {
    const file = join(dir, `focus-${month}.csv`);
    await writeFile(file, demoFocusCsv(lines, month, production));
    const summary = await importFocus(deps, { target: file, pipelineTag: "pipeline", maxErrors: 0 });
    if (summary.status !== "succeeded") throw new Error(`demo FOCUS month: ${summary.error ?? "import failed"}`);
    return summary.costLinesWritten;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
