/** Stored currency rates, one per month and currency. */
import { asc } from "drizzle-orm";
import type { MonthlyRate } from "../../analysis/currency";
import { currencyRates } from "../schema/index";
import type { CairnDb } from "../store";

export async function listRates(db: CairnDb): Promise<MonthlyRate[]> {
  const rows = await db.select().from(currencyRates).orderBy(asc(currencyRates.month));
  return rows.map((r) => ({
    month: r.month,
    currency: r.currency as MonthlyRate["currency"],
    ratePerUsd: r.ratePerUsd,
  }));
}
