/**
 * The account names in force: CAIRN_ACCOUNT_NAMES over those AWS Organizations gave (stored by
 * the last successful ListAccounts, src/jobs/collect-organizations.ts) over the demo's.
 */
import { readOrganizationAccounts } from "../store/organization-accounts";
import type { Store } from "../store/store";
import { type AccountNames, accountNamesWithDemo } from "./account-names";

export async function loadAccountNames(store: Store, configured: AccountNames): Promise<AccountNames> {
  const stored = await readOrganizationAccounts(store);
  return accountNamesWithDemo(configured, Object.fromEntries(stored.map((a) => [a.accountId, a.name])));
}
