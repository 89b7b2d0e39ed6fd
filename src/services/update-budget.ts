/**
 * Changes a budget in place, its name included. Fields left out keep their stored value (the
 * command line's `cairn budget set NAME --amount 900`); the page sends them all. The result is
 * validated as a new budget would be; an unchanged scope is not questioned again.
 */
import { toDay } from "../days";
import { recordAudit } from "../store/audit-log";
import { listBudgets, replaceBudget } from "../store/budgets";
import { type BudgetInput, budgetAsInput, budgetFromInput, parseBudgetInput } from "./budget-input";
import { checkBudgetScope } from "./budget-scope-check";
import type { BudgetDeps, SavedBudget } from "./create-budget";
import { inputError } from "./errors";

export type UpdateBudgetInput = Partial<BudgetInput> & { actor: string /** The budget's current name. */; of: string };

export async function updateBudget(deps: BudgetDeps, raw: UpdateBudgetInput): Promise<SavedBudget> {
  const { of, ...changes } = raw;
  const all = await listBudgets(deps.store);
  const existing = all.find((b) => b.name === of.trim());
  if (!existing) throw inputError("name", "budgetMissing", { name: of }, "refused");
  const stored = budgetAsInput(existing);
  const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  const merged: BudgetInput = { ...stored, ...given, actor: raw.actor };
  // Leaving a custom period drops its days (unless new ones are given, which is then an error).
  if (changes.periodKind !== undefined && changes.periodKind !== "custom") {
    merged.from = changes.from ?? "";
    merged.to = changes.to ?? "";
  }
  const input = parseBudgetInput(merged);
  const budget = budgetFromInput(input, deps.displayCurrency);
  if (budget.name !== existing.name && all.some((b) => b.name === budget.name))
    throw inputError("name", "nameTaken", { name: budget.name }, "refused");
  const sameScope = budget.scopeKind === existing.scopeKind && budget.scopeValue === existing.scopeValue;
  const scope = await checkBudgetScope(deps.store, toDay(deps.now()), budget, input.confirmUnknownScope || sameScope);
  const at = deps.now().toISOString();
  await replaceBudget(deps.store, existing.name, budget);
  await recordAudit(
    deps.store,
    {
      actor: input.actor,
      action: "update-budget",
      subject: existing.name,
      detail: { before: existing, after: budget },
    },
    at,
  );
  return { budget, unknownScope: scope.unknownScope && !sameScope };
}
