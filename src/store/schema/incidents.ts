/**
 * Cost incidents: one spike each (src/analysis/alert-rules/incidents.ts), recorded when the
 * alerts run with `--send` (the scheduler does), then acknowledged or resolved by an admin
 * through src/services/. Amounts in USD; pages and emails convert them.
 */
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const incidents = sqliteTable(
  "incidents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The alert key it was first sent under: the outbox sends an incident once per channel. */
    key: text("key").notNull().unique(),
    firstDay: text("first_day").notNull(),
    lastDay: text("last_day").notNull(),
    /** The anomalous days (JSON array). */
    days: text("days", { mode: "json" }).notNull(),
    service: text("service").notNull(),
    pipeline: text("pipeline").notNull(),
    usageType: text("usage_type"),
    costUsd: real("cost_usd").notNull(),
    expectedUsd: real("expected_usd").notNull(),
    excessUsd: real("excess_usd").notNull(),
    /** The cost cells that moved (JSON: service, pipeline, usageType, excessUsd). */
    drivers: text("drivers", { mode: "json" }).notNull(),
    /** open | acknowledged | resolved */
    status: text("status").notNull().default("open"),
    note: text("note"),
    detectedAt: text("detected_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    acknowledgedBy: text("acknowledged_by"),
    acknowledgedAt: text("acknowledged_at"),
    resolvedBy: text("resolved_by"),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("incidents_last_day").on(t.lastDay)],
);
