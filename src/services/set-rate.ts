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
import { inputError, parseInput } from "./errors";
import { actorField, decimalField, flagField, monthField } from "./fields";

export const setRateInput = z.object({
  month: monthField,
  currency: z.enum(["EUR"], { message: "rateCurrencyInvalid" }).default("EUR"),
  /** Realistic rates are near 1; 100 catches a rate typed the wrong way round (dollars per cent). */
  ratePerUsd: decimalField.pipe(z.number().positive("rateNotPositive").max(100, "rateTooHigh")),
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
    throw inputError("force", "rateFixed", { month: rate.month }, "refused");
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
