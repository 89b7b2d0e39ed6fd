/**
 * Numbers, money and dates in the findings' French texts, as a French reader writes them
 * (37,44 $US ; 57,5 % ; 15 novembre 2026). The English texts keep their own helpers (./types.ts);
 * AWS names, usage types and CLI commands stay as AWS spells them. Pure.
 */
import { formatDay, formatMoney, formatNumber } from "../../format/numbers";
import type { Finding } from "./types";

/** Up to 2 decimals, none when whole, as round2 shows the English figures. */
export const frNum = (n: number) => new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(n);
export const frInt = (n: number) => formatNumber(Math.round(n), "fr");
/** Dollars with 2 decimals, or 4 for unit prices under ten cents. */
export const frUsd = (n: number, digits = 2) =>
  formatMoney(n, "USD", "fr", n !== 0 && Math.abs(n) < 0.1 ? Math.max(digits, 4) : digits);
/** A percentage given in percent (57.5 → « 57,5 % »), one decimal. */
export const frPct = (n: number) => `${formatNumber(Math.round(n * 10) / 10, "fr", 1)}\u202f%`;
export const frGrams = (g: number) =>
  `${g >= 10 ? frInt(g) : formatNumber(Number(g.toPrecision(2)), "fr", g < 1 ? 2 : 1)} g`;
export const frKg = (grams: number) => `${formatNumber(grams / 1000, "fr", grams < 10_000 ? 2 : 1)} kg CO2e`;
export const frDay = (day: string) => formatDay(day, "fr");

export type FindingTexts = Pick<Finding, "action" | "evidence" | "assumptions">;

/** A finding's action, evidence and assumptions in the reader's language (English when no French was written). */
export function findingTexts(f: Finding, locale: "fr" | "en"): FindingTexts {
  return locale === "fr" && f.fr ? f.fr : { action: f.action, evidence: f.evidence, assumptions: f.assumptions };
}

/** French spacing: a no-break space before « : » and « ; » (the texts are written with plain ones). */
export function frenchSpacing(t: FindingTexts): FindingTexts {
  const fix = (x: string) => x.replace(/ ([:;])/g, "\u00a0$1");
  return { action: fix(t.action), evidence: t.evidence.map(fix), assumptions: t.assumptions.map(fix) };
}
