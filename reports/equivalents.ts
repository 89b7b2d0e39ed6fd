/**
 * Everyday equivalents of a mass of CO2e, for readers who do not think in kilograms. Data with
 * its source and year, printed next to every equivalent. Values are ADEME's (France): Base
 * Carbone and its public calculator Impact CO2, which draws on the Base Carbone and Agribalyse.
 */
import type { Locale } from "../src/model";
import { formatNumber } from "../src/format/numbers";

export interface Equivalent {
  id: string;
  /** Grams of CO2e for one unit. */
  co2eGramsPerUnit: number;
  unit: { fr: string; en: string };
  /** How a quantity reads: `{n}` is replaced by the formatted number. */
  phrase: { fr: string; en: string };
  source: string;
  year: number;
}

export const EQUIVALENTS: readonly Equivalent[] = [
  {
    id: "car-km",
    co2eGramsPerUnit: 218,
    unit: { fr: "km", en: "km" },
    phrase: { fr: "{n} km en voiture thermique", en: "{n} km by petrol or diesel car" },
    source: "ADEME, Impact CO2 (voiture thermique, construction incluse, Base Carbone)",
    year: 2023,
  },
  {
    id: "tgv-km",
    co2eGramsPerUnit: 2.93,
    unit: { fr: "km", en: "km" },
    phrase: { fr: "{n} km en TGV", en: "{n} km by TGV high-speed train" },
    source: "ADEME, Impact CO2 (TGV, Base Carbone)",
    year: 2023,
  },
  {
    id: "beef-meal",
    co2eGramsPerUnit: 7260,
    unit: { fr: "repas", en: "meals" },
    phrase: { fr: "{n} repas avec du bœuf", en: "{n} meals with beef" },
    source: "ADEME, Impact CO2 (repas avec du bœuf, Agribalyse)",
    year: 2023,
  },
  {
    id: "vegetarian-meal",
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
  source: string;
  year: number;
}

/** Rounded so a reader does not mistake the figure for a precise one. */
export function roundForReading(value: number): { value: number; digits: number } {
  if (value >= 100) return { value: Math.round(value / 10) * 10, digits: 0 };
  if (value >= 10) return { value: Math.round(value), digits: 0 };
  if (value >= 1) return { value: Math.round(value * 10) / 10, digits: 1 };
  return { value: Math.round(value * 100) / 100, digits: 2 };
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
      text: e.phrase[locale].replace("{n}", formatNumber(r.value, locale, r.digits)),
      source: e.source,
      year: e.year,
    };
  });
}
