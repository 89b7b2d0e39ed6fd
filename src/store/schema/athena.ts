/**
 * Athena (issue 19): every query Cairn issues, with the bytes it scanned and what they cost
 * (what the monthly cap CAIRN_ATHENA_MAX_USD counts, and what the data health page shows beside
 * Cost Explorer's requests), and the cache of on-demand answers keyed by query and periods.
 */
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { collectionRuns } from "./runs";

export const athenaQueries = sqliteTable(
  "athena_queries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id").references(() => collectionRuns.id, { onDelete: "set null" }),
    /** What the query was for: `cost-lines`, or an on-demand view (`resources-top`...). */
    purpose: text("purpose").notNull(),
    /** The billing periods read (`YYYY-MM`, comma-separated, sorted). */
    billingPeriods: text("billing_periods").notNull(),
    queryExecutionId: text("query_execution_id"),
    startedAt: text("started_at").notNull(),
    finishedAt: text("finished_at"),
    /** RUNNING | SUCCEEDED | FAILED | CANCELLED | REFUSED (stopped by the cap before it was sent). */
    state: text("state").notNull(),
    bytesScanned: integer("bytes_scanned").notNull().default(0),
    /** $5 per TB, at least 10 MB per query (collectors/athena/cost.ts). */
    costUsd: real("cost_usd").notNull().default(0),
    /** What the cap check expected the query to cost. */
    estimatedCostUsd: real("estimated_cost_usd").notNull().default(0),
    error: text("error"),
  },
  (t) => [
    index("athena_queries_started").on(t.startedAt),
    index("athena_queries_purpose").on(t.purpose, t.billingPeriods),
  ],
);

export const athenaCache = sqliteTable(
  "athena_cache",
  {
    /** The query text itself: it names its periods, table and every parameter. */
    queryText: text("query_text").primaryKey(),
    purpose: text("purpose").notNull(),
    billingPeriods: text("billing_periods").notNull(),
    createdAt: text("created_at").notNull(),
    /** The answer's rows, as JSON. */
    payload: text("payload").notNull(),
  },
  (t) => [index("athena_cache_periods").on(t.billingPeriods)],
);
