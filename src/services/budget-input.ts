/**
 * The one validation of a budget, shared by create and update, the budgets page and
 * `cairn budget`: amounts as typed by people ("750", "12,5", "1 000"), thresholds with or
 * without "%" (at most 1000 %), a 12-digit account, a custom period's first and last days.
 * Every message is a key of error-words.ts, so pages show it in the reader's language.
 */
import { z } from "zod";
import { DEFAULT_THRESHOLDS } from "../analysis/budget-status";
import { addDays, isValidDay } from "../days";
import type { Budget, BudgetThreshold, Currency, Locale } from "../model";
import { errorFromIssues } from "./errors";
import { parseDecimal } from "./fields";
import { isAccountId } from "./scope-fields";

const AMOUNT_MAX = 1e9;
const THRESHOLD_MAX_PCT = 1000;

const amount = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : parseDecimal(v);
  if (!Number.isFinite(n)) ctx.addIssue({ code: "custom", message: "amountNotNumber" });
  else if (n <= 0) ctx.addIssue({ code: "custom", message: "amountNotPositive" });
  else if (n > AMOUNT_MAX) ctx.addIssue({ code: "custom", message: "amountTooLarge" });
  return n;
});

/** `50, 80 %, 100, forecast:100`: percentages of actual spend, or of the forecast when prefixed. */
const thresholds = z.string().transform((text, ctx): BudgetThreshold[] => {
  const out: BudgetThreshold[] = [];
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  for (const part of parts) {
    const forecast = /^forecast\s*:/i.test(part) || /^prévision\s*:/i.test(part);
    const number = (forecast ? part.slice(part.indexOf(":") + 1) : part).replace(/%$/, "").trim();
    const pct = /^\d+(\.\d+)?$/.test(number) ? Number(number) : Number.NaN;
    const params = { part };
    if (!Number.isFinite(pct)) ctx.addIssue({ code: "custom", message: "thresholdInvalid", params });
    else if (pct <= 0) ctx.addIssue({ code: "custom", message: "thresholdNotPositive", params });
    else if (pct > THRESHOLD_MAX_PCT) ctx.addIssue({ code: "custom", message: "thresholdTooHigh", params });
    else out.push({ kind: forecast ? "forecast" : "actual", ratio: pct / 100 });
  }
  if (parts.length === 0) ctx.addIssue({ code: "custom", message: "thresholdsEmpty" });
  return out;
});

const optionalDay = z
  .string()
  .trim()
  .refine((d) => d === "" || isValidDay(d), "dayInvalid")
  .default("");

export const budgetInput = z
  .object({
    name: z.string().trim().min(1, "nameEmpty").max(100, "nameTooLong"),
    amount,
    /** Absent or empty: the display currency. */
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => c === "" || c === "USD" || c === "EUR", "currencyInvalid")
      .default(""),
    periodKind: z.preprocess(
      emptyAsMissing,
      z.enum(["month", "year", "custom"], { message: "periodInvalid" }).default("month"),
    ),
    /** A custom period's first and last days, both included. */
    from: optionalDay,
    to: optionalDay,
    scopeKind: z.preprocess(
      emptyAsMissing,
      z.enum(["all", "pipeline", "service", "account"], { message: "scopeInvalid" }).default("all"),
    ),
    scopeValue: z.string().trim().max(256, "scopeValueTooLong").default(""),
    thresholds: thresholds.prefault(formatThresholds(DEFAULT_THRESHOLDS)),
    /** Keep a scope value that matches nothing Cairn has seen (the page asks to confirm it). */
    confirmUnknownScope: z.boolean().default(false),
    actor: z.string().trim().min(1, "actorMissing").max(200, "nameTooLong"),
  })
  .superRefine((b, ctx) => {
    for (const issue of crossFieldIssues(b)) ctx.addIssue({ code: "custom", ...issue });
  });

/** A form's empty select is the default, as an option left out on the command line. */
function emptyAsMissing(v: unknown): unknown {
  return v === "" ? undefined : v;
}

interface CrossIssue {
  path: string[];
  message: string;
  params?: Record<string, string>;
}

/** The checks between fields: a custom period's days, a scope's value. */
function crossFieldIssues(raw: Record<string, unknown>): CrossIssue[] {
  const text = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string).trim() : "");
  const period = text("periodKind");
  const from = text("from");
  const to = text("to");
  const kind = text("scopeKind");
  const value = text("scopeValue");
  const out: CrossIssue[] = [];
  const custom = period === "custom";
  if (custom && from === "") out.push({ path: ["from"], message: "periodNeedsDays" });
  if (custom && to === "") out.push({ path: ["to"], message: "periodNeedsDays" });
  if (custom && from !== "" && to !== "" && to < from) out.push({ path: ["to"], message: "periodToBeforeFrom" });
  if (!custom && (from !== "" || to !== ""))
    out.push({ path: [from !== "" ? "from" : "to"], message: "periodDaysOnlyCustom" });
  if ((kind === "service" || kind === "account") && value === "")
    out.push({ path: ["scopeValue"], message: "scopeValueMissing" });
  if (kind === "account" && value !== "" && !isAccountId(value))
    out.push({ path: ["scopeValue"], message: "accountId", params: { value } });
  return out;
}

/**
 * Parses a budget. A refusal lists every field's first problem, the checks between fields
 * included even when a single field already failed (zod skips them then).
 */
export function parseBudgetInput(raw: BudgetInput): ParsedBudgetInput {
  const result = budgetInput.safeParse(raw);
  if (result.success) return result.data;
  const extra = crossFieldIssues(raw as Record<string, unknown>).filter(
    (c) => !result.error.issues.some((i) => i.path[0] === c.path[0]),
  );
  const issues = [...result.error.issues, ...extra];
  throw errorFromIssues(
    issues.sort((a, b) => FIELD_ORDER.indexOf(String(a.path[0])) - FIELD_ORDER.indexOf(String(b.path[0]))),
  );
}

/** A budget form's fields, in the order a person fills them (errors are listed in this order). */
export const BUDGET_FIELDS = [
  "name",
  "amount",
  "currency",
  "periodKind",
  "from",
  "to",
  "scopeKind",
  "scopeValue",
  "thresholds",
] as const;
const FIELD_ORDER: readonly string[] = [...BUDGET_FIELDS, "actor"];

/** As typed: the kinds are any string (the schema says which are valid). */
export type BudgetInput = Omit<z.input<typeof budgetInput>, "periodKind" | "scopeKind"> & {
  periodKind?: string;
  scopeKind?: string;
};
export type ParsedBudgetInput = z.output<typeof budgetInput>;

/** The stored budget: the last day becomes the half-open period's end. */
export function budgetFromInput(i: ParsedBudgetInput, displayCurrency: Currency): Budget {
  return {
    name: i.name,
    amount: i.amount,
    currency: i.currency === "" ? displayCurrency : (i.currency as Currency),
    periodKind: i.periodKind,
    customPeriod: i.periodKind === "custom" ? { from: i.from, to: addDays(i.to, 1) } : null,
    scopeKind: i.scopeKind,
    scopeValue: i.scopeKind === "all" ? "" : i.scopeValue,
    thresholds: i.thresholds,
  };
}

/** A stored budget as the strings a form or the command line would give (to edit it). */
/** A stored budget as its form's fields; the forecast keyword in the reader's language. */
export function budgetAsInput(
  b: Budget,
  locale: Locale = "en",
): {
  [K in Exclude<keyof BudgetInput, "actor" | "confirmUnknownScope">]: string;
} {
  return {
    name: b.name,
    amount: String(b.amount),
    currency: b.currency,
    periodKind: b.periodKind,
    from: b.customPeriod?.from ?? "",
    to: b.customPeriod ? addDays(b.customPeriod.to, -1) : "",
    scopeKind: b.scopeKind,
    scopeValue: b.scopeValue,
    thresholds: formatThresholds(b.thresholds, locale),
  };
}

/** `50,80,forecast:100` (`prévision:100` in French: the parser above takes both). */
export function formatThresholds(list: readonly BudgetThreshold[], locale: Locale = "en"): string {
  const forecast = locale === "fr" ? "prévision:" : "forecast:";
  return list.map((t) => `${t.kind === "forecast" ? forecast : ""}${Math.round(t.ratio * 1000) / 10}`).join(",");
}
