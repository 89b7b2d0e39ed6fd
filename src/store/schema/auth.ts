/** Failed sign-in attempts, kept in the database so rate limiting works on Workers too. */
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** `email|ip` for the pair, `ip|...` for the address alone. */
    key: text("key").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("sign_in_failures_key_at").on(t.key, t.at)],
);
