/** Parsing and checking `cairn budget` options into budgets and planned activities. */
import { DEFAULT_THRESHOLDS } from "../analysis/budget-status";
import { addDays } from "../days";
import type { Budget, BudgetScopeKind, BudgetThreshold, Currency } from "../model";
import { dayOption, type ParsedValues, UsageError } from "./command";

const str = (values: ParsedValues, name: string): string | undefined => {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
};

export function parseAmount(text: string): number {
  const amount = Number(text.replace(",", "."));
  if (!Number.isFinite(amount) || amount <= 0)
    throw new UsageError(`--amount must be a positive number, got ${JSON.stringify(text)}`);
  return amount;
}

export function parseCurrency(text: string): Currency {
  const c = text.toUpperCase();
  if (c !== "USD" && c !== "EUR") throw new UsageError(`--currency must be USD or EUR, got ${JSON.stringify(text)}`);
  return c;
}

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

/** `50,80,100,forecast:100`: percentages of actual spend, or of the forecast when prefixed. */
export function parseThresholds(text: string): BudgetThreshold[] {
  const out: BudgetThreshold[] = [];
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const forecast = part.startsWith("forecast:");
    const pct = Number((forecast ? part.slice("forecast:".length) : part).replace("%", ""));
    if (!Number.isFinite(pct) || pct <= 0 || pct > 1000) {
      throw new UsageError(
        `--thresholds takes percentages like 50,80,100,forecast:100; ${JSON.stringify(part)} is not one`,
      );
    }
    out.push({ kind: forecast ? "forecast" : "actual", ratio: pct / 100 });
  }
  if (out.length === 0) throw new UsageError("--thresholds needs at least one percentage");
  return out;
}

export function formatThresholds(thresholds: readonly BudgetThreshold[]): string {
  return thresholds.map((t) => `${t.kind === "forecast" ? "forecast:" : ""}${Math.round(t.ratio * 100)}`).join(",");
}

/** Applies the options given to a budget (a new one starts from `base`). */
export function applyBudgetOptions(base: Budget, values: ParsedValues): Budget {
  const b: Budget = { ...base, thresholds: base.thresholds.map((t) => ({ ...t })) };
  const amount = str(values, "amount");
  if (amount !== undefined) b.amount = parseAmount(amount);
  const currency = str(values, "currency");
  if (currency !== undefined) b.currency = parseCurrency(currency);
  const scope = str(values, "scope");
  if (scope !== undefined) Object.assign(b, parseScope(scope));
  const thresholds = str(values, "thresholds");
  if (thresholds !== undefined) b.thresholds = parseThresholds(thresholds);
  const period = str(values, "period");
  if (period !== undefined) {
    if (period !== "month" && period !== "year" && period !== "custom") {
      throw new UsageError(`--period must be month, year or custom, got ${JSON.stringify(period)}`);
    }
    b.periodKind = period;
  }
  const from = dayOption(values, "from");
  const to = dayOption(values, "to");
  if (b.periodKind === "custom") {
    const f = from ?? b.customPeriod?.from;
    // --to is the last day included; periods are stored half-open.
    const t = to !== undefined ? addDays(to, 1) : b.customPeriod?.to;
    if (!f || !t) throw new UsageError("a custom period needs --from and --to (the first and last days, YYYY-MM-DD)");
    if (t <= f) throw new UsageError("--to must not be before --from");
    b.customPeriod = { from: f, to: t };
  } else {
    if (from !== undefined || to !== undefined) throw new UsageError("--from and --to go with --period custom");
    b.customPeriod = null;
  }
  return b;
}

export function newBudget(name: string): Budget {
  return {
    name,
    amount: 0,
    currency: "USD",
    periodKind: "month",
    customPeriod: null,
    scopeKind: "all",
    scopeValue: "",
    thresholds: DEFAULT_THRESHOLDS.map((t) => ({ ...t })),
  };
}
