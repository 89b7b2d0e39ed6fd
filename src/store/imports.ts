/**
 * Writes and reads of FOCUS imports. An export (billing account x billing period) owns its
 * rows of `import_lines`; replacing them and then rebuilding the cost lines of every month they
 * touch from the sums of all exports makes an import idempotent, and lets a correction issued in
 * a later period land in the period it corrects without being counted twice.
 */
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Contribution, OtherProviderTotal } from "../../collectors/focus/aggregate";
import { addMonths, firstDayOfMonth, monthOf } from "../days";
import type { Month } from "../model";
import { importFiles, importLines, importOtherProviders } from "./schema/index";
import { D1_MAX_PARAMS, readDb, type Store } from "./store";

export interface ExportKey {
  billingAccountId: string;
  billingPeriod: Month;
}

/** The months (and accounts in each) whose cost lines an export's rows touch. */
export type TouchedMonths = Map<Month, Set<string>>;

export type ImportFileRecord = Omit<typeof importFiles.$inferInsert, "id">;

export async function seenFileVersions(store: Store): Promise<Set<string>> {
  const rows = await readDb(store).select({ name: importFiles.name, etag: importFiles.etag }).from(importFiles);
  return new Set(rows.map((r) => `${r.name}\u0000${r.etag}`));
}

export async function recordImportFile(store: Store, record: ImportFileRecord): Promise<void> {
  const { name: _name, etag: _etag, ...rest } = record;
  await readDb(store)
    .insert(importFiles)
    .values(record)
    .onConflictDoUpdate({ target: [importFiles.name, importFiles.etag], set: rest });
}

async function touchedBy(store: Store, key: ExportKey, into: TouchedMonths): Promise<void> {
  const rows = await readDb(store)
    .selectDistinct({ month: sql<string>`substr(${importLines.day}, 1, 7)`, accountId: importLines.accountId })
    .from(importLines)
    .where(
      and(eq(importLines.billingAccountId, key.billingAccountId), eq(importLines.billingPeriod, key.billingPeriod)),
    );
  for (const r of rows) addTouched(into, r.month, r.accountId);
}

function addTouched(into: TouchedMonths, month: Month, accountId: string): void {
  const set = into.get(month) ?? new Set<string>();
  set.add(accountId);
  into.set(month, set);
}

type LineRow = typeof importLines.$inferInsert;

function toRow(key: ExportKey, c: Contribution): LineRow {
  return { ...key, ...c };
}

/**
 * Makes `lines` the whole contribution of one export; returns the months (and accounts) whose
 * cost lines must be rebuilt: those the old contribution touched and those the new one does.
 */
export async function replaceExportLines(
  store: Store,
  key: ExportKey,
  lines: Iterable<Contribution>,
  touched: TouchedMonths = new Map(),
): Promise<TouchedMonths> {
  await touchedBy(store, key, touched);
  const rows: LineRow[] = [];
  for (const c of lines) {
    rows.push(toRow(key, c));
    addTouched(touched, monthOf(c.day), c.accountId);
  }
  const where = and(
    eq(importLines.billingAccountId, key.billingAccountId),
    eq(importLines.billingPeriod, key.billingPeriod),
  );
  if (store.kind === "sqlite") {
    const { db } = store;
    const p = (name: string) => sql.placeholder(name);
    const columns = [
      "billingAccountId",
      "billingPeriod",
      "day",
      "accountId",
      "service",
      "region",
      "usageType",
      "pipeline",
      "usageUnit",
      "unblendedCostUsd",
      "amortizedCostUsd",
      "usageAmount",
      "rows",
    ] as const;
    const insert = db
      .insert(importLines)
      .values(Object.fromEntries(columns.map((k) => [k, p(k)])) as unknown as LineRow)
      .prepare();
    db.transaction((tx) => {
      tx.delete(importLines).where(where).run();
      for (const row of rows) insert.run(row);
    });
  } else {
    const perStatement = Math.max(1, Math.floor(D1_MAX_PARAMS / 14));
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's BatchItem union is not exported per dialect.
    const statements: any[] = [store.db.delete(importLines).where(where)];
    for (let i = 0; i < rows.length; i += perStatement) {
      statements.push(store.db.insert(importLines).values(rows.slice(i, i + perStatement)));
    }
    await store.db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  }
  return touched;
}

export async function replaceOtherProviders(
  store: Store,
  key: ExportKey,
  totals: readonly OtherProviderTotal[],
): Promise<void> {
  const db = readDb(store);
  await db
    .delete(importOtherProviders)
    .where(
      and(
        eq(importOtherProviders.billingAccountId, key.billingAccountId),
        eq(importOtherProviders.billingPeriod, key.billingPeriod),
      ),
    );
  for (const t of totals) await db.insert(importOtherProviders).values(t);
}

export interface SummedLine {
  day: string;
  accountId: string;
  service: string;
  region: string;
  usageType: string;
  pipeline: string;
  usageUnit: string;
  unblendedCostUsd: number;
  amortizedCostUsd: number;
  usageAmount: number;
}

/** Every export's contribution to one month, summed to the cost-line key. */
export async function summedMonth(store: Store, month: Month, accountIds: readonly string[]): Promise<SummedLine[]> {
  const from = firstDayOfMonth(month);
  const to = firstDayOfMonth(addMonths(month, 1));
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
    .where(and(gte(importLines.day, from), lt(importLines.day, to), inArray(importLines.accountId, [...accountIds])))
    .groupBy(
      importLines.day,
      importLines.accountId,
      importLines.service,
      importLines.region,
      importLines.usageType,
      importLines.pipeline,
    );
  return rows.map((r) => ({
    ...r,
    unblendedCostUsd: Number(r.unblendedCostUsd),
    amortizedCostUsd: Number(r.amortizedCostUsd),
    usageAmount: Number(r.usageAmount),
  }));
}

/** Other providers' rows, counted apart: for summaries and the dashboard. */
export async function otherProviderTotals(store: Store, billingPeriod?: Month): Promise<OtherProviderTotal[]> {
  return readDb(store)
    .select({
      billingAccountId: importOtherProviders.billingAccountId,
      billingPeriod: importOtherProviders.billingPeriod,
      provider: importOtherProviders.provider,
      currency: importOtherProviders.currency,
      rows: importOtherProviders.rows,
      billedCost: importOtherProviders.billedCost,
    })
    .from(importOtherProviders)
    .where(billingPeriod ? eq(importOtherProviders.billingPeriod, billingPeriod) : undefined)
    .orderBy(importOtherProviders.billingPeriod, importOtherProviders.provider);
}
