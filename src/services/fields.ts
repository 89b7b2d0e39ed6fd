/**
 * Field schemas the service inputs share, so a page and the CLI read a month, a date, a decimal
 * or an actor the same way. Messages are English; pages translate the field name around them.
 */
import { z } from "zod";
import { isValidDay, isValidMonth } from "../days";

export const monthField = z.string().trim().refine(isValidMonth, "must be a month YYYY-MM");
export const dayField = z.string().trim().refine(isValidDay, "must be a date YYYY-MM-DD");

/** "12,5" and "1 000" as people type them (a comma is a decimal comma here, never thousands). */
export function parseDecimal(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  return cleaned === "" || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned) ? Number.NaN : Number(cleaned);
}

/** A number typed by a person: `0.92`, `0,92` (French decimal comma) or a number already. */
export const decimalField = z
  .union([z.number(), z.string().transform(parseDecimal)])
  .pipe(z.number({ message: "must be a number" }).refine(Number.isFinite, "must be a number"));

/** A checkbox (`on`), a CLI flag (true) or absent (false). */
export const flagField = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("")])
  .transform((v) => v === true || v === "on" || v === "true")
  .default(false);

/** Who acts, for the audit log: `cli`, `dashboard:anne@example.org`... */
export const actorField = z.string().trim().min(1, "must say who acts").max(200, "is too long");

/** A positive whole id, typed or posted as text. */
export const idField = z.coerce
  .number({ message: "must be a number" })
  .int("must be a whole number")
  .positive("must be above 0");
