/** Numbers, money, mass and dates in the reader's locale (fr: 1 234,56 €, 18 novembre 2026). */
import type { Currency, Day, Locale } from "../model";

const TAG: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

// Building an Intl formatter costs far more than using one (about 0.2 ms against 2 µs), and a
// page formats hundreds of figures: each formatter is built once per locale and options. Plain
// memos of immutable objects, keyed by everything that shapes them, so no state leaks.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(TAG[locale], options);
    numberFormats.set(key, f);
  }
  return f;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}${JSON.stringify(options)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(TAG[locale], options);
    dateFormats.set(key, f);
  }
  return f;
}

export function localeTag(locale: Locale): string {
  return TAG[locale];
}

export function formatMoney(amount: number, currency: Currency, locale: Locale, digits = 2): string {
  return numberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

export function formatPercent(ratio: number, locale: Locale, digits = 0): string {
  return numberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(ratio);
}

/** Grams of CO2e shown in g, kg or t, whichever reads best. */
export function formatCo2e(grams: number, locale: Locale): string {
  if (Math.abs(grams) >= 1e6) return `${formatNumber(grams / 1e6, locale, 2)} t CO2e`;
  if (Math.abs(grams) >= 1e3) return `${formatNumber(grams / 1e3, locale, 1)} kg CO2e`;
  return `${formatNumber(grams, locale, 0)} g CO2e`;
}

/** 18 novembre 2026 / 18 November 2026; 1er novembre 2026. */
export function formatDay(day: Day, locale: Locale): string {
  const text = dateFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));
  // French writes the first of the month as an ordinal: « 1er novembre 2026 ».
  return locale === "fr" ? text.replace(/^1 /, "1er ") : text;
}

/** novembre 2026 / November 2026. */
export function formatMonth(month: string, locale: Locale): string {
  return dateFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
