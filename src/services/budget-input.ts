/**
 * The one validation of a budget, shared by create and update, the budgets page and
 * `cairn budget`: amounts as typed by people ("750", "12,5", "1 000"), thresholds with or
 * without "%" (at most 1000 %), a 12-digit account, a custom period's first and last days.
 * Every message is a key of error-words.ts, so pages show it in the reader's language.
 */
import { z } from "zod";
import { DEFAULT_THRESHOLDS } from "../analysis/budget-status";
import { addDays, isValidDay } from "../days";
import type { Budget, BudgetThreshold, Currency } from "../model";

const AMOUNT_MAX = 1e9;
const THRESHOLD_MAX_PCT = 1000;

/** "12,5" and "1 000" as people type them (a comma is a decimal comma here, never thousands). */
export function parseDecimal(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return cleaned === "" || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number.NaN : Number(cleaned);
}

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
    periodKind: z.enum(["month", "year", "custom"], { message: "periodInvalid" }).default("month"),
    /** A custom period's first and last days, both included. */
    from: optionalDay,
    to: optionalDay,
    scopeKind: z.enum(["all", "pipeline", "service", "account"], { message: "scopeInvalid" }).default("all"),
    scopeValue: z.string().trim().max(256, "scopeValueTooLong").default(""),
    thresholds: thresholds.prefault(formatThresholds(DEFAULT_THRESHOLDS)),
    /** Keep a scope value that matches nothing Cairn has seen (the page asks to confirm it). */
    confirmUnknownScope: z.boolean().default(false),
    actor: z.string().trim().min(1, "actorMissing").max(200, "nameTooLong"),
  })
  .superRefine((b, ctx) => {
    const custom = b.periodKind === "custom";
    if (custom && b.from === "") ctx.addIssue({ code: "custom", path: ["from"], message: "periodNeedsDays" });
    if (custom && b.to === "") ctx.addIssue({ code: "custom", path: ["to"], message: "periodNeedsDays" });
    if (custom && b.from !== "" && b.to !== "" && b.to < b.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "periodToBeforeFrom" });
    if (!custom && (b.from !== "" || b.to !== ""))
      ctx.addIssue({ code: "custom", path: [b.from !== "" ? "from" : "to"], message: "periodDaysOnlyCustom" });
    if ((b.scopeKind === "service" || b.scopeKind === "account") && b.scopeValue === "")
      ctx.addIssue({ code: "custom", path: ["scopeValue"], message: "scopeValueMissing" });
    if (b.scopeKind === "account" && b.scopeValue !== "" && !/^\d{12}$/.test(b.scopeValue))
      ctx.addIssue({ code: "custom", path: ["scopeValue"], message: "accountId", params: { value: b.scopeValue } });
  });

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
export function budgetAsInput(b: Budget): {
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
    thresholds: formatThresholds(b.thresholds),
  };
}

export function formatThresholds(list: readonly BudgetThreshold[]): string {
  return list.map((t) => `${t.kind === "forecast" ? "forecast:" : ""}${Math.round(t.ratio * 1000) / 10}`).join(",");
}
