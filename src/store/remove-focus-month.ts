/**
 * Takes a FOCUS month back out: its imported cost lines, the export contributions to its days,
 * and the record of files whose only billing period it was (so a later import of the folder
 * reads them again). The other sources' lines of the month were never deleted, so Cost Explorer
 * figures count again as soon as the rollups are refreshed.
 */
import { and, count, eq, gte, inArray, lt } from "drizzle-orm";
import { addMonths, firstDayOfMonth } from "../days";
import type { Month } from "../model";
import { replaceCostLines } from "./cost-lines";
import { refreshCostRollup } from "./cost-rollup";
import { costLines, importFiles, importLines } from "./schema/index";
import { readDb, type Store } from "./store";

export interface RemovedFocusMonth {
  costLines: number;
}

export async function removeFocusMonth(
  store: Store,
  month: Month,
  accountIds: readonly string[] | undefined,
  at: string,
): Promise<RemovedFocusMonth> {
  const db = readDb(store);
  const from = firstDayOfMonth(month);
  const to = firstDayOfMonth(addMonths(month, 1));
  const inMonth = and(
    gte(importLines.day, from),
    lt(importLines.day, to),
    accountIds ? inArray(importLines.accountId, [...accountIds]) : undefined,
  );
  const [counted] = await db
    .select({ n: count() })
    .from(costLines)
    .where(
      and(
        eq(costLines.source, "focus"),
        gte(costLines.day, from),
        lt(costLines.day, to),
        accountIds ? inArray(costLines.accountId, [...accountIds]) : undefined,
      ),
    );
  await db.delete(importLines).where(inMonth);
  if (!accountIds) await db.delete(importFiles).where(eq(importFiles.billingPeriods, month));
  await replaceCostLines(store, { from, to, accountIds, source: "focus" }, [], at);
  await refreshCostRollup(db);
  return { costLines: counted?.n ?? 0 };
}
