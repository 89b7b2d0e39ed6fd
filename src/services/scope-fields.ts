/**
 * What a budget or a planned activity covers: all spending, one pipeline (empty = untagged
 * spend), one service, or one 12-digit AWS account. Shared so the page and the CLI agree.
 */
import { z } from "zod";

export const scopeKindField = z.enum(["all", "pipeline", "service", "account"], { message: "scopeInvalid" });

/** An AWS account id: twelve digits. */
export function isAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}

/** Adds the scope rules to an object schema that has scopeKind and scopeValue. */
export function scopeRules<T extends { scopeKind: string; scopeValue: string }>(input: T, ctx: z.RefinementCtx): void {
  if (input.scopeKind === "account" && !isAccountId(input.scopeValue)) {
    ctx.addIssue({
      code: "custom",
      path: ["scopeValue"],
      message: "accountId",
      params: { value: input.scopeValue },
    });
  }
  if (input.scopeKind === "service" && input.scopeValue === "") {
    ctx.addIssue({ code: "custom", path: ["scopeValue"], message: "scopeValueMissing" });
  }
}

/** The stored form: `all` has no value. */
export function normaliseScope<T extends { scopeKind: string; scopeValue: string }>(input: T): T {
  return input.scopeKind === "all" ? { ...input, scopeValue: "" } : input;
}
