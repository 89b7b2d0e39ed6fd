/**
 * EC2 instances idle or under 10% CPU over 14 days. Idle (average under 2% and no hour above
 * 10%): stop it, saving all its hours. Underused (average under 10%): one size down, which halves
 * vCPUs and price within a family, saving half; but a GPU instance is not sized by its CPU, so it
 * is to be stopped when idle instead, saving its idle hours, estimated as 1 - average / busiest
 * hour (busy hours near the peak, idle ones near zero). An instance's cost and CO2e per hour are
 * those of its type's billed hours in the region (cost lines and their footprints).
 */

import { resolveRegion, splitUsageType } from "../../carbon/regions";
import { addDays } from "../../days";
import { frGrams, frInt, frNum, frPct, frUsd } from "./fr";
import { type AdviceInput, DAYS_PER_MONTH, type Finding, grams, pct, round2, totals, usd, WINDOW_DAYS } from "./types";

export const IDLE_AVERAGE_PCT = 2;
export const IDLE_PEAK_PCT = 10;
export const UNDERUSED_AVERAGE_PCT = 10;
/** Less than a day of data says too little. */
const MIN_HOURS = 24;
/** Families whose size is set by their GPU or accelerator, not their CPU. */
const ACCELERATED = /^(g\d|p\d|inf\d|trn\d|dl\d|vt\d)/;

interface Usage {
  region: string;
  instanceId: string;
  instanceType: string | null;
  hours: number;
  weighted: number;
  peak: number;
  days: number;
}

export function ec2Findings(input: AdviceInput): Finding[] {
  const from = addDays(input.asOf, -WINDOW_DAYS);
  const usage = new Map<string, Usage>();
  for (const m of input.metrics) {
    if (m.namespace !== "AWS/EC2" || m.metricName !== "CPUUtilization" || !m.dimensions.startsWith("InstanceId="))
      continue;
    if (m.day < from || m.day >= input.asOf) continue;
    const k = `${m.region}|${m.resourceId}`;
    const u = usage.get(k) ?? {
      region: m.region,
      instanceId: m.resourceId,
      instanceType: null,
      hours: 0,
      weighted: 0,
      peak: 0,
      days: 0,
    };
    u.hours += m.samples;
    u.weighted += m.average * m.samples;
    u.peak = Math.max(u.peak, m.maximum);
    u.days += 1;
    u.instanceType ??= m.instanceType;
    usage.set(k, u);
  }
  const out: Finding[] = [];
  for (const u of usage.values()) {
    if (u.hours < MIN_HOURS) continue;
    const average = u.weighted / u.hours;
    const idle = average < IDLE_AVERAGE_PCT && u.peak < IDLE_PEAK_PCT;
    if (!idle && average >= UNDERUSED_AVERAGE_PCT) continue;
    const accelerated = !idle && u.instanceType !== null && ACCELERATED.test(u.instanceType);
    const share = idle ? 1 : accelerated ? Math.max(0, 1 - average / u.peak) : 0.5;
    const typeLines = input.lines.filter(({ line }) => {
      if (line.day < from || line.day >= input.asOf || !u.instanceType) return false;
      const parts = splitUsageType(line.usageType);
      return parts.bare.endsWith(`Usage:${u.instanceType}`) && resolveRegion(line.region, parts).region === u.region;
    });
    const t = totals(typeLines);
    const perHourUsd = t.usage > 0 ? t.costUsd / t.usage : 0;
    const perHourCo2e = t.usage > 0 ? t.co2eGrams / t.usage : 0;
    const monthlyHours = (u.hours * DAYS_PER_MONTH) / WINDOW_DAYS;
    const type = u.instanceType ?? "unknown type";
    const evidence = [
      `CPU over the last ${WINDOW_DAYS} days: average ${pct(average)}, busiest hour ${pct(u.peak)}, ${u.hours} hours running on ${u.days} days.`,
    ];
    if (t.usage > 0) {
      evidence.push(
        `${type} in ${u.region} cost ${usd(perHourUsd, 4)} and emitted ${grams(perHourCo2e)} CO2e per hour (${round2(t.usage)} billed hours).`,
      );
    }
    const assumptions = [`Running ${Math.round(monthlyHours)} hours a month, as in the last ${WINDOW_DAYS} days.`];
    if (!u.instanceType)
      assumptions.push("Its instance type could not be told from the cost lines: no saving is counted.");
    if (accelerated) {
      assumptions.push(
        `A GPU instance is sized by its GPU, not its CPU: stop it when idle (a schedule, or the work as a batch job) rather than downsize.`,
        `Busy hours run near the busiest hour and idle ones near zero: about ${pct(share * 100)} of its hours (1 - ${pct(average)} / ${pct(u.peak)}) are idle and saved.`,
      );
    } else if (!idle) {
      assumptions.push("One size smaller in the same family has half the vCPUs, price and power; CPU would double.");
      if (u.peak * 2 > 80)
        assumptions.push(
          `Its busiest hour (${pct(u.peak)}) would reach ${pct(u.peak * 2)}: schedule or check peaks first.`,
        );
    } else assumptions.push("Nothing depends on it: stop it (or schedule it to run only when needed).");
    const frEvidence = [
      `CPU sur les ${WINDOW_DAYS} derniers jours : ${frPct(average)} en moyenne, ${frPct(u.peak)} à l'heure la plus chargée, ${u.hours} heures de marche sur ${u.days} jours.`,
      ...(t.usage > 0
        ? [
            `Une ${u.instanceType ?? "instance de type inconnu"} en ${u.region} a coûté ${frUsd(perHourUsd, 4)} et émis ${frGrams(perHourCo2e)} de CO2e par heure (${frNum(t.usage)} heures facturées).`,
          ]
        : []),
    ];
    const frAssumptions = [
      `En marche ${frInt(monthlyHours)} heures par mois, comme sur les ${WINDOW_DAYS} derniers jours.`,
    ];
    if (!u.instanceType)
      frAssumptions.push("Son type d'instance ne se déduit pas des lignes de coût : aucune économie n'est comptée.");
    if (accelerated) {
      frAssumptions.push(
        "Une instance GPU se dimensionne sur son GPU, pas sur son CPU : l'arrêter quand elle ne sert pas (une planification, ou le travail en lot) plutôt que la réduire.",
        `Les heures chargées tournent près de l'heure la plus chargée et les autres près de zéro : environ ${frPct(share * 100)} de ses heures (1 − ${frPct(average)} / ${frPct(u.peak)}) sont inutiles et économisées.`,
      );
    } else if (!idle) {
      frAssumptions.push(
        "La taille juste en dessous dans la même famille a deux fois moins de vCPU, de prix et de puissance ; le CPU doublerait.",
      );
      if (u.peak * 2 > 80)
        frAssumptions.push(
          `Son heure la plus chargée (${frPct(u.peak)}) atteindrait ${frPct(u.peak * 2)} : planifier ou vérifier les pointes d'abord.`,
        );
    } else frAssumptions.push("Rien n'en dépend : l'arrêter (ou ne la faire tourner que quand il le faut).");
    out.push({
      kind: idle ? "ec2-idle" : "ec2-underused",
      resource: `${u.instanceId} (${type})`,
      region: u.region,
      action: idle
        ? `Stop ${u.instanceId}: it was idle for ${WINDOW_DAYS} days.`
        : accelerated
          ? `Stop ${u.instanceId} when it idles: it averaged ${pct(average)} CPU, busy only ${pct(u.peak)} at most.`
          : `Move ${u.instanceId} to a smaller size: it averaged ${pct(average)} CPU.`,
      evidence,
      assumptions,
      fr: {
        action: idle
          ? `Arrêter ${u.instanceId} : elle n'a rien fait pendant ${WINDOW_DAYS} jours.`
          : accelerated
            ? `Arrêter ${u.instanceId} quand elle ne sert pas : ${frPct(average)} de CPU en moyenne, ${frPct(u.peak)} au plus.`
            : `Passer ${u.instanceId} à une taille plus petite : ${frPct(average)} de CPU en moyenne.`,
        evidence: frEvidence,
        assumptions: frAssumptions,
      },
      monthlySavingUsd: round2(share * monthlyHours * perHourUsd),
      monthlySavingCo2eGrams: Math.round(share * monthlyHours * perHourCo2e),
    });
  }
  return out;
}
