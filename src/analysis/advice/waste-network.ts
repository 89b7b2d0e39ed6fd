/**
 * Network waste from cost lines (aws.md, "Waste that small AWS accounts commonly pay for"):
 * - a NAT gateway billed for its hours that processes almost nothing (under
 *   `NAT_IDLE_GB_PER_DAY` per gateway-day) is idle: delete it. CloudWatch's
 *   `AWS/NATGateway BytesOutToDestination`, when collected for the region, confirms or vetoes.
 * - public IPv4 addresses cost $0.005 an hour each since February 2024: idle ones are released
 *   (certain saving); attached ones are worth a look (IPv6, a load balancer), low confidence.
 * Pure. Monthly figures are the window's daily average times 30.
 */
import { frNum, frUsd } from "./fr";
import { evidenceOf, type LineGroup, lineGroups, matching } from "./line-groups";
import { type AdviceInput, DAYS_PER_MONTH, type Finding, round2, usd, WINDOW_DAYS } from "./types";

export const NAT_IDLE_GB_PER_DAY = 2;
/** One address all month ($0.005 x 720 h): below that, no attached-address finding. */
export const IPV4_MIN_MONTHLY_USD = 3.6;
export const IPV4_IDLE_MIN_MONTHLY_USD = 0.5;

const monthly = (g: LineGroup, value: number) => (g.days.size === 0 ? 0 : (value / g.days.size) * DAYS_PER_MONTH);
const GB = 1024 ** 3;

function natMetricBytesPerDay(input: AdviceInput, region: string): number | null {
  let bytes = 0;
  const days = new Set<string>();
  for (const m of input.metrics) {
    if (m.namespace !== "AWS/NATGateway" || m.metricName !== "BytesOutToDestination" || m.region !== region) continue;
    bytes += m.sum;
    days.add(m.day);
  }
  return days.size === 0 ? null : bytes / GB / days.size;
}

export function natFindings(input: AdviceInput): Finding[] {
  const groups = lineGroups(input, WINDOW_DAYS);
  const out: Finding[] = [];
  for (const hours of matching(groups, /^NatGateway-Hours$/)) {
    if (hours.usage <= 0) continue;
    const bytes = matching(groups, /^NatGateway-Bytes$/, hours.accountId, hours.region)[0];
    const gatewayDays = hours.usage / 24;
    const gb = bytes?.usage ?? 0;
    const gbPerDay = gb / gatewayDays;
    const measured = natMetricBytesPerDay(input, hours.region);
    if (measured !== null ? measured >= NAT_IDLE_GB_PER_DAY : gbPerDay >= NAT_IDLE_GB_PER_DAY) continue;
    const hoursUsd = monthly(hours, hours.costUsd);
    const bytesUsd = bytes ? monthly(bytes, bytes.costUsd) : 0;
    const hoursCo2e = monthly(hours, hours.co2eGrams);
    const bytesCo2e = bytes ? monthly(bytes, bytes.co2eGrams) : 0;
    const gateways = Math.max(1, Math.round(hours.usage / (hours.days.size * 24)));
    const r = hours.region;
    out.push({
      kind: "nat-idle",
      resource: `NAT gateway (${gateways}) in account ${hours.accountId}`,
      region: r,
      accountId: hours.accountId,
      action: `Delete the idle NAT gateway of account ${hours.accountId} in ${r}, and release its Elastic IP.`,
      evidence: [
        `${round2(hours.usage)} NAT gateway hours billed on ${hours.days.size} of the last ${WINDOW_DAYS} days (${usd(hours.costUsd)}).`,
        `${round2(gb)} GB processed in that time: ${round2(gbPerDay)} GB per gateway-day, under the ${NAT_IDLE_GB_PER_DAY} GB that marks an idle gateway.`,
        ...(measured !== null
          ? [`CloudWatch BytesOutToDestination agrees: ${round2(measured)} GB a day in ${r}.`]
          : []),
      ],
      assumptions: ["Nothing in the VPC needs outbound internet access through it (or a VPC endpoint can take over)."],
      fr: {
        action: `Supprimer la passerelle NAT inactive du compte ${hours.accountId} en ${r}, et libérer son adresse IP Elastic.`,
        evidence: [
          `${frNum(hours.usage)} heures de passerelle NAT facturées sur ${hours.days.size} des ${WINDOW_DAYS} derniers jours (${frUsd(hours.costUsd)}).`,
          `${frNum(gb)} Go traités pendant ce temps : ${frNum(gbPerDay)} Go par passerelle et par jour, sous les ${NAT_IDLE_GB_PER_DAY} Go qui signalent une passerelle inactive.`,
          ...(measured !== null
            ? [`CloudWatch BytesOutToDestination le confirme : ${frNum(measured)} Go par jour en ${r}.`]
            : []),
        ],
        assumptions: [
          "Rien dans le VPC n'a besoin d'un accès sortant à Internet par elle (ou un point de terminaison VPC peut prendre le relais).",
        ],
      },
      monthlySavingUsd: round2(hoursUsd + bytesUsd),
      monthlySavingCo2eGrams: Math.round(hoursCo2e + bytesCo2e),
      confidence: measured !== null ? "high" : "medium",
      savingRange: {
        lowUsd: round2(hoursUsd),
        highUsd: round2(hoursUsd + bytesUsd),
        lowCo2eGrams: Math.round(hoursCo2e),
        highCo2eGrams: Math.round(hoursCo2e + bytesCo2e),
      },
      command:
        `aws ec2 describe-nat-gateways --region ${r} --filter Name=state,Values=available ` +
        `&& aws ec2 delete-nat-gateway --region ${r} --nat-gateway-id <nat-gateway-id> ` +
        `&& aws ec2 release-address --region ${r} --allocation-id <eipalloc-id>`,
      usageTypes: [...hours.usageTypes, ...(bytes?.usageTypes ?? [])].sort(),
      lines: [...evidenceOf(hours), ...(bytes ? evidenceOf(bytes) : [])],
    });
  }
  return out;
}

export function ipv4Findings(input: AdviceInput): Finding[] {
  const groups = lineGroups(input, WINDOW_DAYS);
  const out: Finding[] = [];
  for (const g of matching(groups, /^PublicIPv4:(IdleAddress|InUseAddress)$/)) {
    const idle = g.bare.endsWith("IdleAddress");
    const usdMonth = monthly(g, g.costUsd);
    if (usdMonth < (idle ? IPV4_IDLE_MIN_MONTHLY_USD : IPV4_MIN_MONTHLY_USD)) continue;
    const addresses = round2(g.usage / (g.days.size * 24));
    const co2e = Math.round(monthly(g, g.co2eGrams));
    const r = g.region;
    out.push({
      kind: idle ? "ipv4-idle" : "ipv4-attached",
      resource: `${addresses} public IPv4 address(es) in account ${g.accountId}`,
      region: r,
      accountId: g.accountId,
      action: idle
        ? `Release the public IPv4 addresses of account ${g.accountId} in ${r} that nothing uses.`
        : `Check each attached public IPv4 address of account ${g.accountId} in ${r}: an instance behind a load balancer, or reachable over IPv6 or Session Manager, needs none.`,
      evidence: [
        `${round2(g.usage)} address-hours billed as ${g.bare} on ${g.days.size} of the last ${WINDOW_DAYS} days (${usd(g.costUsd)}), about ${addresses} address(es) at any time.`,
      ],
      assumptions: idle
        ? ["An idle address is reserved for nothing; one kept for a DNS record would be re-attached instead."]
        : ["Some addresses are needed (a public service without a load balancer): the saving is at most this."],
      fr: {
        action: idle
          ? `Libérer les adresses IPv4 publiques du compte ${g.accountId} en ${r} que rien n'utilise.`
          : `Vérifier chaque adresse IPv4 publique attachée du compte ${g.accountId} en ${r} : une instance derrière un répartiteur de charge, ou joignable en IPv6 ou par Session Manager, n'en a pas besoin.`,
        evidence: [
          `${frNum(g.usage)} heures d'adresse facturées en ${g.bare} sur ${g.days.size} des ${WINDOW_DAYS} derniers jours (${frUsd(g.costUsd)}), soit environ ${frNum(addresses)} adresse(s) à tout moment.`,
        ],
        assumptions: idle
          ? [
              "Une adresse inactive n'est réservée pour rien ; celle qu'on garde pour un enregistrement DNS serait plutôt rattachée.",
            ]
          : [
              "Certaines adresses sont nécessaires (un service public sans répartiteur de charge) : l'économie est au plus celle-ci.",
            ],
      },
      monthlySavingUsd: round2(usdMonth),
      monthlySavingCo2eGrams: co2e,
      confidence: idle ? "high" : "low",
      savingRange: idle
        ? { lowUsd: round2(usdMonth), highUsd: round2(usdMonth), lowCo2eGrams: co2e, highCo2eGrams: co2e }
        : { lowUsd: 0, highUsd: round2(usdMonth), lowCo2eGrams: 0, highCo2eGrams: co2e },
      command: idle
        ? `aws ec2 describe-addresses --region ${r} --query "Addresses[?AssociationId==null].AllocationId" && aws ec2 release-address --region ${r} --allocation-id <eipalloc-id>`
        : `aws ec2 describe-network-interfaces --region ${r} --query "NetworkInterfaces[?Association.PublicIp].[NetworkInterfaceId,Association.PublicIp,Description]"`,
      usageTypes: [...g.usageTypes].sort(),
      lines: evidenceOf(g),
    });
  }
  return out;
}
