/**
 * Which source counts for each account and day. One row per (day, account, source) with that
 * source's sums, its precedence rank and whether it is the one counted: a complete FOCUS billing
 * period (rank 0) wins over Cost Explorer (1), the demo (2) and other imports (3); FOCUS lines of
 * a period not yet complete rank 9, so they count only on days no other source covers. Exactly
 * one source per (day, account) has `counted = 1`. Derived data: rebuilt by the rollup refresh
 * (../cost-rollup.ts) for the months of marked days; the other sources' lines stay in
 * cost_lines, so removing a FOCUS month brings the Cost Explorer figures back.
 */
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const costSourceDays = sqliteTable(
  "cost_source_days",
  {
    day: text("day").notNull(),
    accountId: text("account_id").notNull(),
    source: text("source").notNull(),
    unblendedCostUsd: real("unblended_cost_usd").notNull(),
    amortizedCostUsd: real("amortized_cost_usd").notNull(),
    lines: integer("lines").notNull(),
    /** Lower wins; see the module comment. */
    rank: integer("rank").notNull(),
    /** 1 for the one source counted on this (day, account), 0 for the others (-1 while rebuilt). */
    counted: integer("counted").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.accountId, t.source] }),
    index("cost_source_days_account").on(t.accountId, t.day),
  ],
);
