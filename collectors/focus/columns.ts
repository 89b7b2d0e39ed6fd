/**
 * The FOCUS columns Cairn reads, which of them a file must have, and how a header maps to
 * them. FOCUS 1.0 and 1.2 share every column used here; 1.1+ adds `SkuMeter`, 1.2 adds
 * `InvoiceId` and `PricingCurrency`, and later versions name the provider `ServiceProviderName`.
 */

export const FOCUS_COLUMNS = [
  "BilledCost",
  "EffectiveCost",
  "BillingCurrency",
  "BillingAccountId",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ProviderName",
  "ServiceProviderName",
  "ServiceName",
  "RegionId",
  "SubAccountId",
  "ConsumedQuantity",
  "ConsumedUnit",
  "Tags",
  "SkuMeter",
  "x_UsageType",
  "x_ServiceCode",
  "ResourceId",
  "ResourceName",
  "ResourceType",
] as const;

export type FocusColumn = (typeof FOCUS_COLUMNS)[number];

/** A file without one of these cannot be imported at all. */
export const REQUIRED_COLUMNS: readonly FocusColumn[] = [
  "BilledCost",
  "EffectiveCost",
  "BillingAccountId",
  "BillingPeriodStart",
  "ChargePeriodStart",
  "ServiceName",
];

/** Position of each known column in a file's header (-1 when absent). */
export type ColumnIndex = Record<FocusColumn, number>;

export type FocusVersion = "1.0" | "1.1" | "1.2";

export interface HeaderInfo {
  index: ColumnIndex;
  version: FocusVersion;
  /** Required columns the header lacks (the file is refused when not empty). */
  missing: string[];
}

export function readHeader(names: readonly string[]): HeaderInfo {
  const positions = new Map<string, number>();
  names.forEach((name, i) => {
    if (!positions.has(name.trim())) positions.set(name.trim(), i);
  });
  const index = Object.fromEntries(FOCUS_COLUMNS.map((c) => [c, positions.get(c) ?? -1])) as ColumnIndex;
  const missing: string[] = REQUIRED_COLUMNS.filter((c) => index[c] === -1);
  if (index.ProviderName === -1 && index.ServiceProviderName === -1) missing.push("ProviderName");
  const version: FocusVersion =
    positions.has("InvoiceId") || positions.has("PricingCurrency")
      ? "1.2"
      : positions.has("SkuMeter") || positions.has("ServiceSubcategory")
        ? "1.1"
        : "1.0";
  return { index, version, missing };
}
