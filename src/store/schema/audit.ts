/**
 * Who changed what: one row per interactive write made through src/services (budgets, rates,
 * planned activities, users, tokens). Secrets (passwords, token values) are never recorded.
 */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    /** `cli`, `dashboard:anne@example.org`, ... */
    actor: text("actor").notNull(),
    /** The operation, named like its service file: `set-rate`, `remove-user`, ... */
    action: text("action").notNull(),
    /** What it acted on: `EUR 2026-10`, a user's email, a token's name... */
    subject: text("subject").notNull(),
    /** The input as JSON, without secrets. */
    detail: text("detail").notNull().default("{}"),
  },
  (t) => [index("audit_log_at").on(t.at)],
);
