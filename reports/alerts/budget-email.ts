/** Budget alerts: a threshold of actual spend crossed, or the forecast over budget. Pure. */
import type { Alert, BudgetAlertFacts } from "../../src/analysis/alert-rules/alert";
import { fill } from "../../src/format/fill";
import type { BuiltEmail, Fmt } from "./context";

function scopeLabel(f: BudgetAlertFacts, x: Fmt): string {
  switch (f.scopeKind) {
    case "pipeline":
      return `${x.w.scopePipeline} ${f.scopeValue}`;
    case "service":
      return `${x.w.scopeService} ${f.scopeValue}`;
    case "account":
      return `${x.w.scopeAccount} ${x.account(f.scopeValue)}`;
    default:
      return x.w.scopeAll;
  }
}

export function budgetEmail(alert: Alert, f: BudgetAlertFacts, x: Fmt): BuiltEmail {
  const { w } = x;
  const fr = w.asOf === "au";
  const colon = fr ? " :" : ":";
  const forecastAlert = f.thresholdKind === "forecast";
  const subject = forecastAlert
    ? `${w.budget} ${f.budgetName}${colon} ${w.forecastHeading} ${x.pct(f.forecastRatio ?? 0)} ${w.forecastTail} (${w.asOf} ${x.shortDay(f.asOfDay)})`
    : `${w.budget} ${f.budgetName}${colon} ${x.pct(f.spentRatio)} ${w.spentAsOf} ${x.shortDay(f.asOfDay)}`;
  const figures: [string, string][] = [
    [w.amount, x.money(f.amount, f.currency)],
    [w.spent, `${x.money(f.spent, f.currency)} (${x.pct(f.spentRatio)})`],
  ];
  if (f.forecast !== null && f.forecastRatio !== null) {
    figures.push([w.forecast, `${x.money(f.forecast, f.currency)} (${x.pct(f.forecastRatio)})`]);
  }
  figures.push([w.period, x.period(f.periodFrom, f.periodTo)], [w.scope, scopeLabel(f, x)]);
  const intro = fill(forecastAlert ? w.budgetIntroForecast : w.budgetIntroActual, {
    threshold: x.pct(f.thresholdRatio),
  });
  return {
    subject,
    block: {
      heading: subject,
      intro,
      figures,
      link: x.link(alert.path),
      footer: x.footer(alert.key),
    },
  };
}
