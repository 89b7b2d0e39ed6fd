/** Records upkeep work: date, pipeline or resource, hours, who, what, whether volunteered. */
import { z } from "zod";
import { isValidDay, toDay } from "../days";
import type { Store } from "../store/store";
import { insertUpkeep } from "../store/upkeep";
import { parseInput, ServiceInputError } from "./errors";

export const addUpkeepInput = z
  .object({
    day: z.string().trim().refine(isValidDay, "must be a date YYYY-MM-DD"),
    pipeline: z.string().trim().max(256, "must be at most 256 characters").default(""),
    resource: z.string().trim().max(256, "must be at most 256 characters").default(""),
    hours: z.coerce
      .number({ message: "must be a number" })
      .positive("must be above 0")
      .max(24 * 31, "is too many"),
    person: z.string().trim().min(1, "must name who did it").max(200, "is too long"),
    what: z.string().trim().min(1, "must say what was done").max(1000, "is too long"),
    volunteered: z.boolean().default(true),
    actor: z.string().trim().min(1, "must say who records it").max(200, "is too long"),
  })
  .refine((i) => i.pipeline !== "" || i.resource !== "", {
    path: ["pipeline"],
    message: "name a pipeline or a resource",
  });

export async function addUpkeep(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof addUpkeepInput>,
): Promise<number> {
  const { actor, ...entry } = parseInput(addUpkeepInput, raw);
  if (entry.day > toDay(deps.now())) throw new ServiceInputError("day", "must not be in the future");
  return insertUpkeep(deps.store, entry, actor, deps.now().toISOString());
}
