/** Collection runs and the API requests they made (Cairn's own bill). */
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const collectionRuns = sqliteTable(
  "collection_runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    source: text("source").notNull(),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at"),
    /** running | succeeded | failed | skipped (nothing to do: no region, no account) */
    status: text("status", { enum: ["running", "succeeded", "failed", "skipped"] }).notNull(),
    fromDay: text("from_day"),
    toDay: text("to_day"),
    requests: integer("requests").notNull().default(0),
    requestCostUsd: real("request_cost_usd").notNull().default(0),
    rowsWritten: integer("rows_written").notNull().default(0),
    error: text("error"),
    /** A running run renews this as it works; past it, the run is taken as interrupted. */
    leaseUntil: text("lease_until"),
    /** What kind of failure (`missing-credentials`, `expired-credentials`, `access-denied`...), for localized messages. */
    errorKind: text("error_kind"),
  },
  (t) => [index("collection_runs_source_started").on(t.source, t.startedAt)],
);

export const apiRequests = sqliteTable(
  "api_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id").references(() => collectionRuns.id, { onDelete: "set null" }),
    /** cost-explorer | cloudwatch | s3 | ... */
    api: text("api").notNull(),
    operation: text("operation").notNull(),
    /** Billed units: pages for Cost Explorer, metrics for CloudWatch. */
    units: integer("units").notNull(),
    costUsd: real("cost_usd").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("api_requests_api_at").on(t.api, t.at)],
);
