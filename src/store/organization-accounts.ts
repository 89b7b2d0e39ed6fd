/**
 * The accounts AWS Organizations listed (id, name, status): each successful read replaces them
 * whole (one transaction on SQLite, one batch on D1), so an account closed or renamed in AWS is
 * named as AWS now names it. A failed read writes nothing: the last good names stay.
 */
import { asc } from "drizzle-orm";
import { organizationAccounts } from "./schema/index";
import { readDb, type Store } from "./store";

export interface OrganizationAccount {
  accountId: string;
  name: string;
  status: string;
}

/** Rows per insert statement on D1 (4 parameters each, under its 100-parameter limit). */
const ROWS_PER_INSERT = 20;

export async function replaceOrganizationAccounts(
  store: Store,
  accounts: readonly OrganizationAccount[],
  fetchedAt: string,
): Promise<number> {
  const values = accounts.map((a) => ({ ...a, fetchedAt }));
  if (store.kind === "sqlite") {
    store.db.transaction((tx) => {
      tx.delete(organizationAccounts).run();
      for (const v of values) tx.insert(organizationAccounts).values(v).run();
    });
  } else {
    const statements = [store.db.delete(organizationAccounts)];
    for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
      statements.push(store.db.insert(organizationAccounts).values(values.slice(i, i + ROWS_PER_INSERT)) as never);
    }
    await store.db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  }
  return values.length;
}

export async function readOrganizationAccounts(store: Store): Promise<(OrganizationAccount & { fetchedAt: string })[]> {
  return readDb(store).select().from(organizationAccounts).orderBy(asc(organizationAccounts.accountId));
}
