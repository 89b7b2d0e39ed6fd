/**
 * Money as the commands print it: USD figures converted into the display currency
 * (CAIRN_CURRENCY) at each month's rate, as the pages do. A month with no rate keeps the whole
 * output in USD, and `missingNote` says which rate is missing, in the reader's language.
 */
import { type Converter, makeConverter } from "../analysis/currency";
import { formatMoney, formatMonth } from "../format/numbers";
import { frenchTypography } from "../format/typography";
import type { Locale, Month } from "../model";
import { listRates } from "../store/read/rates";
import type { CairnDb } from "../store/store";

export interface CliMoney {
  converter: Converter;
  /** A USD amount of `month` in the display currency. */
  format: (usd: number, month: Month, digits?: number) => string;
  /** Why the output is in USD although EUR was asked for; null when nothing is missing. */
  missingNote: string | null;
}

const MISSING: Record<Locale, string> = {
  en: "Amounts in USD: no EUR rate for {months} (cairn fx set YYYY-MM RATE).",
  fr: "Montants en dollars US : pas de taux EUR pour {months} (cairn fx set AAAA-MM TAUX).",
};

function missingNote(months: readonly Month[], locale: Locale): string {
  const text = MISSING[locale].replace("{months}", months.map((m) => formatMonth(m, locale)).join(", "));
  return locale === "fr" ? frenchTypography(text) : text;
}

export async function loadCliMoney(
  db: CairnDb,
  requested: "USD" | "EUR",
  locale: Locale,
  months: readonly Month[],
): Promise<CliMoney> {
  const converter = makeConverter(requested, await listRates(db), months);
  return {
    converter,
    format: (usd, month, digits = 2) =>
      formatMoney(converter.fromUsd(usd, `${month}-01`), converter.currency, locale, digits),
    missingNote: converter.missingRates ? missingNote(converter.missingMonths, locale) : null,
  };
}
