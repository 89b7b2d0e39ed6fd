/**
 * Cairn's own Cost Explorer request cap (CAIRN_CE_MAX_REQUESTS, a month's requests) is reached,
 * or a collection was refused because the rest of the month's allowance was too small for it:
 * figures stop being updated until the next month. One alert per month and cap. Pure.
 */
import { type Alert, alertKey } from "./alert";

export interface RequestCapInput {
  /** `YYYY-MM` */
  month: string;
  used: number;
  cap: number;
  /** A collection of this month stopped on the cap. */
  refused: boolean;
}

export function requestCapAlerts(input: RequestCapInput): Alert[] {
  if (input.used < input.cap && !input.refused) return [];
  return [
    {
      key: alertKey("request-cap", "cost-explorer", input.month, String(input.cap)),
      rule: "request-cap",
      severity: "warning",
      facts: { rule: "request-cap", data: { ...input } },
      path: "/",
      covers: [],
    },
  ];
}
