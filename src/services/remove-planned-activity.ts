/** Removes a planned activity by id. Used by the Settings page and `cairn budget plan rm`. */
import { z } from "zod";
import { recordAudit } from "../store/audit-log";
import { removePlannedActivity } from "../store/planned-activities";
import type { Store } from "../store/store";
import { inputError, parseInput } from "./errors";
import { actorField, idField } from "./fields";

export const removePlannedActivityInput = z.object({ id: idField, actor: actorField });

export async function removePlannedActivityService(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof removePlannedActivityInput>,
): Promise<void> {
  const { id, actor } = parseInput(removePlannedActivityInput, raw);
  if (!(await removePlannedActivity(deps.store, id)))
    throw inputError("id", "plannedMissing", { id: String(id) }, "refused");
  await recordAudit(
    deps.store,
    { actor, action: "remove-planned-activity", subject: String(id) },
    deps.now().toISOString(),
  );
}
