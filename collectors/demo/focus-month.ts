/**
 * One month of the demo's production account as AWS's FOCUS export would write it, so the demo
 * imports it through the real importer and shows the rule at work: that month's Cost Explorer
 * lines stay stored, the FOCUS ones count, and the data health page compares the two. The
 * export spells services its own way (EC2 as one service with code AmazonEC2, "Amazon
 * CloudWatch") and bills each row to the cent, so its total differs from Cost Explorer's by a
 * few cents, as AWS's own figures do. Rows name the resource they bill (./resources.ts), so the
 * demo has resource lines. Pure: lines in, CSV text out.
 */
import { addMonths, firstDayOfMonth } from "../../src/days";
import type { CostLine, Month } from "../../src/model";
import { demoResource } from "./resources";

/** The month the demo imports as FOCUS: the one before last (closed, so its export is complete). */
export function demoFocusMonth(todayMonth: Month): Month {
  return addMonths(todayMonth, -2);
}

const FOCUS_SPELLING: Readonly<Record<string, { name: string; code: string }>> = {
  "Amazon Elastic Compute Cloud - Compute": { name: "Amazon Elastic Compute Cloud", code: "AmazonEC2" },
  "EC2 - Other": { name: "Amazon Elastic Compute Cloud", code: "AmazonEC2" },
  AmazonCloudWatch: { name: "Amazon CloudWatch", code: "AmazonCloudWatch" },
};

const HEADER = [
  "BilledCost",
  "EffectiveCost",
  "BillingCurrency",
  "BillingAccountId",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ChargeCategory",
  "ChargeClass",
  "ProviderName",
  "ServiceName",
  "x_ServiceCode",
  "RegionId",
  "SubAccountId",
  "ConsumedQuantity",
  "ConsumedUnit",
  "Tags",
  "x_UsageType",
  "ResourceId",
  "ResourceName",
  "ResourceType",
];

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The FOCUS CSV of `lines` (one account's lines of one month) for billing account `payer`. */
export function demoFocusCsv(lines: readonly CostLine[], month: Month, payer: string): string {
  const periodStart = `${firstDayOfMonth(month)}T00:00:00Z`;
  const periodEnd = `${firstDayOfMonth(addMonths(month, 1))}T00:00:00Z`;
  const rows = lines.map((l) => {
    const tax = l.service === "Tax";
    const spelling = FOCUS_SPELLING[l.service];
    // Billed to the cent per row: the small rounding difference exports show against Cost Explorer.
    const billed = (Math.round(l.unblendedCostUsd * 100) / 100).toFixed(2);
    const resource = demoResource(l);
    return [
      billed,
      billed,
      "USD",
      payer,
      periodStart,
      periodEnd,
      `${l.day}T00:00:00Z`,
      `${l.day}T23:59:59Z`,
      tax ? "Tax" : "Usage",
      "",
      "AWS",
      tax ? "Tax" : (spelling?.name ?? l.service),
      spelling?.code ?? "",
      l.region === "global" ? "" : l.region,
      l.accountId,
      String(l.usageAmount),
      l.usageUnit,
      l.pipeline ? JSON.stringify({ "user:pipeline": l.pipeline }) : "{}",
      l.usageType,
      resource?.id ?? "",
      resource?.name ?? "",
      resource?.type ?? "",
    ]
      .map(quote)
      .join(",");
  });
  return `${[HEADER.join(","), ...rows].join("\n")}\n`;
}
