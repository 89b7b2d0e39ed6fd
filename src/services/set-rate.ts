/**
 * Sets a month's currency rate (euros per US dollar). A past month's rate is fixed once set, so
 * figures already reported never change: replacing it with a different rate needs `force`. Used
 * by the Settings page and `cairn fx set|fetch`.
 */
import { z } from "zod";
import { monthOf, toDay } from "../days";
import { recordAudit } from "../store/audit-log";
import { type SetRateOutcome, setRate } from "../store/currency-rates";
import type { Store } from "../store/store";
import { parseInput, ServiceInputError } from "./errors";
import { actorField, decimalField, flagField, monthField } from "./fields";

export const setRateInput = z.object({
  month: monthField,
  currency: z.enum(["EUR"], { message: "must be EUR" }).default("EUR"),
  /** Realistic rates are near 1; 100 catches a rate typed the wrong way round (dollars per cent). */
  ratePerUsd: decimalField.pipe(
    z.number().positive("must be a positive number").max(100, "must be at most 100 (euros per US dollar)"),
  ),
  force: flagField,
  source: z.enum(["manual", "ecb"]).default("manual"),
  actor: actorField,
});

export async function setCurrencyRate(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof setRateInput>,
): Promise<Exclude<SetRateOutcome, "refused">> {
  const { actor, force, ...rate } = parseInput(setRateInput, raw);
  const at = deps.now().toISOString();
  const outcome = await setRate(deps.store, rate, { currentMonth: monthOf(toDay(deps.now())), at, force });
  if (outcome === "refused") {
    throw new ServiceInputError(
      "force",
      `${rate.month} is a past month that already has a different rate; its figures are fixed: replace it only on purpose (--force on the command line, the "replace" box on the Settings page)`,
    );
  }
  if (outcome !== "unchanged") {
    await recordAudit(
      deps.store,
      { actor, action: "set-rate", subject: `${rate.currency} ${rate.month}`, detail: { ...rate, force, outcome } },
      at,
    );
  }
  return outcome;
}
