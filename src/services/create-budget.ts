/** Creates a budget (refused if the name exists: that is an edit). Used by the page and the CLI. */
import { toDay } from "../days";
import type { Budget, Currency } from "../model";
import { recordAudit } from "../store/audit-log";
import { listBudgets, saveBudget } from "../store/budgets";
import type { Store } from "../store/store";
import { type BudgetInput, budgetFromInput, parseBudgetInput } from "./budget-input";
import { checkBudgetScope } from "./budget-scope-check";
import { inputError } from "./errors";

export interface BudgetDeps {
  store: Store;
  now: () => Date;
  /** A budget entered without a currency is in this one. */
  displayCurrency: Currency;
}

export interface SavedBudget {
  budget: Budget;
  /** The scope matched nothing Cairn has seen and was kept because the input confirmed it. */
  unknownScope: boolean;
}

export async function createBudget(deps: BudgetDeps, raw: BudgetInput): Promise<SavedBudget> {
  const input = parseBudgetInput(raw);
  const budget = budgetFromInput(input, deps.displayCurrency);
  if ((await listBudgets(deps.store)).some((b) => b.name === budget.name))
    throw inputError("name", "nameTaken", { name: budget.name }, "refused");
  const scope = await checkBudgetScope(deps.store, toDay(deps.now()), budget, input.confirmUnknownScope);
  const at = deps.now().toISOString();
  await saveBudget(deps.store, budget, at);
  await recordAudit(
    deps.store,
    { actor: input.actor, action: "create-budget", subject: budget.name, detail: { budget } },
    at,
  );
  return { budget, ...scope };
}
