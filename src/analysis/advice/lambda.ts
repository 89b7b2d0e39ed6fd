/**
 * Lambda functions whose cost grew fastest: the last fortnight against the one before. A
 * function's cost of a day is its share of the region's Lambda duration (GB-second lines) and
 * of its invocations (request lines) that day; its CO2e likewise. The saving is the growth:
 * what bringing the function back to its earlier level would save a month.
 */

import { resolveRegion, splitUsageType } from "../../carbon/regions";
import { addDays } from "../../days";
import type { Day } from "../../model";
import { frInt, frPct, frUsd } from "./fr";
import { type AdviceInput, DAYS_PER_MONTH, type Finding, pct, round2, usd, WINDOW_DAYS } from "./types";

/** At least this growth (+25%) and this many dollars a month. */
export const MIN_GROWTH_RATIO = 1.25;
export const MIN_MONTHLY_GROWTH_USD = 1;
export const TOP_FUNCTIONS = 3;

interface DayCost {
  computeUsd: number;
  requestUsd: number;
  computeCo2e: number;
  requestCo2e: number;
}

interface Fn {
  region: string;
  name: string;
  byDay: Map<Day, { durationMs: number; invocations: number }>;
}

export function lambdaFindings(input: AdviceInput): Finding[] {
  const recentFrom = addDays(input.asOf, -WINDOW_DAYS);
  const previousFrom = addDays(input.asOf, -2 * WINDOW_DAYS);
  const regionDay = new Map<string, DayCost>();
  for (const { line, footprint } of input.lines) {
    if (line.day < previousFrom || line.day >= input.asOf || !/lambda/i.test(line.service)) continue;
    const parts = splitUsageType(line.usageType);
    const compute = /^Lambda-GB-Second(-ARM)?$/.test(parts.bare);
    const request = /^Request(-ARM)?$/.test(parts.bare);
    if (!compute && !request) continue;
    const k = `${resolveRegion(line.region, parts).region}|${line.day}`;
    const c = regionDay.get(k) ?? { computeUsd: 0, requestUsd: 0, computeCo2e: 0, requestCo2e: 0 };
    const co2e = footprint ? footprint.co2eGrams + footprint.embodiedCo2eGrams : 0;
    if (compute) {
      c.computeUsd += line.unblendedCostUsd;
      c.computeCo2e += co2e;
    } else {
      c.requestUsd += line.unblendedCostUsd;
      c.requestCo2e += co2e;
    }
    regionDay.set(k, c);
  }
  const fns = new Map<string, Fn>();
  const regionTotals = new Map<string, { durationMs: number; invocations: number }>();
  for (const m of input.metrics) {
    if (m.namespace !== "AWS/Lambda" || m.day < previousFrom || m.day >= input.asOf) continue;
    if (m.metricName !== "Duration" && m.metricName !== "Invocations") continue;
    const k = `${m.region}|${m.resourceId}`;
    const fn = fns.get(k) ?? { region: m.region, name: m.resourceId, byDay: new Map() };
    const d = fn.byDay.get(m.day) ?? { durationMs: 0, invocations: 0 };
    const t = regionTotals.get(`${m.region}|${m.day}`) ?? { durationMs: 0, invocations: 0 };
    if (m.metricName === "Duration") {
      d.durationMs += m.sum;
      t.durationMs += m.sum;
    } else {
      d.invocations += m.sum;
      t.invocations += m.sum;
    }
    fn.byDay.set(m.day, d);
    regionTotals.set(`${m.region}|${m.day}`, t);
    fns.set(k, fn);
  }
  const candidates: (Finding & { growth: number })[] = [];
  for (const fn of fns.values()) {
    const sums = { recent: { usd: 0, co2e: 0, inv: 0, ms: 0 }, previous: { usd: 0, co2e: 0, inv: 0, ms: 0 } };
    for (const [day, d] of fn.byDay) {
      const cost = regionDay.get(`${fn.region}|${day}`);
      const total = regionTotals.get(`${fn.region}|${day}`);
      const s = day >= recentFrom ? sums.recent : sums.previous;
      s.inv += d.invocations;
      s.ms += d.durationMs;
      if (!cost || !total) continue;
      const durShare = total.durationMs > 0 ? d.durationMs / total.durationMs : 0;
      const invShare = total.invocations > 0 ? d.invocations / total.invocations : 0;
      s.usd += durShare * cost.computeUsd + invShare * cost.requestUsd;
      s.co2e += durShare * cost.computeCo2e + invShare * cost.requestCo2e;
    }
    const perMonth = DAYS_PER_MONTH / WINDOW_DAYS;
    const growthUsd = (sums.recent.usd - sums.previous.usd) * perMonth;
    if (growthUsd < MIN_MONTHLY_GROWTH_USD || sums.recent.usd < sums.previous.usd * MIN_GROWTH_RATIO) continue;
    const ratio = sums.previous.usd > 0 ? sums.recent.usd / sums.previous.usd : Number.POSITIVE_INFINITY;
    const avgMs = (s: { inv: number; ms: number }) => (s.inv > 0 ? Math.round(s.ms / s.inv) : 0);
    candidates.push({
      kind: "lambda-growth",
      resource: fn.name,
      region: fn.region,
      action: `Find out why ${fn.name} costs ${Number.isFinite(ratio) ? `${pct((ratio - 1) * 100)} more` : "money it did not cost"} than a fortnight before, and bring it back.`,
      evidence: [
        `Last ${WINDOW_DAYS} days: ${Math.round(sums.recent.inv)} invocations, ${avgMs(sums.recent)} ms average, ${usd(sums.recent.usd)}.`,
        `The ${WINDOW_DAYS} days before: ${Math.round(sums.previous.inv)} invocations, ${avgMs(sums.previous)} ms average, ${usd(sums.previous.usd)}.`,
      ],
      assumptions: [
        "Functions of a region share its Lambda cost by their duration (GB-seconds) and invocations (requests): CloudWatch does not give memory sizes, so all are taken as equal.",
        "The saving is the growth, if the function returns to its earlier level.",
      ],
      fr: {
        action: `Chercher pourquoi ${fn.name} coûte ${Number.isFinite(ratio) ? `${frPct((ratio - 1) * 100)} de plus` : "de l'argent alors qu'elle ne coûtait rien"} que quinze jours plus tôt, et la ramener à son niveau.`,
        evidence: [
          `${WINDOW_DAYS} derniers jours : ${frInt(sums.recent.inv)} appels, ${frInt(avgMs(sums.recent))} ms en moyenne, ${frUsd(sums.recent.usd)}.`,
          `Les ${WINDOW_DAYS} jours d'avant : ${frInt(sums.previous.inv)} appels, ${frInt(avgMs(sums.previous))} ms en moyenne, ${frUsd(sums.previous.usd)}.`,
        ],
        assumptions: [
          "Les fonctions d'une région se partagent son coût Lambda selon leur durée (Go-secondes) et leurs appels (requêtes) : CloudWatch ne donne pas la mémoire de chacune, toutes sont donc comptées égales.",
          "L'économie est la hausse, si la fonction revient à son niveau d'avant.",
        ],
      },
      monthlySavingUsd: round2(growthUsd),
      monthlySavingCo2eGrams: Math.round((sums.recent.co2e - sums.previous.co2e) * perMonth),
      growth: growthUsd,
    });
  }
  return candidates
    .sort((a, b) => b.growth - a.growth)
    .slice(0, TOP_FUNCTIONS)
    .map(({ growth: _g, ...f }) => f);
}
