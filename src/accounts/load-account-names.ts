/**
 * The account names in force: CAIRN_ACCOUNT_NAMES over those AWS Organizations gave (stored by
 * the last successful ListAccounts, src/jobs/collect-organizations.ts, and used only while
 * CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS is on) over the demo's. Read per use, so a collection's
 * new names show without a restart; with Organizations off, nothing is read.
 */
import type { Config } from "../config";
import { readOrganizationAccounts } from "../store/organization-accounts";
import type { Store } from "../store/store";
import { type AccountNames, accountNamesWithDemo } from "./account-names";

export type AccountNamesConfig = Pick<Config, "CAIRN_ACCOUNT_NAMES" | "CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS">;

/** Just the two naming settings of a configuration, for job arguments. */
export function accountNamesConfig(config: AccountNamesConfig): AccountNamesConfig {
  return {
    CAIRN_ACCOUNT_NAMES: config.CAIRN_ACCOUNT_NAMES,
    CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: config.CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS,
  };
}

/** The demo's names only: for a job run without a configuration. */
export const NO_CONFIGURED_NAMES: AccountNamesConfig = {
  CAIRN_ACCOUNT_NAMES: {},
  CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: false,
};

export async function loadAccountNames(store: Store, config: AccountNamesConfig): Promise<AccountNames> {
  if (!config.CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS) return accountNamesWithDemo(config.CAIRN_ACCOUNT_NAMES);
  const stored = await readOrganizationAccounts(store);
  return accountNamesWithDemo(config.CAIRN_ACCOUNT_NAMES, Object.fromEntries(stored.map((a) => [a.accountId, a.name])));
}
