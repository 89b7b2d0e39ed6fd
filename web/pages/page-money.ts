/**
 * Money on a page whose amounts are not a cost report (data health, tuning): every amount is a
 * USD figure of a known month, shown in the display currency at that month's rate through the
 * money model (src/analysis/currency.ts). The page declares the months it shows; if one has no
 * rate, the whole page stays in USD and MissingRatesNotice names the month.
 */
import { type Converter, makeConverter, round2 } from "../../src/analysis/currency";
import { formatMoney } from "../../src/format/numbers";
import type { Locale, Month } from "../../src/model";
import { listRates } from "../../src/store/read/rates";
import { readDb } from "../../src/store/store";
import type { WebDeps } from "../deps";

export interface PageMoney {
  converter: Converter;
  /** `usd` (an amount of `month`) in the page's currency, to the cent. */
  amount: (usd: number, month: Month) => number;
  /** The same, written for the reader (`digits` for unit prices under a cent). */
  format: (usd: number, month: Month, digits?: number) => string;
  /** An amount already in the page's currency, written for the reader. */
  formatConverted: (amount: number, digits?: number) => string;
}

export function pageMoneyOf(converter: Converter, locale: Locale): PageMoney {
  const formatConverted = (amount: number, digits = 2) => formatMoney(amount, converter.currency, locale, digits);
  return {
    converter,
    amount: (usd, month) => round2(converter.fromUsd(usd, `${month}-01`)),
    format: (usd, month, digits = 2) => formatConverted(converter.fromUsd(usd, `${month}-01`), digits),
    formatConverted,
  };
}

export async function loadPageMoney(deps: WebDeps, months: readonly Month[]): Promise<PageMoney> {
  const rates = await listRates(readDb(deps.store));
  return pageMoneyOf(makeConverter(deps.config.CAIRN_CURRENCY, rates, months), deps.config.CAIRN_LOCALE);
}
