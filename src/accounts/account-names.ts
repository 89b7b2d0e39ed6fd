/**
 * Account names shown instead of bare ids: `CAIRN_ACCOUNT_NAMES=111122223333=Production,...`
 * (parsed here, for src/config.ts), and the demo's two accounts named by the demo itself (AWS's
 * documentation ids, which no real account has). Pure.
 */
import { DEMO_ACCOUNTS } from "../../collectors/demo/accounts";

export type AccountNames = Readonly<Record<string, string>>;

/** `111122223333=Production, 444455556666=Bac à sable` → { id: name }; throws naming the bad entry. */
export function parseAccountNames(text: string): AccountNames {
  const names: Record<string, string> = {};
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const at = entry.indexOf("=");
    const id = at < 0 ? entry : entry.slice(0, at).trim();
    const name = at < 0 ? "" : entry.slice(at + 1).trim();
    if (!/^\d{12}$/.test(id)) throw new Error(`"${entry}": the account id must be 12 digits, then =name`);
    if (name === "") throw new Error(`"${entry}": a name is needed after ${id}=`);
    if (name.length > 64) throw new Error(`"${entry}": a name is at most 64 characters`);
    if (id in names) throw new Error(`account ${id} is named twice`);
    names[id] = name;
  }
  return names;
}

/**
 * Every source of names, in order of precedence: CAIRN_ACCOUNT_NAMES wins over AWS
 * Organizations' names (what the organisation chose to call an account in Cairn beats AWS's
 * name), which win over the demo's own.
 */
export function accountNamesWithDemo(configured: AccountNames, organizations: AccountNames = {}): AccountNames {
  const demo = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.accountId, a.name]));
  return { ...demo, ...organizations, ...configured };
}

/**
 * A sentence written with bare ids (a finding's action: "the NAT gateway of account
 * 444455556666") with each named account as its label. An id already inside a label ("(id)")
 * or part of a longer number is left alone.
 */
export function labelAccountsIn(text: string, names: AccountNames): string {
  return text.replace(/(?<![\d(])(\d{12})(?![\d)])/g, (id) => accountLabel(id, names));
}

/** "Production (111122223333)" when named, else the id. */
export function accountLabel(id: string, names: AccountNames): string {
  const name = names[id];
  return name ? `${name} (${id})` : id;
}
