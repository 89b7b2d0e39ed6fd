/** Users, sessions, tokens, currency rates, settings and the report archive. */
import { blob, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  /** viewer | admin */
  role: text("role").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: text("created_at").notNull(),
});

export const sessions = sqliteTable("sessions", {
  /** SHA-256 of the cookie value: a stolen database does not yield live sessions. */
  idHash: text("id_hash").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  csrfToken: text("csrf_token").notNull(),
  expiresAt: text("expires_at").notNull(),
  createdAt: text("created_at").notNull(),
});

export const apiTokens = sqliteTable("api_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: text("created_at").notNull(),
  lastUsedAt: text("last_used_at"),
});

/** Units of `currency` per US dollar for a month, so a past month's figures never change. */
export const currencyRates = sqliteTable(
  "currency_rates",
  {
    month: text("month").notNull(),
    currency: text("currency").notNull(),
    ratePerUsd: real("rate_per_usd").notNull(),
    source: text("source").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.currency] })],
);

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** weekly | monthly */
    kind: text("kind").notNull(),
    period: text("period").notNull(),
    lang: text("lang").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    pdf: blob("pdf", { mode: "buffer" }),
    provisional: integer("provisional", { mode: "boolean" }).notNull(),
    createdAt: text("created_at").notNull(),
    /** Set only once the transport accepted the message. */
    sentAt: text("sent_at"),
    /** While being sent: the claim expires then, and a later run retries. */
    sendingUntil: text("sending_until"),
    claimToken: text("claim_token"),
    /** The Message-ID every attempt uses, so a retried mail is recognisably the same one. */
    messageId: text("message_id"),
  },
  (t) => [uniqueIndex("reports_kind_period_lang").on(t.kind, t.period, t.lang)],
);

/** Identifies a Cairn database and the schema version that wrote it. */
export const meta = sqliteTable("cairn_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
