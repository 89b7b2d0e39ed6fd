/**
 * `GET /budgets` and `GET /alerts` for everyone; for admins `GET /budgets?edit=NAME` (the
 * budget's form, filled in), `GET /budgets?delete=NAME` (the confirmation), `POST /budgets`
 * (add, or change `of` in place) and `POST /budgets/delete` (with `confirm=yes`). Writes go
 * through the budget services, as `cairn budget` does; a refusal re-renders the page (400) with
 * what was typed and each error beside its field in the reader's language.
 */
import { type Context, Hono } from "hono";
import { monthOf, toDay } from "../../src/days";
import { BUDGET_FIELDS, budgetAsInput } from "../../src/services/budget-input";
import { createBudget } from "../../src/services/create-budget";
import { deleteBudget } from "../../src/services/delete-budget";
import { ServiceInputError } from "../../src/services/errors";
import { updateBudget } from "../../src/services/update-budget";
import { listBudgets } from "../../src/store/budgets";
import { recentNotifications } from "../../src/store/notifications";
import { holdsDemoData } from "../../src/store/read/demo-data";
import { loadPeriodFacts } from "../../src/store/read/period-facts";
import { scopeChoices } from "../../src/store/read/scope-choices";
import { requireAdmin } from "../auth/middleware";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { translator } from "../i18n";
import { AlertsPage } from "./alerts";
import { type BudgetFormState, BudgetsPage } from "./budgets";
import { fieldErrors } from "./form-errors";
import { dashboardActor } from "./service-form";

/** The form's fields as typed (what comes back with the errors). */
async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string" && k !== "_csrf") fields[k] = v;
  return fields;
}

export function budgetRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);

  const budgetDeps = { store: deps.store, now: deps.now, displayCurrency: deps.config.CAIRN_CURRENCY };
  const emptyForm: BudgetFormState = { of: null, values: {}, errors: {} };

  async function page(c: Context, form: BudgetFormState, options: { confirmDelete?: string; status?: 200 | 400 } = {}) {
    const today = toDay(deps.now());
    // The same facts as the overview's: one currency, one data day.
    const [facts, choices] = await Promise.all([
      loadPeriodFacts(deps.store, { month: monthOf(today), display: deps.config.CAIRN_CURRENCY }),
      scopeChoices(deps.store, today),
    ]);
    return renderPage(
      c,
      <BudgetsPage
        statuses={facts.budgets}
        locale={locale}
        t={t}
        form={form}
        choices={choices}
        displayCurrency={deps.config.CAIRN_CURRENCY}
        confirmDelete={options.confirmDelete}
      />,
      options.status ?? 200,
    );
  }

  app.get("/budgets", async (c) => {
    const edit = c.req.query("edit");
    const remove = c.req.query("delete");
    const named = edit ?? remove;
    const existing = named === undefined ? undefined : (await listBudgets(deps.store)).find((b) => b.name === named);
    if (edit !== undefined && existing) {
      return page(c, { of: existing.name, values: budgetAsInput(existing, locale), errors: {} });
    }
    return page(c, emptyForm, { confirmDelete: remove !== undefined && existing ? existing.name : undefined });
  });

  app.post("/budgets", requireAdmin(), async (c) => {
    const fields = await formFields(c);
    const values: Record<string, string> = {};
    for (const f of BUDGET_FIELDS) values[f] = fields[f] ?? "";
    const of = fields.of?.trim() ? fields.of : null;
    const input = {
      ...values,
      actor: dashboardActor(c),
      confirmUnknownScope: fields.confirmUnknownScope === "yes",
    };
    try {
      if (of === null)
        await createBudget(budgetDeps, { ...input, name: values.name ?? "", amount: values.amount ?? "" });
      else await updateBudget(budgetDeps, { ...input, of });
    } catch (error) {
      if (!(error instanceof ServiceInputError)) throw error;
      return page(c, { of, values, errors: fieldErrors(error, locale) }, { status: 400 });
    }
    return c.redirect("/budgets", 303);
  });

  app.post("/budgets/delete", requireAdmin(), async (c) => {
    const fields = await formFields(c);
    const name = fields.name ?? "";
    // Without the confirmation (an old form, a script), ask first.
    if (fields.confirm !== "yes") return page(c, emptyForm, { confirmDelete: name });
    try {
      await deleteBudget(deps, { name, actor: dashboardActor(c) });
    } catch (error) {
      if (!(error instanceof ServiceInputError)) throw error;
      return page(c, emptyForm, { status: 400 });
    }
    return c.redirect("/budgets", 303);
  });

  app.get("/alerts", async (c) => {
    const rows = await recentNotifications(deps.store, 200, ["queued", "sent", "failed"]);
    const pending = rows.filter((r) => r.status === "queued").length;
    const demo = await holdsDemoData(deps.store);
    return renderPage(c, <AlertsPage rows={rows} pending={pending} demo={demo} locale={locale} t={t} />);
  });

  return app;
}
