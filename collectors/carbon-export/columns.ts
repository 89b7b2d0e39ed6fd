/**
 * AWS Data Exports "Carbon emissions" table: the columns Cairn reads (Data Exports user guide,
 * "Carbon emissions columns"), and how a file is recognised as one (its header names them).
 */
export const CARBON_EXPORT_COLUMNS = [
  "last_refresh_timestamp",
  "location",
  "model_version",
  "payer_account_id",
  "usage_account_id",
  "product_code",
  "region_code",
  "total_lbm_emissions_value",
  "total_lbm_emissions_unit",
  "total_mbm_emissions_value",
  "total_mbm_emissions_unit",
  "usage_period_start",
  "usage_period_end",
] as const;

export type CarbonExportColumn = (typeof CARBON_EXPORT_COLUMNS)[number];

/** Without these a file cannot be a carbon export (the rest may be absent in older exports). */
const REQUIRED: readonly CarbonExportColumn[] = [
  "usage_account_id",
  "product_code",
  "total_lbm_emissions_value",
  "total_mbm_emissions_value",
  "usage_period_start",
];

export function isCarbonExportHeader(header: readonly string[]): boolean {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return REQUIRED.every((c) => names.has(c));
}
