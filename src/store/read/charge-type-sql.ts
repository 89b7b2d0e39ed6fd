/** The SQL twin of src/analysis/charge-type.ts over `cost_lines` columns (same order of tests). */
import { type SQL, sql } from "drizzle-orm";

export const CHARGE_TYPE_SQL: SQL = sql.raw(`CASE
  WHEN lower(service) = 'tax' OR lower(usage_type) = 'tax' THEN 'tax'
  WHEN instr(lower(usage_type), 'credit') > 0 OR instr(lower(usage_type), 'refund') > 0
    OR lower(usage_type) = 'adjustment' THEN 'credit'
  WHEN unblended_cost_usd < 0 THEN 'credit'
  WHEN substr(lower(service), 1, 11) = 'aws support' OR instr(lower(usage_type), 'support') > 0 THEN 'support'
  WHEN instr(lower(usage_type), 'fee') > 0 OR lower(usage_type) = 'purchase'
    OR instr(lower(usage_type), 'upfront') > 0 THEN 'fee'
  ELSE 'usage' END`);
