/** Budgets, planned-activity periods and the notification outbox. */
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const budgets = sqliteTable("budgets", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  amount: real("amount").notNull(),
  currency: text("currency").notNull(),
  /** month | year | custom */
  periodKind: text("period_kind").notNull(),
  customFrom: text("custom_from"),
  customTo: text("custom_to"),
  /** all | pipeline | service | account */
  scopeKind: text("scope_kind").notNull(),
  scopeValue: text("scope_value").notNull().default(""),
  /** JSON array of {kind, ratio}. */
  thresholds: text("thresholds", { mode: "json" }).notNull(),
  createdAt: text("created_at").notNull(),
});

export const plannedActivities = sqliteTable("planned_activities", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  fromDay: text("from_day").notNull(),
  toDay: text("to_day").notNull(),
  scopeKind: text("scope_kind").notNull().default("all"),
  scopeValue: text("scope_value").notNull().default(""),
  createdAt: text("created_at").notNull(),
});

/** Every message goes through here: stored before it is sent, marked sent after. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** rule, scope, period, threshold: a key is delivered once. */
    key: text("key").notNull(),
    channel: text("channel").notNull(),
    kind: text("kind").notNull(),
    recipients: text("recipients").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    bodyHtml: text("body_html"),
    payload: text("payload", { mode: "json" }),
    /** queued | sending | sent | failed | covered */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
    /** While `sending`: the claim expires then, and another run may retry the message. */
    leaseUntil: text("lease_until"),
    /** Who holds the claim: only that run may mark the message sent. */
    claimToken: text("claim_token"),
    /** The Message-ID every attempt uses, so a retried mail is recognisably the same one. */
    messageId: text("message_id"),
  },
  (t) => [uniqueIndex("notifications_key_channel").on(t.key, t.channel), index("notifications_status").on(t.status)],
);
