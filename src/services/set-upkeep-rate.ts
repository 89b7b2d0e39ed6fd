/** Sets one person's hourly value for upkeep (USD, 0 allowed: hours counted, not valued). */
import { z } from "zod";
import type { Store } from "../store/store";
import { upsertUpkeepRate } from "../store/upkeep";
import { parseInput } from "./errors";

export const setUpkeepRateInput = z.object({
  person: z.string().trim().min(1, "must name the person").max(200, "is too long"),
  hourValueUsd: z.coerce
    .number({ message: "must be a number" })
    .min(0, "must not be negative")
    .max(10_000, "is too large"),
  actor: z.string().trim().min(1, "must say who sets it"),
});

export async function setUpkeepRate(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof setUpkeepRateInput>,
): Promise<void> {
  const i = parseInput(setUpkeepRateInput, raw);
  await upsertUpkeepRate(deps.store, i.person, i.hourValueUsd, i.actor, deps.now().toISOString());
}
