import { describe, expect, it } from "vitest";
import { overviewVerdict } from "../../web/pages/overview-verdict";

const money = (n: number) => `$${n.toFixed(2)}`;

describe("overviewVerdict", () => {
  it.each([
    // monthToDate, budget, forecast, locale, tone, expected text
    [
      358.65,
      340,
      null,
      "en",
      "bad",
      "This month's budget is exceeded: $358.65 spent against $340.00 (+$18.65), by 27 November 2026.",
    ],
    [
      358.65,
      340,
      null,
      "fr",
      "bad",
      "Budget du mois dépassé : $358.65 dépensés pour un budget de $340.00 (+$18.65), au 27 novembre 2026.",
    ],
    [
      200,
      340,
      400,
      "en",
      "warn",
      "By 27 November 2026, $200.00 spent of $340.00; at this pace the month ends near $400.00, $60.00 over budget.",
    ],
    [300, 340, 330, "en", "warn", "By 27 November 2026, $300.00 spent of a $340.00 budget: $40.00 left."],
    [100, 340, null, "fr", "ok", "Au 27 novembre 2026, $100.00 dépensés sur un budget de $340.00 : il reste $240.00."],
    [100, null, null, "en", "none", "By 27 November 2026, $100.00 spent this month (no monthly budget set)."],
  ] as const)("%s of %s (forecast %s, %s) → %s", (monthToDate, budget, forecast, locale, tone, text) => {
    expect(overviewVerdict({ monthToDate, budget, forecast, asOfDay: "2026-11-27", money, locale })).toEqual({
      tone,
      text,
    });
  });
});
