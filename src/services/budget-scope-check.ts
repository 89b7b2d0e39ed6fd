/**
 * Whether a budget's scope names something Cairn has seen. An unknown value (a typo like
 * "websit" sits at 0 % forever) is refused unless confirmed; confirmed, it is kept and reported.
 */
import type { Budget } from "../model";
import { scopeChoices } from "../store/read/scope-choices";
import type { Store } from "../store/store";
import { inputError } from "./errors";

export async function checkBudgetScope(
  store: Store,
  today: string,
  budget: Budget,
  confirmed: boolean,
): Promise<{ unknownScope: boolean }> {
  if (budget.scopeKind === "all") return { unknownScope: false };
  const choices = await scopeChoices(store, today);
  if (choices[budget.scopeKind].includes(budget.scopeValue)) return { unknownScope: false };
  if (!confirmed) throw inputError("scopeValue", "scopeUnknown", { value: budget.scopeValue, kind: budget.scopeKind });
  return { unknownScope: true };
}
