/**
 * Writes and reads of FOCUS imports. An export (billing account x billing period) owns its
 * rows of `import_lines`; replacing them and then rebuilding the cost lines of every month they
 * touch from the sums of all exports (import-commit.ts) makes an import idempotent, and lets a
 * correction issued in a later period land in the period it corrects without being counted twice.
 */
import { and, eq } from "drizzle-orm";
import type { OtherProviderTotal } from "../../collectors/focus/aggregate";
import type { CostLine, Month } from "../model";
import { importFiles, importOtherProviders } from "./schema/index";
import { readDb, type Store } from "./store";

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

/** An imported line summed over every export, before it is stored as a cost line. */
export type SummedLine = Omit<CostLine, "estimated" | "source">;

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
