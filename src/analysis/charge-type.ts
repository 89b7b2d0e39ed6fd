/**
 * What kind of charge a cost line is: usage, tax, credits and refunds, fees, support. Cost
 * lines carry no record type (Cost Explorer's RECORD_TYPE is not a group-by Cairn pays for, and
 * FOCUS's ChargeCategory lands in the usage type when AWS's x_UsageType is absent), so the type
 * is read from the service and usage type AWS writes for each kind. Pure; the SQL twin in
 * src/store/read/charge-type-sql.ts must give the same answer (tested side by side).
 */
export type ChargeType = "usage" | "tax" | "credit" | "fee" | "support";
export const CHARGE_TYPES: readonly ChargeType[] = ["usage", "tax", "credit", "fee", "support"];

export function chargeTypeOf(line: { service: string; usageType: string; unblendedCostUsd: number }): ChargeType {
  const service = line.service.toLowerCase();
  const usageType = line.usageType.toLowerCase();
  if (service === "tax" || usageType === "tax") return "tax";
  if (usageType.includes("credit") || usageType.includes("refund") || usageType === "adjustment") return "credit";
  if (line.unblendedCostUsd < 0) return "credit";
  if (service.startsWith("aws support") || usageType.includes("support")) return "support";
  if (usageType.includes("fee") || usageType === "purchase" || usageType.includes("upfront")) return "fee";
  return "usage";
}
