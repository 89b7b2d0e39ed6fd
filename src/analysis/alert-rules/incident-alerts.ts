/**
 * Incidents as alerts. An incident found again on a later run (the spike lasted another day, a
 * second series joined it) keeps the key of the incident already recorded, so the outbox sends
 * it once; its email links to the explorer on its days and usage type. Pure.
 */
import { addDays, daysBetween } from "../../days";
import type { Currency, Day } from "../../model";
import { convertAmount } from "../budget-status";
import type { MonthlyRate } from "../currency";
import type { Alert } from "./alert";
import { detectIncidents, type Incident, type IncidentInput } from "./incidents";

/** What a recorded incident must show to be recognised again. */
export interface KnownIncident {
  key: string;
  firstDay: Day;
  lastDay: Day;
  service: string;
  pipeline: string;
}

/** Found incidents with the key of the recorded one they continue (near in days, same service or pipeline). */
export function adoptKnownKeys(found: readonly Incident[], known: readonly KnownIncident[]): Incident[] {
  const taken = new Set<string>();
  return found.map((incident) => {
    const match = known.find(
      (k) =>
        !taken.has(k.key) &&
        daysBetween(k.lastDay, incident.firstDay) <= 1 &&
        daysBetween(incident.lastDay, k.firstDay) <= 1 &&
        (k.service === incident.service || k.pipeline === incident.pipeline),
    );
    if (!match) return incident;
    taken.add(match.key);
    return { ...incident, key: match.key };
  });
}

/** The explorer on the incident's days and usage type, by service and pipeline, against the period before. */
export function incidentExplorerPath(incident: Incident): string {
  const params = new URLSearchParams({
    from: incident.firstDay,
    to: addDays(incident.lastDay, 1),
    groupBy: "service,pipeline",
    compare: "previous",
  });
  if (incident.usageType !== null) params.set("usageType", incident.usageType);
  return `/costs?${params.toString()}`;
}

export function incidentAlert(incident: Incident, display: Currency, rates: readonly MonthlyRate[]): Alert {
  // A month without a rate keeps the incident in USD, said so by its currency (never a guess).
  const currency = convertAmount(1, "USD", display, rates, incident.firstDay) !== null ? display : "USD";
  const conv = (usd: number) =>
    Math.round((convertAmount(usd, "USD", currency, rates, incident.firstDay) ?? usd) * 100) / 100;
  return {
    key: incident.key,
    rule: "incident",
    severity: "warning",
    facts: {
      rule: "incident",
      data: {
        incident,
        currency,
        cost: conv(incident.costUsd),
        expected: conv(incident.expectedUsd),
        excess: conv(incident.excessUsd),
        driverExcess: incident.drivers.map((d) => conv(d.excessUsd)),
      },
    },
    path: incidentExplorerPath(incident),
    covers: [],
  };
}

export function incidentAlerts(input: IncidentInput & { known: readonly KnownIncident[] }): Alert[] {
  return adoptKnownKeys(detectIncidents(input), input.known).map((i) => incidentAlert(i, input.display, input.rates));
}
