/**
 * Acknowledges a cost incident: someone is looking at it (who and when are recorded, with an
 * optional note). A resolved incident is not acknowledged again. Used by the Incidents page and
 * `cairn incidents ack`.
 */
import type { StoredIncident } from "../store/incidents";
import type { Store } from "../store/store";
import { changeIncidentState, type IncidentStateInput, incidentStateInput } from "./incident-state";

export const acknowledgeIncidentInput = incidentStateInput("acknowledges");

export function acknowledgeIncident(
  deps: { store: Store; now: () => Date },
  raw: IncidentStateInput,
): Promise<StoredIncident> {
  return changeIncidentState(deps, acknowledgeIncidentInput, raw, "acknowledged");
}
