/** Sets the account names (configured, and the demo's) on every request, for renderPage's context. */
import type { MiddlewareHandler } from "hono";
import { accountNamesWithDemo } from "../../src/accounts/account-names";
import type { WebDeps } from "../deps";

export function accountNamesFor(deps: WebDeps): MiddlewareHandler {
  const names = accountNamesWithDemo(deps.config.CAIRN_ACCOUNT_NAMES);
  return async (c, next) => {
    c.set("accountNames", names);
    await next();
  };
}
