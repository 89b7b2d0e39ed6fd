/** Records upkeep work: date, pipeline or resource, hours, who, what, whether volunteered. */
import { z } from "zod";
import { isValidDay, toDay } from "../days";
import type { Store } from "../store/store";
import { insertUpkeep } from "../store/upkeep";
import { inputError, parseInput } from "./errors";

export const addUpkeepInput = z
  .object({
    day: z.string().trim().refine(isValidDay, "dayInvalid"),
    pipeline: z.string().trim().max(256, "upkeepNameTooLong").default(""),
    resource: z.string().trim().max(256, "upkeepNameTooLong").default(""),
    hours: z.coerce
      .number({ message: "numberInvalid" })
      .positive("hoursNotPositive")
      .max(24 * 31, "hoursTooMany"),
    person: z.string().trim().min(1, "personMissing").max(200, "textTooLong"),
    what: z.string().trim().min(1, "whatMissing").max(1000, "textTooLong"),
    volunteered: z.boolean().default(true),
    actor: z.string().trim().min(1, "must say who records it").max(200, "is too long"),
  })
  .refine((i) => i.pipeline !== "" || i.resource !== "", {
    path: ["pipeline"],
    message: "upkeepTargetMissing",
  });

export async function addUpkeep(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof addUpkeepInput>,
): Promise<number> {
  const { actor, ...entry } = parseInput(addUpkeepInput, raw);
  if (entry.day > toDay(deps.now())) throw inputError("day", "dayInFuture", {}, "refused");
  return insertUpkeep(deps.store, entry, actor, deps.now().toISOString());
}
