/**
 * Writing monthly currency rates. A past month's rate is fixed once set, so its figures never
 * change: replacing it needs `force`; the current and future months may be set again.
 */
import { and, eq } from "drizzle-orm";
import type { Currency, Month } from "../model";
import { currencyRates } from "./schema/index";
import { readDb, type Store } from "./store";

export type SetRateOutcome = "created" | "updated" | "unchanged" | "refused";

export async function setRate(
  store: Store,
  rate: { month: Month; currency: Currency; ratePerUsd: number; source: string },
  options: { currentMonth: Month; at: string; force?: boolean },
): Promise<SetRateOutcome> {
  const db = readDb(store);
  const where = and(eq(currencyRates.month, rate.month), eq(currencyRates.currency, rate.currency));
  const [existing] = await db.select().from(currencyRates).where(where).limit(1);
  if (existing) {
    if (existing.ratePerUsd === rate.ratePerUsd) return "unchanged";
    if (rate.month < options.currentMonth && !options.force) return "refused";
    await db
      .update(currencyRates)
      .set({ ratePerUsd: rate.ratePerUsd, source: rate.source, updatedAt: options.at })
      .where(where);
    return "updated";
  }
  await db.insert(currencyRates).values({ ...rate, updatedAt: options.at });
  return "created";
}

export async function listRateRows(store: Store) {
  return readDb(store).select().from(currencyRates).orderBy(currencyRates.currency, currencyRates.month);
}
