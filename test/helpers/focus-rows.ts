/** Building small FOCUS exports for tests: rows with every column the importer reads explicit. */

export interface FocusRow {
  BilledCost: string;
  EffectiveCost: string;
  BillingCurrency: string;
  BillingAccountId: string;
  BillingPeriodStart: string;
  BillingPeriodEnd: string;
  ChargePeriodStart: string;
  ChargePeriodEnd: string;
  ChargeCategory: string;
  ChargeClass: string;
  ProviderName: string;
  ServiceName: string;
  RegionId: string;
  SubAccountId: string;
  ConsumedQuantity: string;
  ConsumedUnit: string;
  ResourceId: string;
  Tags: string;
  x_UsageType: string;
}

export function focusRow(overrides: Partial<FocusRow> = {}): FocusRow {
  return {
    BilledCost: "1.5",
    EffectiveCost: "1.25",
    BillingCurrency: "USD",
    BillingAccountId: "999999999999",
    BillingPeriodStart: "2026-01-01T00:00:00Z",
    BillingPeriodEnd: "2026-02-01T00:00:00Z",
    ChargePeriodStart: "2026-01-05T00:00:00Z",
    ChargePeriodEnd: "2026-01-05T01:00:00Z",
    ChargeCategory: "Usage",
    ChargeClass: "",
    ProviderName: "AWS",
    ServiceName: "AWS Lambda",
    RegionId: "eu-west-3",
    SubAccountId: "011111111111",
    ConsumedQuantity: "3600",
    ConsumedUnit: "GB-Seconds",
    ResourceId: "arn:aws:lambda:eu-west-3:011111111111:function:probe",
    Tags: JSON.stringify({ "user:pipeline": "temperatures" }),
    x_UsageType: "EUW3-Lambda-GB-Second",
    ...overrides,
  };
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function focusCsv(rows: FocusRow[]): string {
  const names = Object.keys(focusRow()) as (keyof FocusRow)[];
  return `${[names.join(","), ...rows.map((r) => names.map((n) => quote(r[n])).join(","))].join("\n")}\n`;
}
