/**
 * The carbon page's cost column in the display currency: the period's cost per service, region
 * and pipeline, each month at its own rate (through ./costs-display.ts, the one conversion of
 * cost reports). A period touching a month without a rate stays in USD and names that month.
 */
import type { Currency, Month, Period } from "../../model";
import { readDb, type Store } from "../store";
import type { CarbonDimension } from "./carbon";
import { costsInCurrency, type DisplayReport } from "./costs-display";

export interface CarbonCosts {
  currency: Currency;
  /** Months of the period without a rate into the requested currency (why `currency` is USD). */
  missingRates: Month[];
  /** Cost per key, in `currency`, for each dimension of the page. */
  byKey: Record<CarbonDimension, Map<string, number>>;
}

export async function carbonCostsInCurrency(store: Store, period: Period, requested: Currency): Promise<CarbonCosts> {
  const db = readDb(store);
  const by = (groupBy: CarbonDimension) => costsInCurrency(db, { period, groupBy }, requested);
  const [service, region, pipeline] = await Promise.all([by("service"), by("region"), by("pipeline")]);
  const keys = (r: DisplayReport) => new Map(r.rows.map((row) => [row.key, row.cost]));
  return {
    currency: service.currency,
    missingRates: service.missingRates,
    byKey: { service: keys(service), region: keys(region), pipeline: keys(pipeline) },
  };
}
