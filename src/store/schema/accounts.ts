/** Account names as AWS Organizations gives them (ListAccounts), replaced whole by each successful read. */
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

export const organizationAccounts = sqliteTable("organization_accounts", {
  accountId: text("account_id").primaryKey(),
  name: text("name").notNull(),
  /** ACTIVE | SUSPENDED | PENDING_CLOSURE, as Organizations says (its `State`, or the older `Status`). */
  status: text("status").notNull(),
  fetchedAt: text("fetched_at").notNull(),
});
