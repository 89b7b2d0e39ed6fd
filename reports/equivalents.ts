/**
 * Everyday equivalents of a mass of CO2e, for readers who do not think in kilograms. Data with
 * its source and year, printed next to every equivalent. Values are ADEME's (France): Base
 * Carbone and its public calculator Impact CO2, which draws on the Base Carbone and Agribalyse.
 */

import { localeTag } from "../src/format/numbers";
import type { Locale } from "../src/model";

export interface Equivalent {
  id: string;
  /** Grams of CO2e for one unit. */
  co2eGramsPerUnit: number;
  /** Written after the figure (`km`); empty where `what` names the thing counted (meals). */
  unit: { fr: string; en: string };
  /** How a quantity reads: `{n}` is replaced by the formatted number. */
  phrase: { fr: string; en: string };
  /** A tile's label, above the figure: `en voiture thermique`, `repas végétariens`. */
  what: { fr: string; en: string };
  /** The publisher and tool, short enough for a tile. */
  shortSource: string;
  source: string;
  year: number;
  /** Countable things (meals): below one, a fraction in words of one of them. */
  one?: { fr: string; en: string };
}

export const EQUIVALENTS: readonly Equivalent[] = [
  {
    id: "car-km",
    what: { fr: "en voiture thermique", en: "by petrol or diesel car" },
    shortSource: "ADEME Impact CO2",
    co2eGramsPerUnit: 218,
    unit: { fr: "km", en: "km" },
    phrase: { fr: "{n} km en voiture thermique", en: "{n} km by petrol or diesel car" },
    source: "ADEME, Impact CO2 (voiture thermique, construction incluse, Base Carbone)",
    year: 2023,
  },
  {
    id: "tgv-km",
    what: { fr: "en TGV", en: "by TGV high-speed train" },
    shortSource: "ADEME Impact CO2",
    co2eGramsPerUnit: 2.93,
    unit: { fr: "km", en: "km" },
    phrase: { fr: "{n} km en TGV", en: "{n} km by TGV high-speed train" },
    source: "ADEME, Impact CO2 (TGV, Base Carbone)",
    year: 2023,
  },
  {
    id: "beef-meal",
    what: { fr: "repas avec du bœuf", en: "meals with beef" },
    shortSource: "ADEME Impact CO2",
    co2eGramsPerUnit: 7260,
    unit: { fr: "", en: "" },
    phrase: { fr: "{n} repas avec du bœuf", en: "{n} meals with beef" },
    one: { fr: "d'un repas avec du bœuf", en: "of a meal with beef" },
    source: "ADEME, Impact CO2 (repas avec du bœuf, Agribalyse)",
    year: 2023,
  },
  {
    id: "vegetarian-meal",
    what: { fr: "repas végétariens", en: "vegetarian meals" },
    shortSource: "ADEME Impact CO2",
    co2eGramsPerUnit: 510,
    unit: { fr: "", en: "" },
    phrase: { fr: "{n} repas végétariens", en: "{n} vegetarian meals" },
    one: { fr: "d'un repas végétarien", en: "of a vegetarian meal" },
    source: "ADEME, Impact CO2 (repas végétarien, Agribalyse)",
    year: 2023,
  },
];

export interface EquivalentLine {
  id: string;
  quantity: number;
  text: string;
  /** `22 km`, `9,5`: the number and its unit, where the label does not name it (meals). */
  amountText: string;
  /** `en voiture thermique`, `repas végétariens`: the tile's label, read before the figure. */
  unitText: string;
  source: string;
  shortSource: string;
  year: number;
}

/** Rounded so a reader does not mistake the figure for a precise one. */
export function roundForReading(value: number): { value: number; digits: number } {
  if (value >= 100) return { value: Math.round(value / 10) * 10, digits: 0 };
  if (value >= 10) return { value: Math.round(value), digits: 0 };
  if (value >= 1) return { value: Math.round(value * 10) / 10, digits: 1 };
  return { value: Math.round(value * 100) / 100, digits: 2 };
}

/** Up to `digits` decimals, no trailing zeros: 0,6 rather than 0,60. */
function readable(value: number, digits: number, locale: Locale): string {
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: digits }).format(value);
}

export function equivalentsOf(
  co2eGrams: number,
  locale: Locale,
  table: readonly Equivalent[] = EQUIVALENTS,
): EquivalentLine[] {
  return table.map((e) => {
    const quantity = co2eGrams / e.co2eGramsPerUnit;
    const r = roundForReading(quantity);
    return {
      id: e.id,
      quantity,
      text:
        e.one && quantity < 1
          ? fractionOfOne(quantity, e.one, locale)
          : e.phrase[locale].replace("{n}", readable(r.value, r.digits, locale)),
      amountText: `${readable(r.value, r.digits, locale)} ${e.unit[locale]}`.trimEnd(),
      unitText: e.what[locale],
      source: e.source,
      shortSource: e.shortSource,
      year: e.year,
    };
  });
}

const FRACTIONS: [number, { fr: string; en: string }][] = [
  [1 / 4, { fr: "un quart", en: "a quarter" }],
  [1 / 3, { fr: "un tiers", en: "a third" }],
  [1 / 2, { fr: "la moitié", en: "half" }],
  [2 / 3, { fr: "les deux tiers", en: "two thirds" }],
  [3 / 4, { fr: "les trois quarts", en: "three quarters" }],
];

/** "les deux tiers d'un repas avec du bœuf" rather than "0,66 repas avec du bœuf". */
function fractionOfOne(quantity: number, one: { fr: string; en: string }, locale: Locale): string {
  if (quantity < 0.2) return locale === "fr" ? `moins d'un cinquième ${one.fr}` : `less than a fifth ${one.en}`;
  if (quantity >= 0.875) return locale === "fr" ? `presque l'équivalent ${one.fr}` : `almost the equivalent ${one.en}`;
  let best = FRACTIONS[0] as (typeof FRACTIONS)[number];
  for (const f of FRACTIONS) if (Math.abs(f[0] - quantity) < Math.abs(best[0] - quantity)) best = f;
  return `${best[1][locale]} ${one[locale]}`;
}
