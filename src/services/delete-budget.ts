/** Deletes a budget by name (the page asks for confirmation first; the CLI's `rm` is explicit). */
import { z } from "zod";
import { recordAudit } from "../store/audit-log";
import { removeBudget } from "../store/budgets";
import type { Store } from "../store/store";
import { inputError, parseInput } from "./errors";

export const deleteBudgetInput = z.object({
  name: z.string().trim().min(1, "nameEmpty"),
  actor: z.string().trim().min(1, "actorMissing"),
});

export async function deleteBudget(
  deps: { store: Store; now: () => Date },
  raw: z.input<typeof deleteBudgetInput>,
): Promise<void> {
  const input = parseInput(deleteBudgetInput, raw);
  if (!(await removeBudget(deps.store, input.name)))
    throw inputError("name", "budgetMissing", { name: input.name }, "refused");
  await recordAudit(
    deps.store,
    { actor: input.actor, action: "delete-budget", subject: input.name },
    deps.now().toISOString(),
  );
}
