/** Writes behind the settings page: monthly currency rates (read with ./read/rates.ts). */
import { and, eq } from "drizzle-orm";
import type { MonthlyRate } from "../analysis/currency";
import { currencyRates } from "./schema/index";
import { readDb, type Store } from "./store";

/** Sets the rate of a month and currency, replacing any earlier one. */
export async function saveRate(store: Store, rate: MonthlyRate, source: string, at: string): Promise<void> {
  const values = { ratePerUsd: rate.ratePerUsd, source, updatedAt: at };
  await readDb(store)
    .insert(currencyRates)
    .values({ month: rate.month, currency: rate.currency, ...values })
    .onConflictDoUpdate({ target: [currencyRates.month, currencyRates.currency], set: values });
}

/** Returns whether a rate existed. */
export async function removeRate(store: Store, month: string, currency: string): Promise<boolean> {
  const rows = await readDb(store)
    .delete(currencyRates)
    .where(and(eq(currencyRates.month, month), eq(currencyRates.currency, currency)))
    .returning({ month: currencyRates.month });
  return rows.length > 0;
}
