/** Removes an upkeep entry by id (an entry made by mistake). */
import { z } from "zod";
import type { Store } from "../store/store";
import { deleteUpkeep } from "../store/upkeep";
import { inputError, parseInput } from "./errors";

export const removeUpkeepInput = z.object({
  id: z.coerce.number({ message: "numberInvalid" }).int("wholeNumber").positive("hoursNotPositive"),
  actor: z.string().trim().min(1, "must say who removes it"),
});

export async function removeUpkeep(deps: { store: Store }, raw: z.input<typeof removeUpkeepInput>): Promise<void> {
  const input = parseInput(removeUpkeepInput, raw);
  if (!(await deleteUpkeep(deps.store, input.id)))
    throw inputError("id", "upkeepMissing", { id: String(input.id) }, "refused");
}
