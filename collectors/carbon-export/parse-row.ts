/**
 * One carbon export row to a normalised record: the month of usage_period_start, emissions in
 * grams CO2e (the export gives metric tons, MTCO2e), the region (`global` where AWS gives none).
 * Pure; a row that cannot be read says why.
 */
import type { CarbonExportColumn } from "./columns";

export interface AwsCarbonRow {
  month: string;
  usageAccountId: string;
  payerAccountId: string;
  productCode: string;
  regionCode: string;
  location: string;
  modelVersion: string;
  locationCo2eGrams: number;
  marketCo2eGrams: number;
  lastRefresh: string;
}

export type ParsedCarbonRow = { ok: true; row: AwsCarbonRow } | { ok: false; error: string };

/** Grams per unit the export may name. */
const GRAMS_PER_UNIT: Readonly<Record<string, number>> = {
  mtco2e: 1e6,
  tco2e: 1e6,
  "metric tons co2e": 1e6,
  kgco2e: 1e3,
  gco2e: 1,
};

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}

function grams(value: unknown, unit: unknown, what: string): number | string {
  const raw = text(value);
  const n = typeof value === "number" ? value : Number(raw);
  if (raw === "" || !Number.isFinite(n)) return `${what} is not a number (${JSON.stringify(raw)})`;
  if (n < 0) return `${what} is negative (${n})`;
  const u = text(unit).toLowerCase();
  const factor = u === "" ? 1e6 : GRAMS_PER_UNIT[u];
  if (factor === undefined) return `${what} has an unknown unit ${JSON.stringify(text(unit))}`;
  return n * factor;
}

export function parseCarbonRow(cell: (c: CarbonExportColumn) => unknown): ParsedCarbonRow {
  const start = text(cell("usage_period_start"));
  const month = /^(\d{4}-\d{2})/.exec(start)?.[1];
  if (!month) return { ok: false, error: `usage_period_start is not a date (${JSON.stringify(start)})` };
  const usageAccountId = text(cell("usage_account_id"));
  if (!usageAccountId) return { ok: false, error: "usage_account_id is empty" };
  const productCode = text(cell("product_code"));
  if (!productCode) return { ok: false, error: "product_code is empty" };
  const lbm = grams(cell("total_lbm_emissions_value"), cell("total_lbm_emissions_unit"), "total_lbm_emissions_value");
  if (typeof lbm === "string") return { ok: false, error: lbm };
  const mbm = grams(cell("total_mbm_emissions_value"), cell("total_mbm_emissions_unit"), "total_mbm_emissions_value");
  if (typeof mbm === "string") return { ok: false, error: mbm };
  return {
    ok: true,
    row: {
      month,
      usageAccountId,
      payerAccountId: text(cell("payer_account_id")),
      productCode,
      regionCode: text(cell("region_code")).toLowerCase() || "global",
      location: text(cell("location")),
      modelVersion: text(cell("model_version")),
      locationCo2eGrams: lbm,
      marketCo2eGrams: mbm,
      lastRefresh: text(cell("last_refresh_timestamp")),
    },
  };
}
