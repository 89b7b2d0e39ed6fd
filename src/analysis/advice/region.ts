/**
 * A pipeline that would emit much less in another region: the carbon engine's what-if re-expresses
 * each footprint of the last 14 days with another region's PUE and grid (the energy stays), and a
 * pipeline qualifies when the best region halves its location-based CO2e. Prices differ by region
 * and moving has its own costs, so no money saving is counted.
 */

import { regionWhatIf, WHAT_IF_REGIONS } from "../../carbon/what-if";
import { addDays } from "../../days";
import { formatNumber } from "../../format/numbers";
import { frKg, frPct } from "./fr";
import { type AdviceInput, DAYS_PER_MONTH, type Finding, kg, pct, WINDOW_DAYS } from "./types";

/** The best region must cut CO2e by at least half, and by at least a kilogram a month. */
export const MIN_CUT_SHARE = 0.5;
export const MIN_MONTHLY_CUT_GRAMS = 1000;

export function regionFindings(input: AdviceInput, targets: readonly string[] = WHAT_IF_REGIONS): Finding[] {
  const from = addDays(input.asOf, -WINDOW_DAYS);
  const items = input.lines.filter(({ line, footprint }) => footprint && line.day >= from && line.day < input.asOf);
  const out: Finding[] = [];
  for (const row of regionWhatIf(items, targets)) {
    const current = row.current.co2eGrams;
    if (current <= 0) continue;
    const best = Object.entries(row.byRegion).sort((a, b) => a[1].co2eGrams - b[1].co2eGrams)[0];
    if (!best) continue;
    const [region, totals] = best;
    const cut = current - totals.co2eGrams;
    const monthly = (cut * DAYS_PER_MONTH) / WINDOW_DAYS;
    if (cut < current * MIN_CUT_SHARE || monthly < MIN_MONTHLY_CUT_GRAMS) continue;
    const regions = [
      ...new Set(items.filter((i) => i.line.pipeline === row.pipeline).map((i) => i.line.region)),
    ].sort();
    const name = row.pipeline === "" ? "(untagged)" : row.pipeline;
    out.push({
      kind: "region-move",
      resource: name,
      region,
      action: `Run the pipeline ${name} in ${region}: it would emit ${pct((cut / current) * 100)} less.`,
      evidence: [
        `Last ${WINDOW_DAYS} days in ${regions.join(", ")}: ${kg(current)} (location-based), ${row.current.energyKwh.toFixed(1)} kWh.`,
        `The same energy in ${region}, with its PUE and grid: ${kg(totals.co2eGrams)}.`,
      ],
      assumptions: [
        "The pipeline's work and energy stay the same; only the data centre's PUE and grid change.",
        "No money saving is counted: prices, data transfer and the move itself differ by region.",
        "Embodied emissions do not depend on the region.",
      ],
      fr: {
        action: `Faire tourner la chaîne ${row.pipeline === "" ? "(sans étiquette)" : row.pipeline} en ${region} : elle émettrait ${frPct((cut / current) * 100)} de moins.`,
        evidence: [
          `${WINDOW_DAYS} derniers jours en ${regions.join(", ")} : ${frKg(current)} (par localisation), ${formatNumber(row.current.energyKwh, "fr", 1)} kWh.`,
          `La même énergie en ${region}, avec son PUE et son réseau électrique : ${frKg(totals.co2eGrams)}.`,
        ],
        assumptions: [
          "Le travail et l'énergie de la chaîne restent les mêmes ; seuls le PUE du centre de données et le réseau électrique changent.",
          "Aucune économie d'argent n'est comptée : les prix, les transferts de données et le déménagement lui-même diffèrent selon la région.",
          "Les émissions de fabrication ne dépendent pas de la région.",
        ],
      },
      monthlySavingUsd: 0,
      monthlySavingCo2eGrams: Math.round(monthly),
    });
  }
  return out;
}
