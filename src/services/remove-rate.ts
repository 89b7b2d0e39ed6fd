/**
 * Removes a month's rate: that month is then shown in US dollars, labelled, never as if converted.
 * Used by the Settings page and `cairn fx rm`.
 */
import { z } from "zod";
import { recordAudit } from "../store/audit-log";
import { removeRate } from "../store/settings";
import type { Store } from "../store/store";
import { inputError, parseInput } from "./errors";
import { actorField, monthField } from "./fields";

export const removeRateInput = z.object({
  month: monthField,
  currency: z.enum(["EUR"], { message: "rateCurrencyInvalid" }).default("EUR"),
  actor: actorField,
});

export async function removeCurrencyRate(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof removeRateInput>,
): Promise<void> {
  const { actor, month, currency } = parseInput(removeRateInput, raw);
  if (!(await removeRate(deps.store, month, currency)))
    throw inputError("month", "rateMissing", { currency, month }, "refused");
  await recordAudit(
    deps.store,
    { actor, action: "remove-rate", subject: `${currency} ${month}` },
    deps.now().toISOString(),
  );
}
