/**
 * Sets the account names (configured, AWS Organizations' when on, and the demo's) on every
 * request, for renderPage's context and the CSV. Organizations' names are read from the store
 * per request (one small query, only when CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS is on), so a
 * collection's new names show at once.
 */
import type { MiddlewareHandler } from "hono";
import { loadAccountNames } from "../../src/accounts/load-account-names";
import type { WebDeps } from "../deps";

export function accountNamesFor(deps: WebDeps): MiddlewareHandler {
  return async (c, next) => {
    c.set("accountNames", await loadAccountNames(deps.store, deps.config));
    await next();
  };
}
