/**
 * What every alert rule produces. An alert's key names the rule, the scope, the period and the
 * threshold: the outbox delivers a key once per channel, ever, so a figure that AWS restates
 * (dips under a threshold and crosses it again) never fires the same alert twice. Pure.
 */
import type { Currency, Day } from "../../model";
import type { Incident } from "./incidents";

export type AlertRuleName =
  | "budget-threshold"
  | "budget-forecast"
  | "anomaly"
  | "incident"
  | "new-service"
  | "stale-data"
  | "request-cap";

export type AlertSeverity = "info" | "warning" | "critical";

export interface BudgetAlertFacts {
  budgetName: string;
  scopeKind: string;
  scopeValue: string;
  periodFrom: Day;
  periodTo: Day;
  /** Newest day with spend: the "as of" of the figures. */
  asOfDay: Day;
  /** Amounts in `currency` (the configured display currency). */
  currency: Currency;
  amount: number;
  spent: number;
  /** `spent - amount`, of the two rounded figures. */
  difference: number;
  spentRatio: number;
  forecast: number | null;
  forecastRatio: number | null;
  thresholdRatio: number;
  thresholdKind: "actual" | "forecast";
}

export interface AnomalyAlertFacts {
  dimension: "service" | "pipeline";
  value: string;
  /** First day of the spike (consecutive anomalous days make one episode). */
  day: Day;
  days: Day[];
  currency: Currency;
  cost: number;
  expected: number;
  /** Cost above the expected level, over the whole episode. */
  excess: number;
}

/** One spike as one incident (./incidents.ts): amounts in `currency`, the stored incident in USD. */
export interface IncidentAlertFacts {
  incident: Incident;
  currency: Currency;
  cost: number;
  expected: number;
  excess: number;
  /** The moved cells' excess in `currency`, in the order of `incident.drivers`. */
  driverExcess: number[];
}

export interface NewServiceAlertFacts {
  service: string;
  firstDay: Day;
  currency: Currency;
  costSoFar: number;
}

export interface StaleAlertFacts {
  /** The source that is late (collection_runs.source). */
  source: string;
  lastSuccessAt: string | null;
  firstAttemptAt: string | null;
  ageHours: number | null;
  staleAfterHours: number;
  /** Its last run's failure, to say what it means and what to do (src/format/collect-error-words.ts). */
  errorKind: string | null;
  error: string | null;
}

export interface RequestCapAlertFacts {
  month: string;
  used: number;
  cap: number;
  refused: boolean;
}

export type AlertFacts =
  | { rule: "budget-threshold" | "budget-forecast"; data: BudgetAlertFacts }
  | { rule: "anomaly"; data: AnomalyAlertFacts }
  | { rule: "incident"; data: IncidentAlertFacts }
  | { rule: "new-service"; data: NewServiceAlertFacts }
  | { rule: "stale-data"; data: StaleAlertFacts }
  | { rule: "request-cap"; data: RequestCapAlertFacts };

export interface Alert {
  key: string;
  rule: AlertRuleName;
  severity: AlertSeverity;
  facts: AlertFacts;
  /** Dashboard path the message links to. */
  path: string;
  /**
   * Keys this alert makes pointless (lower thresholds crossed at the same time): recorded as
   * delivered with it, so they never go out later on their own.
   */
  covers: string[];
}

/** `rule|scope|period|threshold`, the identity of an alert. Parts never contain `|`. */
export function alertKey(rule: AlertRuleName, scope: string, period: string, threshold: string): string {
  const clean = (s: string) => s.replaceAll("|", "/");
  return [rule, clean(scope), clean(period), clean(threshold)].join("|");
}

/** The alerts whose key is not among those already recorded (sent, queued or covered). */
export function newAlerts(alerts: readonly Alert[], knownKeys: ReadonlySet<string>): Alert[] {
  return alerts.filter((a) => !knownKeys.has(a.key));
}
