/**
 * S3 storage that could move to a colder class: Standard storage of a bucket whose request
 * metrics show it is rarely read (under one read per GB a month). Never read: Glacier Instant
 * Retrieval (same millisecond access, a fraction of the price); rarely read: Standard-IA. Prices
 * are the region's billed ones (cost lines), else AWS's list-price ratios. Buckets without
 * request metrics are left out: nothing says how often they are read.
 */

import { resolveRegion, splitUsageType } from "../../carbon/regions";
import { addDays } from "../../days";
import { frInt, frNum, frUsd } from "./fr";
import { type AdviceInput, DAYS_PER_MONTH, type Finding, round2, usd, WINDOW_DAYS } from "./types";

const GIB = 1024 ** 3;
export const MIN_GB = 10;
export const MAX_READS_PER_GB_MONTH = 1;
/** List prices (us-east-1, 2025) relative to Standard, when the region bills no such class. */
export const IA_PRICE_RATIO = 0.0125 / 0.023;
export const GIR_PRICE_RATIO = 0.004 / 0.023;

function pricePerGbMonth(input: AdviceInput, region: string, bare: RegExp, from: string): number | null {
  let cost = 0;
  let gbMonths = 0;
  for (const { line } of input.lines) {
    if (line.day < from || line.day >= input.asOf || !/simple storage service|^s3$/i.test(line.service)) continue;
    const parts = splitUsageType(line.usageType);
    if (!bare.test(parts.bare) || resolveRegion(line.region, parts).region !== region || !/GB-Mo/i.test(line.usageUnit))
      continue;
    cost += line.unblendedCostUsd;
    gbMonths += line.usageAmount;
  }
  return gbMonths > 0 ? cost / gbMonths : null;
}

export function s3Findings(input: AdviceInput): Finding[] {
  const from = addDays(input.asOf, -WINDOW_DAYS);
  const sizes = new Map<string, { region: string; bucket: string; bytes: number; days: number }>();
  const reads = new Map<string, number>();
  for (const m of input.metrics) {
    if (m.namespace !== "AWS/S3" || m.day < from || m.day >= input.asOf) continue;
    const k = `${m.region}|${m.resourceId}`;
    if (m.metricName === "BucketSizeBytes" && m.dimensions.includes("StorageType=StandardStorage")) {
      const s = sizes.get(k) ?? { region: m.region, bucket: m.resourceId, bytes: 0, days: 0 };
      s.bytes += m.average;
      s.days += 1;
      sizes.set(k, s);
    } else if (m.metricName === "GetRequests") reads.set(k, (reads.get(k) ?? 0) + m.sum);
  }
  const out: Finding[] = [];
  for (const [k, s] of sizes) {
    const readCount = reads.get(k);
    const gb = s.bytes / s.days / GIB;
    if (readCount === undefined || gb < MIN_GB) continue;
    const readsPerMonth = (readCount * DAYS_PER_MONTH) / WINDOW_DAYS;
    if (readsPerMonth / gb >= MAX_READS_PER_GB_MONTH) continue;
    const never = readCount === 0;
    const standard = pricePerGbMonth(input, s.region, /^TimedStorage-ByteHrs$/, from);
    if (standard === null) continue;
    const colder = never
      ? (pricePerGbMonth(input, s.region, /^TimedStorage-GIR-ByteHrs$/, from) ?? standard * GIR_PRICE_RATIO)
      : (pricePerGbMonth(input, s.region, /^TimedStorage-SIA-ByteHrs$/, from) ?? standard * IA_PRICE_RATIO);
    const target = never ? "Glacier Instant Retrieval" : "Standard-IA";
    out.push({
      kind: "s3-colder-class",
      resource: s.bucket,
      region: s.region,
      action: `Move the Standard storage of ${s.bucket} to ${target} (a lifecycle rule).`,
      evidence: [
        `${round2(gb)} GB in S3 Standard on average over the last ${WINDOW_DAYS} days.`,
        `${Math.round(readCount)} read requests (GetRequests) in those ${WINDOW_DAYS} days.`,
        `S3 Standard costs ${usd(standard)} per GB-month in ${s.region}, ${target} ${usd(colder)}.`,
      ],
      assumptions: [
        `Reads stay as rare: ${target} charges for each GB read back and 30 (Standard-IA) or 90 (Glacier IR) days of minimum storage.`,
        "No CO2e saving is counted: Cairn's coefficients give the same replicated disk storage to every S3 class that keeps copies in several zones.",
      ],
      fr: {
        action: `Passer le stockage Standard de ${s.bucket} en ${target} (une règle de cycle de vie).`,
        evidence: [
          `${frNum(gb)} Go en S3 Standard en moyenne sur les ${WINDOW_DAYS} derniers jours.`,
          `${frInt(readCount)} requêtes de lecture (GetRequests) sur ces ${WINDOW_DAYS} jours.`,
          `S3 Standard coûte ${frUsd(standard)} par Go-mois en ${s.region}, ${target} ${frUsd(colder)}.`,
        ],
        assumptions: [
          `Les lectures restent aussi rares : ${target} facture chaque Go relu et une durée minimale de stockage de 30 jours (Standard-IA) ou 90 jours (Glacier IR).`,
          "Aucune baisse de CO2e n'est comptée : les coefficients de Cairn donnent le même stockage sur disque répliqué à toutes les classes S3 qui gardent des copies dans plusieurs zones.",
        ],
      },
      monthlySavingUsd: round2(gb * (standard - colder)),
      monthlySavingCo2eGrams: 0,
    });
  }
  return out;
}
