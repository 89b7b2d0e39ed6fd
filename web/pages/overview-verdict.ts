/**
 * The overview's one-sentence answer for a director: where the month stands against its
 * budget, in plain words, with a tone (ok / warn / bad). Pure.
 */
import { formatDay } from "../../src/format/numbers";
import type { Locale } from "../../src/model";

export interface Verdict {
  tone: "ok" | "warn" | "bad" | "none";
  text: string;
}

export function overviewVerdict(input: {
  monthToDate: number;
  budget: number | null;
  forecast: number | null;
  asOfDay: string;
  money: (n: number) => string;
  locale: Locale;
}): Verdict {
  const { monthToDate, budget, forecast, money, locale } = input;
  const fr = locale === "fr";
  const asOf = formatDay(input.asOfDay, locale);
  const spent = fr ? `Au ${asOf}, ${money(monthToDate)} dépensés` : `By ${asOf}, ${money(monthToDate)} spent`;
  if (budget === null || budget <= 0) {
    return {
      tone: "none",
      text: fr ? `${spent} ce mois-ci (aucun budget mensuel défini).` : `${spent} this month (no monthly budget set).`,
    };
  }
  const over = monthToDate - budget;
  if (over > 0) {
    return {
      tone: "bad",
      text: fr
        ? `Budget du mois dépassé : ${money(monthToDate)} dépensés pour un budget de ${money(budget)} (+${money(over)}), au ${asOf}.`
        : `This month's budget is exceeded: ${money(monthToDate)} spent against ${money(budget)} (+${money(over)}), by ${asOf}.`,
    };
  }
  if (forecast !== null && forecast > budget) {
    return {
      tone: "warn",
      text: fr
        ? `${spent} sur ${money(budget)} ; à ce rythme le mois finira vers ${money(forecast)}, au-dessus du budget de ${money(forecast - budget)}.`
        : `${spent} of ${money(budget)}; at this pace the month ends near ${money(forecast)}, ${money(forecast - budget)} over budget.`,
    };
  }
  const tone = monthToDate > 0.8 * budget ? "warn" : "ok";
  return {
    tone,
    text: fr
      ? `${spent} sur un budget de ${money(budget)} : il reste ${money(budget - monthToDate)}.`
      : `${spent} of a ${money(budget)} budget: ${money(budget - monthToDate)} left.`,
  };
}
