/**
 * Named locks with an expiry, shared by every process on the database (CLI, scheduler, the
 * "Collect now" button): one row per lock; a holder that died stops blocking at `until`.
 */
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

export const jobLocks = sqliteTable("job_locks", {
  name: text("name").primaryKey(),
  /** A random token of the run holding it: only the holder renews or releases it. */
  holder: text("holder").notNull(),
  /** What holds it, for the message the others see (`cairn collect`, `scheduler`, `dashboard`). */
  holderLabel: text("holder_label").notNull(),
  acquiredAt: text("acquired_at").notNull(),
  until: text("until").notNull(),
});
