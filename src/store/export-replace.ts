/**
 * Replaces FOCUS exports' contributions (billing account x billing period) with sums read
 * elsewhere (Athena) and rebuilds the cost lines (source `focus`) of every month they touch, by
 * the import's rules: the export's old lines go, its new ones come, and each touched month is
 * rebuilt from the sums of all exports, renamed to Cost Explorer's vocabulary
 * (./canonical-lines.ts), estimated, replacing that month's `focus` lines of those accounts. The
 * export's resource lines go too (its days marked for the rollup): the new sums carry none, and
 * lines of the old contribution would no longer add up to its cost lines.
 *
 * Free of the file readers of the local import (src/jobs/import-focus.ts), so the Worker can
 * bundle it. On SQLite every export of the call is replaced in ONE transaction, synchronously
 * (nothing else runs on the connection meanwhile); D1 has no transaction across batches, so there
 * the contribution is replaced in one batch, then each month's cost lines by whole days
 * (./cost-lines-d1.ts): a failure in between leaves a month as it was until the next run.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Contribution, OtherProviderTotal } from "../../collectors/focus/aggregate";
import { addMonths, firstDayOfMonth } from "../days";
import type { CostLine, Month } from "../model";
import { canonicalLines } from "./canonical-lines";
import { type EstimatedLine, replaceCostLines, replaceCostLinesSqlite } from "./cost-lines";
import { refreshCostRollup } from "./cost-rollup";
import type { ExportKey, SummedLine, TouchedMonths } from "./imports";
import { costRollupDirty, importLines, importOtherProviders, resourceLines } from "./schema/index";
import { readDb, type Store } from "./store";

/** 13 columns a line: 7 lines keep a statement under D1's 100 bound parameters. */
const LINES_PER_INSERT = 7;
const STATEMENTS_PER_BATCH = 50;
const ACCOUNTS_PER_QUERY = 90;

export interface ExportSums {
  key: ExportKey;
  lines: readonly Contribution[];
  others: readonly OtherProviderTotal[];
}

export interface ReplaceExportDeps {
  store: Store;
  estimate: (lines: CostLine[]) => EstimatedLine[];
  /** Whether a month's lines are still estimates (open, or its invoice not final yet). */
  isEstimated: (month: Month) => boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: one query builder, run synchronously (.all/.run) on better-sqlite3 or awaited on D1.
type Query = any;

const exportWhere = (t: typeof importLines | typeof importOtherProviders | typeof resourceLines, key: ExportKey) =>
  and(eq(t.billingAccountId, key.billingAccountId), eq(t.billingPeriod, key.billingPeriod));

function touchedQuery(store: Store, key: ExportKey): Query {
  return readDb(store)
    .selectDistinct({ month: sql<string>`substr(${importLines.day}, 1, 7)`, accountId: importLines.accountId })
    .from(importLines)
    .where(exportWhere(importLines, key));
}

function addTouched(touched: TouchedMonths, rows: readonly { month: string; accountId: string }[]): void {
  for (const r of rows) {
    const set = touched.get(r.month) ?? new Set<string>();
    set.add(r.accountId);
    touched.set(r.month, set);
  }
}

function monthSumsQueries(store: Store, month: Month, accountIds: readonly string[]): Query[] {
  const out: Query[] = [];
  for (let i = 0; i < accountIds.length; i += ACCOUNTS_PER_QUERY) {
    out.push(
      readDb(store)
        .select({
          day: importLines.day,
          accountId: importLines.accountId,
          service: importLines.service,
          region: importLines.region,
          usageType: importLines.usageType,
          pipeline: importLines.pipeline,
          usageUnit: sql<string>`max(${importLines.usageUnit})`,
          unblendedCostUsd: sql<number>`sum(${importLines.unblendedCostUsd})`,
          amortizedCostUsd: sql<number>`sum(${importLines.amortizedCostUsd})`,
          usageAmount: sql<number>`sum(${importLines.usageAmount})`,
        })
        .from(importLines)
        .where(
          and(
            sql`${importLines.day} >= ${firstDayOfMonth(month)} AND ${importLines.day} < ${firstDayOfMonth(addMonths(month, 1))}`,
            inArray(importLines.accountId, accountIds.slice(i, i + ACCOUNTS_PER_QUERY)),
          ),
        )
        .groupBy(
          importLines.day,
          importLines.accountId,
          importLines.service,
          importLines.region,
          importLines.usageType,
          importLines.pipeline,
        ),
    );
  }
  return out;
}

/** The statements that swap an export's contribution (and drop its resource lines). */
function swapStatements(store: Store, e: ExportSums): Query[] {
  const db = readDb(store);
  const statements: Query[] = [
    // The days the export's resource lines covered are rebuilt by the rollup once they are gone.
    db
      .insert(costRollupDirty)
      .select(
        db.selectDistinct({ day: resourceLines.day }).from(resourceLines).where(exportWhere(resourceLines, e.key)),
      )
      .onConflictDoNothing(),
    db.delete(resourceLines).where(exportWhere(resourceLines, e.key)),
    db.delete(importLines).where(exportWhere(importLines, e.key)),
    db.delete(importOtherProviders).where(exportWhere(importOtherProviders, e.key)),
  ];
  const rows = e.lines.map((l) => ({ ...e.key, ...l }));
  for (let i = 0; i < rows.length; i += LINES_PER_INSERT) {
    statements.push(db.insert(importLines).values(rows.slice(i, i + LINES_PER_INSERT)));
  }
  for (const o of e.others) statements.push(db.insert(importOtherProviders).values(o));
  return statements;
}

function rebuiltLines(deps: ReplaceExportDeps, month: Month, summed: SummedLine[]): EstimatedLine[] {
  const estimated = deps.isEstimated(month);
  return deps.estimate(
    canonicalLines(
      summed.map((r) => ({
        ...r,
        unblendedCostUsd: Number(r.unblendedCostUsd),
        amortizedCostUsd: Number(r.amortizedCostUsd),
        usageAmount: Number(r.usageAmount),
      })),
    ).map((l): CostLine => ({ ...l, estimated, source: "focus" })),
  );
}

const monthScope = (month: Month, accountIds: readonly string[]) => ({
  from: firstDayOfMonth(month),
  to: firstDayOfMonth(addMonths(month, 1)),
  accountIds,
  source: "focus" as const,
});

function touchedByNew(touched: TouchedMonths, e: ExportSums): void {
  addTouched(
    touched,
    e.lines.map((l) => ({ month: l.day.slice(0, 7), accountId: l.accountId })),
  );
}

const sortedMonths = (touched: TouchedMonths) => [...touched].sort(([a], [b]) => (a < b ? -1 : 1));

/** SQLite: every export swapped and every touched month rebuilt in one transaction. */
function replaceSqlite(
  deps: ReplaceExportDeps,
  store: Extract<Store, { kind: "sqlite" }>,
  exports: readonly ExportSums[],
  at: string,
): number {
  let written = 0;
  store.db.transaction(() => {
    const touched: TouchedMonths = new Map();
    for (const e of exports) {
      addTouched(touched, touchedQuery(store, e.key).all());
      touchedByNew(touched, e);
      for (const s of swapStatements(store, e)) s.run();
    }
    for (const [month, set] of sortedMonths(touched)) {
      const accountIds = [...set];
      const summed = monthSumsQueries(store, month, accountIds).flatMap((q) => q.all() as SummedLine[]);
      written += replaceCostLinesSqlite(store, monthScope(month, accountIds), rebuiltLines(deps, month, summed), at);
    }
  });
  return written;
}

async function replaceD1(
  deps: ReplaceExportDeps,
  store: Store,
  exports: readonly ExportSums[],
  at: string,
): Promise<number> {
  const db = readDb(store) as Query;
  let written = 0;
  const touched: TouchedMonths = new Map();
  for (const e of exports) {
    addTouched(touched, await touchedQuery(store, e.key));
    touchedByNew(touched, e);
    const statements = swapStatements(store, e);
    // The first batch swaps (deletes and first inserts); a long contribution continues in more.
    for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
      await db.batch(statements.slice(i, i + STATEMENTS_PER_BATCH));
    }
  }
  for (const [month, set] of sortedMonths(touched)) {
    const accountIds = [...set];
    const summed: SummedLine[] = [];
    for (const q of monthSumsQueries(store, month, accountIds)) summed.push(...((await q) as SummedLine[]));
    written += await replaceCostLines(store, monthScope(month, accountIds), rebuiltLines(deps, month, summed), at);
  }
  return written;
}

/** Replaces the exports' contributions; returns the cost lines written. Refreshes the rollups. */
export async function replaceExports(
  deps: ReplaceExportDeps,
  exports: readonly ExportSums[],
  at: string,
): Promise<number> {
  const { store } = deps;
  const written =
    store.kind === "sqlite" ? replaceSqlite(deps, store, exports, at) : await replaceD1(deps, store, exports, at);
  await refreshCostRollup(readDb(store));
  return written;
}
