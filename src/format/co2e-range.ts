/**
 * A CO2e range in words, one unit for both ends (the high end's): "entre 3,9 et 6,1 kg CO2e",
 * "between 3.9 and 6.1 kg CO2e". Used wherever a footprint's low and high estimates are shown.
 */
import type { Locale } from "../model";
import { formatNumber } from "./numbers";

function unitOf(grams: number): { divisor: number; unit: string; digits: number } {
  if (Math.abs(grams) >= 1e6) return { divisor: 1e6, unit: "t CO2e", digits: 2 };
  if (Math.abs(grams) >= 1e3) return { divisor: 1e3, unit: "kg CO2e", digits: 1 };
  return { divisor: 1, unit: "g CO2e", digits: 0 };
}

export function formatCo2eRange(lowGrams: number, highGrams: number, locale: Locale): string {
  const { divisor, unit, digits } = unitOf(highGrams);
  const low = formatNumber(lowGrams / divisor, locale, digits);
  const high = formatNumber(highGrams / divisor, locale, digits);
  // A no-break space keeps the number and its unit together in French.
  return locale === "fr" ? `entre ${low} et ${high}\u00a0${unit}` : `between ${low} and ${high} ${unit}`;
}
