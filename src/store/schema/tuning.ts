/**
 * What consultants record about their tuning work: each finding's life (open, snoozed,
 * dismissed, done) with a snapshot of the finding as it was, and the upkeep log with hourly
 * values. Written only through src/services/.
 */
import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const findingStates = sqliteTable("finding_states", {
  /** The finding's stable id (kind|account|region|resource, see analysis/advice/complete.ts). */
  findingId: text("finding_id").primaryKey(),
  /** open | snoozed | dismissed | done */
  status: text("status").notNull(),
  snoozedUntil: text("snoozed_until"),
  reason: text("reason"),
  doneOn: text("done_on"),
  /** The finding when its state last changed (JSON): a fixed finding is no longer produced. */
  snapshot: text("snapshot", { mode: "json" }).notNull(),
  changedBy: text("changed_by").notNull(),
  changedAt: text("changed_at").notNull(),
  /** The realised saving, frozen once four weeks after "done" have passed (JSON). */
  realised: text("realised", { mode: "json" }),
});

export const upkeepEntries = sqliteTable("upkeep_entries", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  day: text("day").notNull(),
  /** The pipeline the work was for ("" when it was for a resource only). */
  pipeline: text("pipeline").notNull().default(""),
  resource: text("resource").notNull().default(""),
  hours: real("hours").notNull(),
  person: text("person").notNull(),
  what: text("what").notNull(),
  volunteered: integer("volunteered", { mode: "boolean" }).notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: text("created_at").notNull(),
});

/** Hourly value of one person's upkeep, in USD (the default is CAIRN_UPKEEP_HOUR_VALUE). */
export const upkeepRates = sqliteTable("upkeep_rates", {
  person: text("person").primaryKey(),
  hourValueUsd: real("hour_value_usd").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: text("updated_at").notNull(),
});
