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
  unit: { fr: string; en: string };
  /** How a quantity reads: `{n}` is replaced by the formatted number. */
  phrase: { fr: string; en: string };
  /** What one counts, for a tile under the number: `en voiture thermique`. */
  what: { fr: string; en: string };
  /** The publisher and tool, short enough for a tile. */
  shortSource: string;
  source: string;
  year: number;
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
    what: { fr: "avec du bœuf", en: "with beef" },
    shortSource: "ADEME Impact CO2",
    co2eGramsPerUnit: 7260,
    unit: { fr: "repas", en: "meals" },
    phrase: { fr: "{n} repas avec du bœuf", en: "{n} meals with beef" },
    source: "ADEME, Impact CO2 (repas avec du bœuf, Agribalyse)",
    year: 2023,
  },
  {
    id: "vegetarian-meal",
    what: { fr: "végétariens", en: "vegetarian" },
    shortSource: "ADEME Impact CO2",
    co2eGramsPerUnit: 510,
    unit: { fr: "repas", en: "meals" },
    phrase: { fr: "{n} repas végétariens", en: "{n} vegetarian meals" },
    source: "ADEME, Impact CO2 (repas végétarien, Agribalyse)",
    year: 2023,
  },
];

export interface EquivalentLine {
  id: string;
  quantity: number;
  text: string;
  /** `22 km`, `9,5 repas`: the number and its unit. */
  amountText: string;
  /** `en voiture thermique` */
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
      text: e.phrase[locale].replace("{n}", readable(r.value, r.digits, locale)),
      amountText: `${readable(r.value, r.digits, locale)} ${e.unit[locale]}`,
      unitText: e.what[locale],
      source: e.source,
      shortSource: e.shortSource,
      year: e.year,
    };
  });
}
