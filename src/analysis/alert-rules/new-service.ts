/**
 * A service seen for the first time: its first cost day is recent, and the store holds enough
 * history before it to tell that it is new (not just the start of collection). Pure.
 */
import { addDays } from "../../days";
import type { Currency, Day } from "../../model";
import { convertAmount } from "../budget-status";
import type { MonthlyRate } from "../currency";
import { type Alert, alertKey } from "./alert";

export interface ServiceFirstSeen {
  service: string;
  firstDay: Day;
  /** USD since its first day. */
  costSinceUsd: number;
}

export interface NewServiceInput {
  /** First day examined: services first seen on or after it are new. */
  from: Day;
  /** The oldest day in the store. */
  historyFrom: Day | null;
  services: readonly ServiceFirstSeen[];
  display: Currency;
  rates: readonly MonthlyRate[];
}

/** History the store must hold before a service's first day for it to count as new. */
export const MIN_HISTORY_DAYS = 28;
/** Below a cent a new service is noise (free tiers, rounding). */
export const MIN_NEW_SERVICE_USD = 0.01;

export function newServiceAlerts(input: NewServiceInput): Alert[] {
  const { historyFrom } = input;
  if (historyFrom === null) return [];
  return input.services
    .filter(
      (s) =>
        s.firstDay >= input.from &&
        historyFrom <= addDays(s.firstDay, -MIN_HISTORY_DAYS) &&
        s.costSinceUsd >= MIN_NEW_SERVICE_USD,
    )
    .map((s) => {
      const converted = convertAmount(s.costSinceUsd, "USD", input.display, input.rates, s.firstDay);
      return {
        key: alertKey("new-service", `service:${s.service}`, "-", "first-seen"),
        rule: "new-service" as const,
        severity: "info" as const,
        facts: {
          rule: "new-service" as const,
          data: {
            service: s.service,
            firstDay: s.firstDay,
            // Without a rate for its month the amount stays in USD and says so.
            currency: converted === null ? ("USD" as const) : input.display,
            costSoFar: Math.round((converted ?? s.costSinceUsd) * 100) / 100,
          },
        },
        path: `/?service=${encodeURIComponent(s.service)}`,
        covers: [],
      };
    });
}
