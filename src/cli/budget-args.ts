/**
 * `cairn budget` options: a planned activity's `--scope`, and a budget's options as the input
 * of the budget services (which validate them exactly as the budgets page does).
 */
import type { BudgetScopeKind } from "../model";
import type { BudgetInput } from "../services/budget-input";
import type { ParsedValues } from "./command";
import { UsageError } from "./command";

const str = (values: ParsedValues, name: string): string | undefined => {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
};

/** `all`, `pipeline:NAME`, `service:NAME` or `account:ID`. */
export function parseScope(text: string): { scopeKind: BudgetScopeKind; scopeValue: string } {
  if (text === "all") return { scopeKind: "all", scopeValue: "" };
  const at = text.indexOf(":");
  const kind = at > 0 ? text.slice(0, at) : "";
  const value = at > 0 ? text.slice(at + 1) : "";
  if ((kind === "pipeline" || kind === "service" || kind === "account") && (value !== "" || kind === "pipeline")) {
    if (kind === "account" && !/^\d{12}$/.test(value))
      throw new UsageError(`--scope account:ID needs a 12-digit account id, got ${JSON.stringify(value)}`);
    return { scopeKind: kind, scopeValue: value };
  }
  throw new UsageError(`--scope must be all, pipeline:NAME, service:NAME or account:ID, got ${JSON.stringify(text)}`);
}

/** `--scope KIND:VALUE` split as typed; the budget service judges it (`all` has no value). */
function splitScope(text: string): { scopeKind: string; scopeValue: string } {
  if (text.trim() === "all") return { scopeKind: "all", scopeValue: "" };
  const at = text.indexOf(":");
  return at < 0
    ? { scopeKind: text.trim(), scopeValue: "" }
    : { scopeKind: text.slice(0, at).trim(), scopeValue: text.slice(at + 1) };
}

/** The options given, as budget-service input (options left out stay undefined). */
export function budgetOptions(values: ParsedValues): Partial<BudgetInput> {
  const scope = str(values, "scope");
  const split = scope === undefined ? undefined : splitScope(scope);
  return {
    amount: str(values, "amount"),
    currency: str(values, "currency"),
    periodKind: str(values, "period"),
    from: str(values, "from"),
    to: str(values, "to"),
    scopeKind: split?.scopeKind,
    scopeValue: split?.scopeValue,
    thresholds: str(values, "thresholds"),
  };
}

/** Which option a service field came from, to name it in an error. */
export const BUDGET_OPTION_OF: Record<string, string> = {
  amount: "--amount",
  currency: "--currency",
  periodKind: "--period",
  from: "--from",
  to: "--to",
  scopeKind: "--scope",
  scopeValue: "--scope",
  thresholds: "--thresholds",
  name: "NAME",
};
