/**
 * Field schemas the service inputs share, so a page and the CLI read a month, a date, a decimal
 * or an actor the same way. A message that is a key of error-words.ts is shown in the reader's
 * language on a page and in English on the command line (see parseInput).
 */
import { z } from "zod";
import { isValidDay, isValidMonth } from "../days";

export const monthField = z.string().trim().refine(isValidMonth, "monthInvalid");
export const dayField = z.string().trim().refine(isValidDay, "dayInvalid");

/** "12,5" and "1 000" as people type them (a comma is a decimal comma here, never thousands). */
export function parseDecimal(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return cleaned === "" || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number.NaN : Number(cleaned);
}

/** A number typed by a person: `0.92`, `0,92` (French decimal comma) or a number already. */
export const decimalField = z
  .union([z.number(), z.string().transform(parseDecimal)])
  .pipe(z.number({ message: "numberInvalid" }).refine(Number.isFinite, "numberInvalid"));

/** A checkbox (`on`), a CLI flag (true) or absent (false). */
export const flagField = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("")])
  .transform((v) => v === true || v === "on" || v === "true")
  .default(false);

/** Who acts, for the audit log: `cli`, `dashboard:anne@example.org`... */
export const actorField = z.string().trim().min(1, "must say who acts").max(200, "is too long");

/** A positive whole id, typed or posted as text. */
export const idField = z.coerce.number({ message: "numberInvalid" }).int("wholeNumber").positive("amountNotPositive");
