/**
 * What acknowledging and resolving an incident share: the input (id, optional note, actor) and
 * the checks (it exists, it is not resolved yet). Each operation has its own file.
 */
import { z } from "zod";
import { type IncidentStatus, readIncident, type StoredIncident, writeIncidentState } from "../store/incidents";
import { readDb, type Store } from "../store/store";
import { parseInput, ServiceInputError } from "./errors";

export function incidentStateInput(verb: string) {
  return z.object({
    id: z.coerce.number({ message: "must be a number" }).int("must be a whole number").positive("must be above 0"),
    note: z.string().trim().max(1000, "must be at most 1000 characters").optional(),
    actor: z.string().trim().min(1, `must say who ${verb} it`).max(200, "is too long"),
  });
}

export type IncidentStateInput = z.input<ReturnType<typeof incidentStateInput>>;

export async function changeIncidentState(
  deps: { store: Store; now: () => Date },
  schema: ReturnType<typeof incidentStateInput>,
  raw: IncidentStateInput,
  status: Exclude<IncidentStatus, "open">,
): Promise<StoredIncident> {
  const input = parseInput(schema, raw);
  const db = readDb(deps.store);
  const incident = await readIncident(db, input.id);
  if (!incident) throw new ServiceInputError("id", `no incident ${input.id}`);
  if (incident.status === "resolved") throw new ServiceInputError("id", `incident ${input.id} is already resolved`);
  await writeIncidentState(deps.store, input.id, {
    status,
    note: input.note || null,
    by: input.actor,
    at: deps.now().toISOString(),
  });
  return (await readIncident(db, input.id)) as StoredIncident;
}
