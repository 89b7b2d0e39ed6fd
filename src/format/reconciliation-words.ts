/**
 * Words of the reconciliation table (sources compared per account and month), shared by the
 * data health page and `cairn sources`, in both languages.
 */
import type { Currency, Locale } from "../model";
import { formatMoney, formatNumber } from "./numbers";

export const RECONCILIATION_WORDS = {
  en: {
    heading: "Sources compared",
    intro:
      "Where two sources cover the same account and month, only one counts: a complete FOCUS month over Cost Explorer, Cost Explorer for the days the export does not cover yet. Both totals, over the days both cover, and their difference; above 1% the services that explain it are named.",
    none: "No account and month is covered by two sources.",
    account: "Account",
    month: "Month",
    first: "First source",
    second: "Second source",
    difference: "Difference",
    counted: "Counted",
    explained: "Explained by",
    days: (n: number) => `${n} day${n === 1 ? "" : "s"} in common`,
    flagged: "over 1%",
    withinThreshold: "within 1%",
  },
  fr: {
    heading: "Sources comparées",
    intro:
      "Quand deux sources couvrent le même compte et le même mois, une seule compte : un mois FOCUS complet l’emporte sur Cost Explorer, Cost Explorer compte pour les jours que l’export ne couvre pas encore. Les deux totaux, sur les jours couverts par les deux, et leur écart ; au-delà de 1\u00a0%, les services qui l’expliquent sont nommés.",
    none: "Aucun compte n’est couvert par deux sources sur un même mois.",
    account: "Compte",
    month: "Mois",
    first: "Première source",
    second: "Seconde source",
    difference: "Écart",
    counted: "Source retenue",
    explained: "Expliqué par",
    days: (n: number) => `${n}\u00a0jour${n > 1 ? "s" : ""} en commun`,
    flagged: "plus de 1\u00a0%",
    withinThreshold: "moins de 1\u00a0%",
  },
} satisfies Record<Locale, unknown>;

/** +$1.25 / −1,25 $US: a difference with its sign always shown. */
export function signedUsd(n: number, locale: Locale): string {
  return signedMoney(n, "USD", locale);
}

/** +€1.25 / −1,25 €: the same in any currency. */
export function signedMoney(n: number, currency: Currency, locale: Locale): string {
  return `${n > 0 ? "+" : n < 0 ? "−" : ""}${formatMoney(Math.abs(n), currency, locale)}`;
}

/** +0.42 % / −0,42 % (a narrow space in both, as the French rule asks). */
export function signedPercent(p: number | null, locale: Locale): string {
  if (p === null) return "—";
  return `${p > 0 ? "+" : p < 0 ? "−" : ""}${formatNumber(Math.abs(p), locale, 2)}\u00a0%`;
}

/** "Label: value" with French spacing before the colon. */
export const colon = (locale: Locale) => (locale === "fr" ? "\u00a0: " : ": ");
/** Items of a list, French spacing before the semicolon. */
export const semicolon = (locale: Locale) => (locale === "fr" ? "\u00a0; " : "; ");
