/**
 * FOCUS imports. `import_lines` keeps what each export (billing account x billing period)
 * contributed to each cost-line key, so a newer export of a month replaces exactly its own
 * contribution, and corrections issued in a later period add to the period they correct,
 * idempotently. Cost lines (source `focus`) are recomputed from these sums. Other providers'
 * rows are only counted, in `import_other_providers`, never mixed into cost lines.
 */
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const importFiles = sqliteTable(
  "import_files",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** A path or `s3://bucket/key`. */
    name: text("name").notNull(),
    /** S3 ETag, or size and modification time for a local file. */
    etag: text("etag").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    importedAt: text("imported_at").notNull(),
    focusVersion: text("focus_version").notNull(),
    /** Billing periods (`YYYY-MM`) and billing accounts found, comma-separated. */
    billingPeriods: text("billing_periods").notNull(),
    billingAccountIds: text("billing_account_ids").notNull(),
    rows: integer("rows").notNull(),
    awsRows: integer("aws_rows").notNull(),
    otherProviderRows: integer("other_provider_rows").notNull(),
    badRows: integer("bad_rows").notNull(),
  },
  (t) => [uniqueIndex("import_files_version").on(t.name, t.etag)],
);

export const importLines = sqliteTable(
  "import_lines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    billingAccountId: text("billing_account_id").notNull(),
    /** The billing period of the export that contributed (`YYYY-MM`). */
    billingPeriod: text("billing_period").notNull(),
    day: text("day").notNull(),
    accountId: text("account_id").notNull(),
    service: text("service").notNull(),
    region: text("region").notNull(),
    usageType: text("usage_type").notNull(),
    pipeline: text("pipeline").notNull(),
    usageUnit: text("usage_unit").notNull(),
    unblendedCostUsd: real("unblended_cost_usd").notNull(),
    amortizedCostUsd: real("amortized_cost_usd").notNull(),
    usageAmount: real("usage_amount").notNull(),
    rows: integer("rows").notNull(),
  },
  (t) => [index("import_lines_export").on(t.billingAccountId, t.billingPeriod), index("import_lines_day").on(t.day)],
);

export const importOtherProviders = sqliteTable(
  "import_other_providers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    billingAccountId: text("billing_account_id").notNull(),
    billingPeriod: text("billing_period").notNull(),
    provider: text("provider").notNull(),
    currency: text("currency").notNull(),
    rows: integer("rows").notNull(),
    billedCost: real("billed_cost").notNull(),
  },
  (t) => [uniqueIndex("import_other_providers_key").on(t.billingAccountId, t.billingPeriod, t.provider, t.currency)],
);
