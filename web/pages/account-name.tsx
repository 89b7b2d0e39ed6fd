/**
 * An account as pages show it: its name (CAIRN_ACCOUNT_NAMES, or the demo's) with its id, or
 * the bare id when unnamed. The names reach every page through a context that renderPage fills
 * from the request (web/app.tsx sets them once), so no page has to thread them through props.
 */
import { createContext, useContext } from "hono/jsx";
import { type AccountNames, accountLabel, labelAccountsIn } from "../../src/accounts/account-names";

declare module "hono" {
  interface ContextVariableMap {
    accountNames: AccountNames;
  }
}

export const AccountNamesContext = createContext<AccountNames>({});

export function AccountName(props: { id: string }) {
  const names = useContext(AccountNamesContext);
  const name = names[props.id];
  return name ? (
    <span class="account" title={props.id}>
      {accountLabel(props.id, names)}
    </span>
  ) : (
    <>{props.id}</>
  );
}

/** A sentence written with bare account ids (a finding's action), each named account as "Name (id)". */
export function NamedAccountsIn(props: { text: string }) {
  return <>{labelAccountsIn(props.text, useContext(AccountNamesContext))}</>;
}
