/**
 * AWS's monthly carbon figures: a re-import replaces its months whole (one transaction on
 * SQLite, one batch on D1), and reads sum them by month, account, product and region.
 */
import { and, gte, inArray, lt, sql } from "drizzle-orm";
import type { AwsCarbonRow } from "../../collectors/carbon-export/parse-row";
import type { Month } from "../model";
import { awsCarbonEmissions } from "./schema/index";
import { readDb, type Store } from "./store";

/** Rows per insert statement on D1 (12 parameters each, under its 100-parameter limit). */
const ROWS_PER_INSERT = 8;

export async function replaceAwsCarbonMonths(
  store: Store,
  rows: readonly AwsCarbonRow[],
  importFile: string,
  importedAt: string,
): Promise<Month[]> {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  if (months.length === 0) return months;
  const values = rows.map((r) => ({ ...r, importFile, importedAt }));
  if (store.kind === "sqlite") {
    store.db.transaction((tx) => {
      tx.delete(awsCarbonEmissions).where(inArray(awsCarbonEmissions.month, months)).run();
      for (const v of values) tx.insert(awsCarbonEmissions).values(v).run();
    });
  } else {
    const statements = [store.db.delete(awsCarbonEmissions).where(inArray(awsCarbonEmissions.month, months))];
    for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
      statements.push(store.db.insert(awsCarbonEmissions).values(values.slice(i, i + ROWS_PER_INSERT)) as never);
    }
    await store.db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  }
  return months;
}

export interface AwsCarbonFigure {
  month: Month;
  usageAccountId: string;
  productCode: string;
  regionCode: string;
  locationCo2eGrams: number;
  marketCo2eGrams: number;
}

/** AWS's figures for the months in [from, to) (`YYYY-MM`, `to` exclusive). */
export async function readAwsCarbon(store: Store, fromMonth: Month, toMonth: Month): Promise<AwsCarbonFigure[]> {
  const t = awsCarbonEmissions;
  const rows = await readDb(store)
    .select({
      month: t.month,
      usageAccountId: t.usageAccountId,
      productCode: t.productCode,
      regionCode: t.regionCode,
      locationCo2eGrams: sql<number>`sum(${t.locationCo2eGrams})`,
      marketCo2eGrams: sql<number>`sum(${t.marketCo2eGrams})`,
    })
    .from(t)
    .where(and(gte(t.month, fromMonth), lt(t.month, toMonth)))
    .groupBy(t.month, t.usageAccountId, t.productCode, t.regionCode)
    .orderBy(t.month, t.usageAccountId, t.productCode, t.regionCode);
  return rows.map((r) => ({
    ...r,
    month: r.month as Month,
    locationCo2eGrams: Number(r.locationCo2eGrams),
    marketCo2eGrams: Number(r.marketCo2eGrams),
  }));
}
