/**
 * The columns of each export format. `focus`: FOCUS column names, Cairn's figures in `x_`
 * columns as FOCUS allows for custom columns. `csv` and `json`: Cairn's own field names.
 * Open data: one row per month, pipeline, service and region, with no account or resource id.
 */
import { addDays, addMonths, firstDayOfMonth } from "../../src/days";
import type { ExportLine, OpenDataRow } from "../../src/store/read/export-lines";
import type { Cell } from "./csv";

export type ExportFormat = "csv" | "json" | "focus";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["csv", "json", "focus"];

export interface Columns<Row> {
  names: readonly string[];
  values: (row: Row) => Cell[];
}

const instant = (day: string) => `${day}T00:00:00Z`;

export function focusLineColumns(pipelineTag: string): Columns<ExportLine> {
  return {
    names: [
      "ChargePeriodStart",
      "ChargePeriodEnd",
      "BilledCost",
      "EffectiveCost",
      "BillingCurrency",
      "ProviderName",
      "ServiceName",
      "RegionId",
      "SubAccountId",
      "ConsumedQuantity",
      "ConsumedUnit",
      "Tags",
      "x_UsageType",
      "x_Source",
      "x_Estimated",
      "x_EnergyKwh",
      "x_Co2eGrams",
      "x_MarketCo2eGrams",
      "x_EmbodiedCo2eGrams",
      "x_EstimateMethod",
      "x_FactorSet",
    ],
    values: (l) => [
      instant(l.day),
      instant(addDays(l.day, 1)),
      l.unblendedCostUsd,
      l.amortizedCostUsd,
      "USD",
      "AWS",
      l.service,
      l.region === "global" ? null : l.region,
      l.accountId,
      l.usageAmount,
      l.usageUnit,
      l.pipeline === "" ? null : JSON.stringify({ [pipelineTag]: l.pipeline }),
      l.usageType,
      l.source,
      l.estimated,
      l.energyKwh,
      l.co2eGrams,
      l.marketCo2eGrams,
      l.embodiedCo2eGrams,
      l.method,
      l.factorSet,
    ],
  };
}

export const cairnLineColumns: Columns<ExportLine> = {
  names: [
    "day",
    "accountId",
    "service",
    "region",
    "usageType",
    "pipeline",
    "unblendedCostUsd",
    "amortizedCostUsd",
    "usageAmount",
    "usageUnit",
    "estimated",
    "source",
    "energyKwh",
    "co2eGrams",
    "marketCo2eGrams",
    "embodiedCo2eGrams",
    "method",
    "factorSet",
  ],
  values: (l) => [
    l.day,
    l.accountId,
    l.service,
    l.region,
    l.usageType,
    l.pipeline,
    l.unblendedCostUsd,
    l.amortizedCostUsd,
    l.usageAmount,
    l.usageUnit,
    l.estimated,
    l.source,
    l.energyKwh,
    l.co2eGrams,
    l.marketCo2eGrams,
    l.embodiedCo2eGrams,
    l.method,
    l.factorSet,
  ],
};

export function focusOpenDataColumns(pipelineTag: string): Columns<OpenDataRow> {
  return {
    names: [
      "ChargePeriodStart",
      "ChargePeriodEnd",
      "BilledCost",
      "EffectiveCost",
      "BillingCurrency",
      "ProviderName",
      "ServiceName",
      "RegionId",
      "Tags",
      "x_EnergyKwh",
      "x_Co2eGrams",
      "x_Co2eGramsLow",
      "x_Co2eGramsHigh",
      "x_MarketCo2eGrams",
      "x_EmbodiedCo2eGrams",
      "x_EstimateMethod",
      "x_FactorSet",
      "x_Lines",
    ],
    values: (r) => [
      instant(firstDayOfMonth(r.month)),
      instant(firstDayOfMonth(addMonths(r.month, 1))),
      r.unblendedCostUsd,
      r.amortizedCostUsd,
      "USD",
      "AWS",
      r.service,
      r.region === "global" ? null : r.region,
      r.pipeline === "" ? null : JSON.stringify({ [pipelineTag]: r.pipeline }),
      r.energyKwh,
      r.co2eGrams,
      r.co2eGramsLow,
      r.co2eGramsHigh,
      r.marketCo2eGrams,
      r.embodiedCo2eGrams,
      r.methods,
      r.factorSets,
      r.lines,
    ],
  };
}

export const cairnOpenDataColumns: Columns<OpenDataRow> = {
  names: [
    "month",
    "pipeline",
    "service",
    "region",
    "unblendedCostUsd",
    "amortizedCostUsd",
    "energyKwh",
    "co2eGrams",
    "co2eGramsLow",
    "co2eGramsHigh",
    "marketCo2eGrams",
    "embodiedCo2eGrams",
    "methods",
    "factorSets",
    "lines",
  ],
  values: (r) => [
    r.month,
    r.pipeline,
    r.service,
    r.region,
    r.unblendedCostUsd,
    r.amortizedCostUsd,
    r.energyKwh,
    r.co2eGrams,
    r.co2eGramsLow,
    r.co2eGramsHigh,
    r.marketCo2eGrams,
    r.embodiedCo2eGrams,
    r.methods,
    r.factorSets,
    r.lines,
  ],
};
