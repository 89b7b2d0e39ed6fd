/**
 * Storage waste from cost lines (aws.md):
 * - gp2 volumes: gp3 gives the same or better baseline for about 20% less per GB-month; the
 *   saving uses the region's billed gp3 price, else 80% of gp2's. A gp2 volume over 1,000 GB has
 *   a baseline above gp3's free 3,000 IOPS: the low end of the range pays for the extra IOPS.
 * - volumes billed in an account and region where no instance ran in the window (no BoxUsage,
 *   SpotUsage...) serve nothing: snapshot them and delete them. CloudWatch `AWS/EBS
 *   VolumeIdleTime`, when collected, raises the confidence.
 * - snapshot storage that grew more than `SNAPSHOT_GROWTH` over four weeks piles up: a
 *   retention policy would keep it at its level of four weeks ago.
 * - S3 Standard storage with fewer than one GET per GB-month (billed `Requests-Tier2`) belongs in
 *   Standard-IA; left to the metric rule (./s3.ts) where CloudWatch has the buckets.
 * Pure.
 */

import { addDays, daysInMonth, monthOf } from "../../days";
import { frInt, frNum, frUsd } from "./fr";
import { evidenceOf, type LineGroup, lineGroups, matching } from "./line-groups";
import { type AdviceInput, DAYS_PER_MONTH, type Finding, round2, usd, WINDOW_DAYS } from "./types";

export const GP3_PRICE_RATIO = 0.8;
export const GP3_FREE_IOPS = 3000;
export const GP3_IOPS_USD_MONTH = 0.005;
export const SNAPSHOT_GROWTH = 0.1;
export const SNAPSHOT_WINDOW_DAYS = 28;
export const MIN_MONTHLY_USD = 1;
export const S3_MIN_GB = 10;
export const S3_MAX_READS_PER_GB_MONTH = 1;
export const S3_IA_PRICE_RATIO = 0.0125 / 0.023;

const monthly = (g: LineGroup, value: number) => (g.days.size === 0 ? 0 : (value / g.days.size) * DAYS_PER_MONTH);
/** GB held on average: GB-month lines spread a month's GB over its days. */
const averageGb = (g: LineGroup) => {
  let gb = 0;
  for (const [day, usage] of g.byDay) gb += usage * daysInMonth(monthOf(day));
  return g.byDay.size === 0 ? 0 : gb / g.byDay.size;
};
const pricePerGbMonth = (g: LineGroup) => (g.usage > 0 ? g.costUsd / g.usage : 0);
const INSTANCE_USAGE = /^(BoxUsage|SpotUsage|DedicatedUsage|HostBoxUsage|HostUsage|SchedUsage)(:|$)/;

export function gp2Findings(input: AdviceInput): Finding[] {
  const groups = lineGroups(input, WINDOW_DAYS);
  const out: Finding[] = [];
  for (const g of matching(groups, /^EBS:VolumeUsage\.gp2$/)) {
    const gp2Price = pricePerGbMonth(g);
    const gp3 = matching(groups, /^EBS:VolumeUsage\.gp3$/, undefined, g.region).find((x) => x.usage > 0);
    const gp3Price = gp3 ? pricePerGbMonth(gp3) : gp2Price * GP3_PRICE_RATIO;
    const gb = averageGb(g);
    const saving = gb * (gp2Price - gp3Price);
    if (saving < MIN_MONTHLY_USD / 4) continue;
    const extraIops = Math.max(0, 3 * gb - GP3_FREE_IOPS);
    const r = g.region;
    out.push({
      kind: "ebs-gp2",
      resource: `${Math.round(gb)} GB of gp2 volumes in account ${g.accountId}`,
      region: r,
      accountId: g.accountId,
      action: `Change the gp2 volumes of account ${g.accountId} in ${r} to gp3 (in place, no downtime).`,
      evidence: [
        `${Math.round(gb)} GB of gp2 billed on ${g.days.size} of the last ${WINDOW_DAYS} days (${usd(g.costUsd)}), at ${usd(gp2Price)} per GB-month.`,
        `gp3 costs ${usd(gp3Price)} per GB-month in ${r}${gp3 ? " (billed price)" : " (80% of gp2, AWS's list-price ratio)"}.`,
      ],
      assumptions: [
        "gp3's free baseline (3,000 IOPS, 125 MB/s) covers the volume's needs; above 1,000 GB, gp2's baseline is matched by buying IOPS (the low end).",
        "No CO2e saving: the same bytes sit on the same kind of disk.",
      ],
      fr: {
        action: `Passer les volumes gp2 du compte ${g.accountId} en ${r} en gp3 (sur place, sans interruption).`,
        evidence: [
          `${frInt(gb)} Go de gp2 facturés sur ${g.days.size} des ${WINDOW_DAYS} derniers jours (${frUsd(g.costUsd)}), à ${frUsd(gp2Price)} par Go-mois.`,
          `gp3 coûte ${frUsd(gp3Price)} par Go-mois en ${r}${gp3 ? " (prix facturé)" : " (80\u202f% de gp2, le rapport des prix publics d'AWS)"}.`,
        ],
        assumptions: [
          "La base gratuite de gp3 (3 000 IOPS, 125 Mo/s) couvre les besoins du volume ; au-delà de 1 000 Go, on retrouve la base de gp2 en achetant des IOPS (le bas de la fourchette).",
          "Aucune baisse de CO2e : les mêmes octets restent sur le même type de disque.",
        ],
      },
      monthlySavingUsd: round2(saving),
      monthlySavingCo2eGrams: 0,
      confidence: "high",
      savingRange: {
        lowUsd: round2(Math.max(0, saving - extraIops * GP3_IOPS_USD_MONTH)),
        highUsd: round2(saving),
        lowCo2eGrams: 0,
        highCo2eGrams: 0,
      },
      command:
        `aws ec2 describe-volumes --region ${r} --filters Name=volume-type,Values=gp2 --query "Volumes[].VolumeId" ` +
        `&& aws ec2 modify-volume --region ${r} --volume-type gp3 --volume-id <vol-id>`,
      usageTypes: [...g.usageTypes].sort(),
      lines: evidenceOf(g),
    });
  }
  return out;
}

function volumesIdleByMetrics(input: AdviceInput, region: string): boolean | null {
  let idle = 0;
  let total = 0;
  for (const m of input.metrics) {
    if (m.namespace !== "AWS/EBS" || m.metricName !== "VolumeIdleTime" || m.region !== region) continue;
    idle += m.sum;
    total += 86_400;
  }
  return total === 0 ? null : idle / total >= 0.99;
}

export function unattachedVolumeFindings(input: AdviceInput): Finding[] {
  const groups = lineGroups(input, WINDOW_DAYS);
  const out: Finding[] = [];
  const byPlace = new Map<string, LineGroup[]>();
  for (const g of matching(groups, /^EBS:VolumeUsage/)) {
    const k = `${g.accountId}|${g.region}`;
    byPlace.set(k, [...(byPlace.get(k) ?? []), g]);
  }
  for (const volumes of byPlace.values()) {
    const first = volumes[0] as LineGroup;
    const instances = matching(groups, INSTANCE_USAGE, first.accountId, first.region).filter((g) => g.usage > 0);
    const metricIdle = volumesIdleByMetrics(input, first.region);
    if (instances.length > 0 && metricIdle !== true) continue;
    if (metricIdle === false) continue;
    const usdMonth = volumes.reduce((s, g) => s + monthly(g, g.costUsd), 0);
    if (usdMonth < MIN_MONTHLY_USD) continue;
    const co2e = Math.round(volumes.reduce((s, g) => s + monthly(g, g.co2eGrams), 0));
    const gb = volumes.reduce((s, g) => s + averageGb(g), 0);
    const r = first.region;
    out.push({
      kind: "ebs-unattached",
      resource: `${Math.round(gb)} GB of volumes in account ${first.accountId}`,
      region: r,
      accountId: first.accountId,
      action: `Snapshot, then delete, the volumes of account ${first.accountId} in ${r}: no instance ran there.`,
      evidence: [
        `${Math.round(gb)} GB of EBS volumes billed (${volumes.map((g) => g.bare).join(", ")}), ${usd(volumes.reduce((s, g) => s + g.costUsd, 0))} over the last ${WINDOW_DAYS} days.`,
        instances.length === 0
          ? `No instance hours (BoxUsage, SpotUsage...) billed in account ${first.accountId} and ${r} in that time.`
          : `CloudWatch VolumeIdleTime shows the volumes idle over 99% of the time.`,
      ],
      assumptions: [
        "A snapshot (about a quarter of the price per GB) is enough to bring the data back if it is ever needed.",
      ],
      fr: {
        action: `Faire un instantané des volumes du compte ${first.accountId} en ${r}, puis les supprimer : aucune instance n'y a tourné.`,
        evidence: [
          `${frInt(gb)} Go de volumes EBS facturés (${volumes.map((g) => g.bare).join(", ")}), ${frUsd(volumes.reduce((s, g) => s + g.costUsd, 0))} sur les ${WINDOW_DAYS} derniers jours.`,
          instances.length === 0
            ? `Aucune heure d'instance (BoxUsage, SpotUsage…) facturée dans le compte ${first.accountId} en ${r} pendant ce temps.`
            : "CloudWatch VolumeIdleTime montre les volumes inactifs plus de 99\u202f% du temps.",
        ],
        assumptions: [
          "Un instantané (environ un quart du prix par Go) suffit pour retrouver les données si l'on en a un jour besoin.",
        ],
      },
      monthlySavingUsd: round2(usdMonth),
      monthlySavingCo2eGrams: co2e,
      confidence: metricIdle === true ? "high" : "medium",
      savingRange: {
        // The snapshot kept instead costs about a quarter of the volume (aws.md prices).
        lowUsd: round2(usdMonth * 0.75),
        highUsd: round2(usdMonth),
        lowCo2eGrams: Math.round(co2e * 0.75),
        highCo2eGrams: co2e,
      },
      command:
        `aws ec2 describe-volumes --region ${r} --filters Name=status,Values=available --query "Volumes[].[VolumeId,Size,VolumeType]" ` +
        `&& aws ec2 create-snapshot --region ${r} --volume-id <vol-id> --description "before delete" ` +
        `&& aws ec2 delete-volume --region ${r} --volume-id <vol-id>`,
      usageTypes: volumes.flatMap((g) => [...g.usageTypes]).sort(),
      lines: volumes.flatMap(evidenceOf),
    });
  }
  return out;
}

export function snapshotFindings(input: AdviceInput): Finding[] {
  const groups = lineGroups(input, SNAPSHOT_WINDOW_DAYS);
  const out: Finding[] = [];
  const firstWeek = (d: string) => d < addDays(input.asOf, -SNAPSHOT_WINDOW_DAYS + 7);
  const lastWeek = (d: string) => d >= addDays(input.asOf, -7);
  for (const g of matching(groups, /^EBS:SnapshotUsage$/)) {
    const gbOn = (keep: (d: string) => boolean) => {
      const days = [...g.byDay].filter(([d]) => keep(d));
      return days.length === 0 ? 0 : days.reduce((s, [d, u]) => s + u * daysInMonth(monthOf(d)), 0) / days.length;
    };
    const before = gbOn(firstWeek);
    const now = gbOn(lastWeek);
    if (before <= 0 || now / before - 1 < SNAPSHOT_GROWTH) continue;
    const price = pricePerGbMonth(g);
    const saving = (now - before) * price;
    if (saving < MIN_MONTHLY_USD) continue;
    const co2ePerGb = g.usage > 0 ? g.co2eGrams / g.usage : 0;
    const co2e = Math.round((now - before) * co2ePerGb);
    const r = g.region;
    out.push({
      kind: "snapshots-growing",
      resource: `EBS snapshots of account ${g.accountId}`,
      region: r,
      accountId: g.accountId,
      action: `Set a retention policy (Data Lifecycle Manager) on the snapshots of account ${g.accountId} in ${r}, and delete the old ones.`,
      evidence: [
        `Snapshot storage went from ${Math.round(before)} GB to ${Math.round(now)} GB in four weeks (+${Math.round((now / before - 1) * 100)}%).`,
        `Billed at ${usd(price)} per GB-month: ${usd(g.costUsd)} over ${g.days.size} days.`,
      ],
      assumptions: [
        "The snapshots of four weeks ago were enough to restore from; what was added since is old copies kept by habit.",
      ],
      fr: {
        action: `Fixer une durée de conservation (Data Lifecycle Manager) pour les instantanés du compte ${g.accountId} en ${r}, et supprimer les anciens.`,
        evidence: [
          `Le stockage des instantanés est passé de ${frInt(before)} Go à ${frInt(now)} Go en quatre semaines (+${frInt((now / before - 1) * 100)}\u202f%).`,
          `Facturé ${frUsd(price)} par Go-mois : ${frUsd(g.costUsd)} sur ${g.days.size} jours.`,
        ],
        assumptions: [
          "Les instantanés d'il y a quatre semaines suffisaient pour restaurer ; ce qui s'est ajouté depuis, ce sont de vieilles copies gardées par habitude.",
        ],
      },
      monthlySavingUsd: round2(saving),
      monthlySavingCo2eGrams: co2e,
      confidence: "low",
      savingRange: {
        lowUsd: round2(saving / 2),
        highUsd: round2(now * price),
        lowCo2eGrams: Math.round(co2e / 2),
        highCo2eGrams: Math.round(now * co2ePerGb),
      },
      command:
        `aws ec2 describe-snapshots --region ${r} --owner-ids self --query "sort_by(Snapshots,&StartTime)[].[SnapshotId,StartTime,VolumeSize]" ` +
        `&& aws ec2 delete-snapshot --region ${r} --snapshot-id <snap-id>  (policy: EC2 console > Elastic Block Store > Lifecycle Manager > Create lifecycle policy)`,
      usageTypes: [...g.usageTypes].sort(),
      lines: evidenceOf(g),
    });
  }
  return out;
}

export function s3RarelyReadFindings(input: AdviceInput): Finding[] {
  const groups = lineGroups(input, WINDOW_DAYS);
  const metricRegions = new Set(
    input.metrics.filter((m) => m.namespace === "AWS/S3" && m.metricName === "BucketSizeBytes").map((m) => m.region),
  );
  const out: Finding[] = [];
  for (const g of matching(groups, /^TimedStorage-ByteHrs$/)) {
    if (metricRegions.has(g.region)) continue;
    const gb = averageGb(g);
    if (gb < S3_MIN_GB) continue;
    const reads = matching(groups, /^Requests-Tier2$/, g.accountId, g.region).reduce((s, x) => s + x.usage, 0);
    const readsPerGbMonth = (reads * DAYS_PER_MONTH) / WINDOW_DAYS / gb;
    if (readsPerGbMonth >= S3_MAX_READS_PER_GB_MONTH) continue;
    const standard = pricePerGbMonth(g);
    const billedIa = matching(groups, /^TimedStorage-SIA-ByteHrs$/, undefined, g.region).find((x) => x.usage > 0);
    const ia = billedIa ? pricePerGbMonth(billedIa) : standard * S3_IA_PRICE_RATIO;
    const saving = gb * (standard - ia);
    if (saving < MIN_MONTHLY_USD / 2) continue;
    const r = g.region;
    out.push({
      kind: "s3-rarely-read",
      resource: `S3 Standard of account ${g.accountId}`,
      region: r,
      accountId: g.accountId,
      action: `Move the rarely read S3 Standard data of account ${g.accountId} in ${r} to Standard-IA (a lifecycle rule).`,
      evidence: [
        `${Math.round(gb)} GB in S3 Standard over the last ${WINDOW_DAYS} days, at ${usd(standard)} per GB-month.`,
        `${Math.round(reads)} GET-class requests (Requests-Tier2) billed in that time: ${round2(readsPerGbMonth)} per GB-month.`,
      ],
      assumptions: [
        "Objects are over 128 KB and kept 30 days or more (Standard-IA's minimums); reads stay this rare.",
        "No CO2e saving is counted: the same bytes are kept in several zones either way.",
      ],
      fr: {
        action: `Passer en Standard-IA les données S3 Standard rarement lues du compte ${g.accountId} en ${r} (une règle de cycle de vie).`,
        evidence: [
          `${frInt(gb)} Go en S3 Standard sur les ${WINDOW_DAYS} derniers jours, à ${frUsd(standard)} par Go-mois.`,
          `${frInt(reads)} requêtes de type GET (Requests-Tier2) facturées pendant ce temps : ${frNum(readsPerGbMonth)} par Go-mois.`,
        ],
        assumptions: [
          "Les objets dépassent 128 Ko et sont gardés 30 jours ou plus (les minimums de Standard-IA) ; les lectures restent aussi rares.",
          "Aucune baisse de CO2e n'est comptée : les mêmes octets sont gardés dans plusieurs zones dans les deux cas.",
        ],
      },
      monthlySavingUsd: round2(saving),
      monthlySavingCo2eGrams: 0,
      confidence: "medium",
      savingRange: { lowUsd: round2(saving / 2), highUsd: round2(saving), lowCo2eGrams: 0, highCo2eGrams: 0 },
      command:
        `aws s3api put-bucket-lifecycle-configuration --bucket <bucket> --lifecycle-configuration ` +
        `'{"Rules":[{"ID":"to-standard-ia","Status":"Enabled","Filter":{},"Transitions":[{"Days":30,"StorageClass":"STANDARD_IA"}]}]}'`,
      usageTypes: [...g.usageTypes].sort(),
      lines: evidenceOf(g),
    });
  }
  return out;
}
