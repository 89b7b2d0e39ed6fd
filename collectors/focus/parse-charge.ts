/**
 * One FOCUS row to one charge, or the reason it cannot be read. Pure. The mapping to Cairn's
 * cost line: service = ServiceName (or x_ServiceCode) in Cost Explorer's vocabulary, region =
 * RegionId (or `global`, always for global services), account = SubAccountId
 * (the billing account when absent), usage type = x_UsageType, else SkuMeter, else the charge
 * description (FOCUS 1.0 files without AWS's columns), pipeline = the pipeline tag's value,
 * billed cost -> unblended, effective cost -> amortised, day = the UTC day of ChargePeriodStart.
 */
import { canonicalRegion, canonicalService } from "../../src/aws/service-names";
import { monthOf } from "../../src/days";
import type { Day, Month } from "../../src/model";
import type { ColumnIndex, FocusColumn } from "./columns";
import { dayOf, numberOf, tagValue, textOf } from "./values";

export interface FocusCharge {
  provider: string;
  isAws: boolean;
  billingAccountId: string;
  /** The billing period the row was exported in (`YYYY-MM`). */
  billingPeriod: Month;
  /** The day the charge applies to: for a correction, a day of the period it corrects. */
  day: Day;
  correction: boolean;
  accountId: string;
  service: string;
  region: string;
  usageType: string;
  pipeline: string;
  billedCost: number;
  effectiveCost: number;
  usageAmount: number;
  usageUnit: string;
  currency: string;
  /** The resource billed ("" when the row names none), its name and type, and its raw Tags. */
  resourceId: string;
  resourceName: string;
  resourceType: string;
  tags: unknown;
}

export type ChargeResult = { ok: true; charge: FocusCharge } | { ok: false; error: string };

/** Reads a cell of the current row by column; -1 columns read as missing. */
export type CellReader = (column: FocusColumn) => unknown;

export function cellReader(index: ColumnIndex, cells: readonly unknown[]): CellReader {
  return (column) => {
    const i = index[column];
    return i === -1 ? undefined : cells[i];
  };
}

const AWS_PROVIDERS = new Set(["aws", "amazon web services", "amazon web services, inc."]);

export function isAwsProvider(provider: string): boolean {
  return AWS_PROVIDERS.has(provider.toLowerCase());
}

function fail(error: string): ChargeResult {
  return { ok: false, error };
}

/** `tagCache` memoises Tags parsing across the rows of one file. */
export function parseCharge(cell: CellReader, pipelineTag: string, tagCache?: Map<string, string>): ChargeResult {
  const billedCost = numberOf(cell("BilledCost"));
  if (billedCost === null) return fail("BilledCost is missing");
  if (billedCost === undefined)
    return fail(`BilledCost is not a number: ${JSON.stringify(textOf(cell("BilledCost")))}`);
  const effectiveCost = numberOf(cell("EffectiveCost"));
  if (effectiveCost === null) return fail("EffectiveCost is missing");
  if (effectiveCost === undefined) {
    return fail(`EffectiveCost is not a number: ${JSON.stringify(textOf(cell("EffectiveCost")))}`);
  }
  const day = dayOf(cell("ChargePeriodStart"));
  if (day === null) return fail("ChargePeriodStart is missing");
  if (day === undefined) {
    return fail(`ChargePeriodStart is not a date: ${JSON.stringify(textOf(cell("ChargePeriodStart")))}`);
  }
  const periodStart = dayOf(cell("BillingPeriodStart"));
  if (periodStart === null) return fail("BillingPeriodStart is missing");
  if (periodStart === undefined) {
    return fail(`BillingPeriodStart is not a date: ${JSON.stringify(textOf(cell("BillingPeriodStart")))}`);
  }
  const provider = textOf(cell("ProviderName")) ?? textOf(cell("ServiceProviderName"));
  if (provider === null) return fail("ProviderName is missing");
  const billingAccountId = textOf(cell("BillingAccountId"));
  if (billingAccountId === null) return fail("BillingAccountId is missing");
  const quantity = numberOf(cell("ConsumedQuantity"));
  if (quantity === undefined) {
    return fail(`ConsumedQuantity is not a number: ${JSON.stringify(textOf(cell("ConsumedQuantity")))}`);
  }
  const currency = textOf(cell("BillingCurrency")) ?? "USD";
  if (isAwsProvider(provider) && currency !== "USD") {
    return fail(`BillingCurrency is ${currency}: Cairn stores AWS costs in USD`);
  }
  const category = textOf(cell("ChargeCategory")) ?? "Usage";
  const usageType =
    textOf(cell("x_UsageType")) ??
    textOf(cell("SkuMeter")) ??
    (category === "Usage" ? textOf(cell("ChargeDescription")) : null) ??
    category;
  // Cost Explorer's names (src/aws/service-names.ts), so a month keeps its services' names
  // whichever source it comes from.
  const service = canonicalService({
    name: textOf(cell("ServiceName")) ?? category,
    code: textOf(cell("x_ServiceCode")),
    usageType,
    chargeCategory: category,
  });
  return {
    ok: true,
    charge: {
      provider,
      isAws: isAwsProvider(provider),
      billingAccountId,
      billingPeriod: monthOf(periodStart),
      day,
      correction: textOf(cell("ChargeClass"))?.toLowerCase() === "correction",
      accountId: textOf(cell("SubAccountId")) ?? billingAccountId,
      service,
      region: canonicalRegion(textOf(cell("RegionId")), service),
      usageType,
      pipeline: tagValue(cell("Tags"), pipelineTag, tagCache),
      billedCost,
      effectiveCost,
      usageAmount: quantity ?? 0,
      usageUnit: textOf(cell("ConsumedUnit")) ?? "",
      currency,
      resourceId: textOf(cell("ResourceId")) ?? "",
      resourceName: textOf(cell("ResourceName")) ?? "",
      resourceType: textOf(cell("ResourceType")) ?? "",
      tags: cell("Tags"),
    },
  };
}
