/**
 * Aurora Serverless v2 minimum capacity set higher than the load needs. Capacity never goes
 * below the configured minimum, so a cluster that sits at its lowest level for a large share of
 * the hours, at more than 0.5 ACU, holds capacity the load did not ask for (Aurora scales up
 * within seconds when it does). Proposed minimum: 0.5 ACU, the lowest without auto-pause. Saving:
 * the ACUs above 0.5 in each hour spent at the floor, at the region's billed price and CO2e per
 * ACU-hour.
 */

import { resolveRegion, splitUsageType } from "../../carbon/regions";
import { addDays } from "../../days";
import { frGrams, frNum, frPct, frUsd } from "./fr";
import { type AdviceInput, DAYS_PER_MONTH, type Finding, grams, pct, round2, totals, usd, WINDOW_DAYS } from "./types";

export const PROPOSED_MIN_ACU = 0.5;
/** At the floor at least this share of the hours: the minimum, not the load, sets the capacity. */
export const FLOOR_SHARE = 0.3;

interface Cluster {
  region: string;
  cluster: string;
  floor: number;
  peak: number;
  hours: number;
  weighted: number;
  days: { minimum: number; atMinimum: number }[];
}

export function auroraFindings(input: AdviceInput): Finding[] {
  const from = addDays(input.asOf, -WINDOW_DAYS);
  const clusters = new Map<string, Cluster>();
  for (const m of input.metrics) {
    if (m.namespace !== "AWS/RDS" || m.metricName !== "ServerlessDatabaseCapacity") continue;
    if (m.day < from || m.day >= input.asOf) continue;
    const k = `${m.region}|${m.resourceId}`;
    const c = clusters.get(k) ?? {
      region: m.region,
      cluster: m.resourceId,
      floor: Number.POSITIVE_INFINITY,
      peak: 0,
      hours: 0,
      weighted: 0,
      days: [],
    };
    c.floor = Math.min(c.floor, m.minimum);
    c.peak = Math.max(c.peak, m.maximum);
    c.hours += m.samples;
    c.weighted += m.average * m.samples;
    c.days.push({ minimum: m.minimum, atMinimum: m.samplesAtMinimum });
    clusters.set(k, c);
  }
  const out: Finding[] = [];
  for (const c of clusters.values()) {
    if (c.hours === 0 || c.floor <= PROPOSED_MIN_ACU) continue;
    // Hours at the window's floor: the days whose own minimum is the floor (within 1%).
    const floorHours = c.days.filter((d) => d.minimum <= c.floor * 1.01).reduce((s, d) => s + d.atMinimum, 0);
    const share = floorHours / c.hours;
    if (share < FLOOR_SHARE) continue;
    const acuLines = input.lines.filter(({ line }) => {
      if (line.day < from || line.day >= input.asOf) return false;
      const parts = splitUsageType(line.usageType);
      return (
        /^Aurora:Serverless(V2)?(IOOptimized)?Usage$/.test(parts.bare) &&
        resolveRegion(line.region, parts).region === c.region
      );
    });
    const t = totals(acuLines);
    const perAcuHourUsd = t.usage > 0 ? t.costUsd / t.usage : 0;
    const perAcuHourCo2e = t.usage > 0 ? t.co2eGrams / t.usage : 0;
    const acuHours = ((c.floor - PROPOSED_MIN_ACU) * floorHours * DAYS_PER_MONTH) / WINDOW_DAYS;
    out.push({
      kind: "aurora-min-capacity",
      resource: c.cluster,
      region: c.region,
      action: `Lower the minimum capacity of ${c.cluster} from ${round2(c.floor)} to ${PROPOSED_MIN_ACU} ACU.`,
      evidence: [
        `Capacity over the last ${WINDOW_DAYS} days: average ${round2(c.weighted / c.hours)} ACU, never below ${round2(c.floor)} ACU, at most ${round2(c.peak)} ACU.`,
        `It sat at ${round2(c.floor)} ACU for ${floorHours} of ${c.hours} hours (${pct(share * 100)}): the minimum, not the load, set the capacity then.`,
        ...(t.usage > 0
          ? [
              `Aurora Serverless in ${c.region} cost ${usd(perAcuHourUsd)} and emitted ${grams(perAcuHourCo2e)} CO2e per ACU-hour.`,
            ]
          : []),
      ],
      assumptions: [
        `In those hours the load needs ${PROPOSED_MIN_ACU} ACU or less; Aurora scales up within seconds when it needs more.`,
        "Performance Insights is off (AWS advises a minimum of 2 ACU with it on).",
        `Energy and CO2e follow ACU-hours, ${round2(acuHours)} fewer a month.`,
      ],
      fr: {
        action: `Abaisser la capacité minimale de ${c.cluster} de ${frNum(c.floor)} à ${frNum(PROPOSED_MIN_ACU)} ACU.`,
        evidence: [
          `Capacité sur les ${WINDOW_DAYS} derniers jours : ${frNum(c.weighted / c.hours)} ACU en moyenne, jamais moins de ${frNum(c.floor)} ACU, au plus ${frNum(c.peak)} ACU.`,
          `Elle est restée à ${frNum(c.floor)} ACU pendant ${floorHours} des ${c.hours} heures (${frPct(share * 100)}) : c'est le minimum, et non la charge, qui fixait alors la capacité.`,
          ...(t.usage > 0
            ? [
                `Aurora Serverless en ${c.region} a coûté ${frUsd(perAcuHourUsd)} et émis ${frGrams(perAcuHourCo2e)} de CO2e par ACU-heure.`,
              ]
            : []),
        ],
        assumptions: [
          `Pendant ces heures, la charge demande ${frNum(PROPOSED_MIN_ACU)} ACU ou moins ; Aurora monte en capacité en quelques secondes quand il le faut.`,
          "Performance Insights est désactivé (AWS conseille un minimum de 2 ACU quand il est activé).",
          `L'énergie et le CO2e suivent les ACU-heures : ${frNum(acuHours)} de moins par mois.`,
        ],
      },
      monthlySavingUsd: round2(acuHours * perAcuHourUsd),
      monthlySavingCo2eGrams: Math.round(acuHours * perAcuHourCo2e),
    });
  }
  return out;
}
