/** Budgets by name: stored, listed, removed. */
import { asc, eq } from "drizzle-orm";
import type { Budget } from "../model";
import { budgets } from "./schema/index";
import { readDb, type Store } from "./store";

type BudgetRow = typeof budgets.$inferSelect;

function toBudget(row: BudgetRow): Budget {
  return {
    name: row.name,
    amount: row.amount,
    currency: row.currency as Budget["currency"],
    periodKind: row.periodKind as Budget["periodKind"],
    customPeriod: row.customFrom && row.customTo ? { from: row.customFrom, to: row.customTo } : null,
    scopeKind: row.scopeKind as Budget["scopeKind"],
    scopeValue: row.scopeValue,
    thresholds: row.thresholds as Budget["thresholds"],
  };
}

function budgetValues(budget: Budget) {
  return {
    name: budget.name,
    amount: budget.amount,
    currency: budget.currency,
    periodKind: budget.periodKind,
    customFrom: budget.customPeriod?.from ?? null,
    customTo: budget.customPeriod?.to ?? null,
    scopeKind: budget.scopeKind,
    scopeValue: budget.scopeValue,
    thresholds: budget.thresholds,
  };
}

/** Creates the budget, or replaces the one of the same name. */
export async function saveBudget(store: Store, budget: Budget, at: string): Promise<void> {
  const values = budgetValues(budget);
  await readDb(store)
    .insert(budgets)
    .values({ ...values, createdAt: at })
    .onConflictDoUpdate({ target: budgets.name, set: values });
}

/** Changes the budget named `name` in place (its name too); returns whether it existed. */
export async function replaceBudget(store: Store, name: string, budget: Budget): Promise<boolean> {
  const rows = await readDb(store)
    .update(budgets)
    .set(budgetValues(budget))
    .where(eq(budgets.name, name))
    .returning({ id: budgets.id });
  return rows.length > 0;
}

export async function listBudgets(store: Store): Promise<Budget[]> {
  const rows = await readDb(store).select().from(budgets).orderBy(asc(budgets.name));
  return rows.map(toBudget);
}

/** Returns whether a budget of that name existed. */
export async function removeBudget(store: Store, name: string): Promise<boolean> {
  const rows = await readDb(store).delete(budgets).where(eq(budgets.name, name)).returning({ id: budgets.id });
  return rows.length > 0;
}
