/** Month-end forecasts: AWS's own (`aws`) or Cairn's weekday profile when AWS has none (`cairn`). */
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { collectionRuns } from "./runs";

export const forecasts = sqliteTable(
  "forecasts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** `YYYY-MM` */
    month: text("month").notNull(),
    /** aws | cairn */
    source: text("source").notNull(),
    /** How it was made: `aws-cost-explorer` or `weekday-profile`. */
    method: text("method").notNull(),
    /** First forecast day: spend before it is actual, from it on forecast. */
    asOfDay: text("as_of_day").notNull(),
    monthToDateUsd: real("month_to_date_usd").notNull(),
    remainingUsd: real("remaining_usd").notNull(),
    totalUsd: real("total_usd").notNull(),
    /** Bounds of the remaining spend's prediction interval (80%), when AWS gives one. */
    remainingLowerUsd: real("remaining_lower_usd"),
    remainingUpperUsd: real("remaining_upper_usd"),
    runId: integer("run_id").references(() => collectionRuns.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("forecasts_month_created").on(t.month, t.createdAt)],
);
