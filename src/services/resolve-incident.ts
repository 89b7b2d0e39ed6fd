/**
 * Resolves a cost incident: its cause is fixed or explained (the note says how; who and when are
 * recorded). An open incident may be resolved without being acknowledged first. Used by the
 * Incidents page and `cairn incidents resolve`.
 */
import type { StoredIncident } from "../store/incidents";
import type { Store } from "../store/store";
import { changeIncidentState, type IncidentStateInput, incidentStateInput } from "./incident-state";

export const resolveIncidentInput = incidentStateInput("resolves");

export function resolveIncident(
  deps: { store: Store; now: () => Date },
  raw: IncidentStateInput,
): Promise<StoredIncident> {
  return changeIncidentState(deps, resolveIncidentInput, raw, "resolved");
}
