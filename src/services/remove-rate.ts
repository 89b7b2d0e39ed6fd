/**
 * Removes a month's rate: that month is then shown in US dollars, labelled, never as if converted.
 * Used by the Settings page and `cairn fx rm`.
 */
import { z } from "zod";
import { recordAudit } from "../store/audit-log";
import { removeRate } from "../store/settings";
import type { Store } from "../store/store";
import { parseInput, ServiceInputError } from "./errors";
import { actorField, monthField } from "./fields";

export const removeRateInput = z.object({
  month: monthField,
  currency: z.enum(["EUR"], { message: "must be EUR" }).default("EUR"),
  actor: actorField,
});

export async function removeCurrencyRate(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof removeRateInput>,
): Promise<void> {
  const { actor, month, currency } = parseInput(removeRateInput, raw);
  if (!(await removeRate(deps.store, month, currency)))
    throw new ServiceInputError("month", `no ${currency} rate for ${month}`);
  await recordAudit(
    deps.store,
    { actor, action: "remove-rate", subject: `${currency} ${month}` },
    deps.now().toISOString(),
  );
}
