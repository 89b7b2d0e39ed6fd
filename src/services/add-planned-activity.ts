/**
 * Declares a planned activity (a field campaign, a reprocessing run): days on which a spike on
 * its scope is expected, so anomalies there are not alerted. Used by the Settings page and
 * `cairn budget plan add`.
 */
import { z } from "zod";
import { recordAudit } from "../store/audit-log";
import { addPlannedActivity } from "../store/planned-activities";
import type { Store } from "../store/store";
import { parseInput } from "./errors";
import { actorField, dayField } from "./fields";
import { normaliseScope, scopeKindField, scopeRules } from "./scope-fields";

/** The fields a person fills in (a page's form validator checks these before the service). */
export const plannedActivityFields = z.object({
  name: z.string().trim().min(1, "nameEmpty").max(100, "nameTooLong"),
  fromDay: dayField,
  toDay: dayField,
  scopeKind: scopeKindField.default("all"),
  scopeValue: z.string().trim().max(256, "scopeValueTooLong").default(""),
});

export const addPlannedActivityInput = plannedActivityFields
  .extend({ actor: actorField })
  .refine((p) => p.toDay >= p.fromDay, { path: ["toDay"], message: "periodToBeforeFrom" })
  .superRefine(scopeRules);

export async function addPlannedActivityService(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof addPlannedActivityInput>,
): Promise<number> {
  const { actor, ...activity } = normaliseScope(parseInput(addPlannedActivityInput, raw));
  const at = deps.now().toISOString();
  const id = await addPlannedActivity(deps.store, activity, at);
  await recordAudit(
    deps.store,
    { actor, action: "add-planned-activity", subject: `${id} ${activity.name}`, detail: activity },
    at,
  );
  return id;
}
