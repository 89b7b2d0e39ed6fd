/**
 * AWS's own monthly carbon estimates, imported from the Data Exports "Carbon emissions" table:
 * one row per month, usage account, product and region. A re-import replaces its months whole
 * (AWS restates them when it refreshes its model), so nothing is counted twice.
 */
import { primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const awsCarbonEmissions = sqliteTable(
  "aws_carbon_emissions",
  {
    /** `YYYY-MM`, from usage_period_start. */
    month: text("month").notNull(),
    usageAccountId: text("usage_account_id").notNull(),
    /** AWS's product code (`AmazonEC2`), as the export gives it. */
    productCode: text("product_code").notNull(),
    /** AWS region code; `global` for global services. */
    regionCode: text("region_code").notNull(),
    payerAccountId: text("payer_account_id").notNull(),
    location: text("location").notNull(),
    modelVersion: text("model_version").notNull(),
    /** Location-based and market-based emissions, converted to grams CO2e. */
    locationCo2eGrams: real("location_co2e_grams").notNull(),
    marketCo2eGrams: real("market_co2e_grams").notNull(),
    lastRefresh: text("last_refresh").notNull(),
    /** The file (path or s3:// URL) the row came from, and when. */
    importFile: text("import_file").notNull(),
    importedAt: text("imported_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.usageAccountId, t.productCode, t.regionCode] })],
);
