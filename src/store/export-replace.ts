/**
 * Replaces one FOCUS export's contribution (billing account x billing period) and rebuilds the
 * cost lines (source `focus`) of every month it touches, through drizzle's common API: the path
 * for D1, where the import's synchronous staging (./import-staging.ts, ./import-commit.ts) does
 * not exist. The same rules as the import: the export's old lines go, its new ones come, and each
 * touched month is rebuilt from the sums of all exports, renamed to Cost Explorer's vocabulary
 * (./canonical-lines.ts), estimated, replacing that month's `focus` lines of those accounts.
 *
 * D1 has no transaction across batches: the contribution is replaced in one batch, then each
 * month's cost lines by whole days (./cost-lines-d1.ts). A failure in between leaves the month's
 * cost lines as they were until the next run rebuilds them; nothing is counted twice.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Contribution, OtherProviderTotal } from "../../collectors/focus/aggregate";
import { addMonths, firstDayOfMonth } from "../days";
import type { CostLine, Month } from "../model";
import { canonicalLines } from "./canonical-lines";
import { type EstimatedLine, replaceCostLines } from "./cost-lines";
import type { ExportKey, SummedLine, TouchedMonths } from "./imports";
import { replaceOtherProviders } from "./imports";
import { importLines } from "./schema/index";
import { readDb, type Store } from "./store";

/** 13 columns a line: 7 lines keep a statement under D1's 100 bound parameters. */
const LINES_PER_INSERT = 7;
const STATEMENTS_PER_BATCH = 50;
const ACCOUNTS_PER_QUERY = 90;

async function touchedBy(store: Store, key: ExportKey, touched: TouchedMonths): Promise<void> {
  const rows = await readDb(store)
    .selectDistinct({ month: sql<string>`substr(${importLines.day}, 1, 7)`, accountId: importLines.accountId })
    .from(importLines)
    .where(
      and(eq(importLines.billingAccountId, key.billingAccountId), eq(importLines.billingPeriod, key.billingPeriod)),
    );
  for (const r of rows) {
    const set = touched.get(r.month) ?? new Set<string>();
    set.add(r.accountId);
    touched.set(r.month, set);
  }
}

async function monthSums(store: Store, month: Month, accountIds: readonly string[]): Promise<SummedLine[]> {
  const out: SummedLine[] = [];
  for (let i = 0; i < accountIds.length; i += ACCOUNTS_PER_QUERY) {
    const rows = await readDb(store)
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
      );
    out.push(
      ...rows.map((r) => ({
        ...r,
        unblendedCostUsd: Number(r.unblendedCostUsd),
        amortizedCostUsd: Number(r.amortizedCostUsd),
        usageAmount: Number(r.usageAmount),
      })),
    );
  }
  return out;
}

export interface ReplaceExportDeps {
  store: Store;
  estimate: (lines: CostLine[]) => EstimatedLine[];
  /** Whether a month's lines are still estimates (open, or its invoice not final yet). */
  isEstimated: (month: Month) => boolean;
}

/** Replaces the export's contribution; returns the months (and accounts) whose lines were rebuilt. */
export async function replaceExport(
  deps: ReplaceExportDeps,
  key: ExportKey,
  lines: readonly Contribution[],
  others: readonly OtherProviderTotal[],
  at: string,
): Promise<Map<Month, number>> {
  const { store } = deps;
  const touched: TouchedMonths = new Map();
  await touchedBy(store, key, touched);
  for (const l of lines) {
    const set = touched.get(l.day.slice(0, 7)) ?? new Set<string>();
    set.add(l.accountId);
    touched.set(l.day.slice(0, 7), set);
  }
  const db = readDb(store);
  const where = and(
    eq(importLines.billingAccountId, key.billingAccountId),
    eq(importLines.billingPeriod, key.billingPeriod),
  );
  const rows = lines.map((l) => ({ ...key, ...l }));
  const statements: unknown[] = [db.delete(importLines).where(where)];
  for (let i = 0; i < rows.length; i += LINES_PER_INSERT) {
    statements.push(db.insert(importLines).values(rows.slice(i, i + LINES_PER_INSERT)));
  }
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's batch item type differs per driver.
  const anyDb = db as any;
  if (store.kind === "d1" && statements.length <= STATEMENTS_PER_BATCH) {
    await anyDb.batch(statements);
  } else if (store.kind === "d1") {
    // Too many for one batch: the first replaces (delete + first inserts), the rest add.
    for (let i = 0; i < statements.length; i += STATEMENTS_PER_BATCH) {
      await anyDb.batch(statements.slice(i, i + STATEMENTS_PER_BATCH));
    }
  } else {
    anyDb.transaction((tx: { run: (s: unknown) => void }) => {
      for (const s of statements) (s as { run: () => void }).run();
      void tx;
    });
  }
  await replaceOtherProviders(store, key, others);
  const written = new Map<Month, number>();
  for (const [month, set] of [...touched].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const accountIds = [...set];
    const estimated = deps.isEstimated(month);
    const summed = canonicalLines(await monthSums(store, month, accountIds)).map(
      (l): CostLine => ({ ...l, estimated, source: "focus" }),
    );
    const n = await replaceCostLines(
      store,
      { from: firstDayOfMonth(month), to: firstDayOfMonth(addMonths(month, 1)), accountIds, source: "focus" },
      deps.estimate(summed),
      at,
    );
    written.set(month, n);
  }
  return written;
}
