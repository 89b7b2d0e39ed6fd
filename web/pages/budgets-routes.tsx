/**
 * `GET /budgets` and `GET /alerts` for everyone; `POST /budgets` (add or replace) and
 * `POST /budgets/delete` for admins, validated (a 400 names the field) and answered with a
 * redirect back to the page.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { addDays, isValidDay, monthOf, toDay } from "../../src/days";
import type { Budget, BudgetThreshold } from "../../src/model";
import { removeBudget, saveBudget } from "../../src/store/budgets";
import { recentNotifications } from "../../src/store/notifications";
import { loadPeriodFacts } from "../../src/store/read/period-facts";
import { BadParameter } from "../api/params";
import { requireAdmin } from "../auth/middleware";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { translator } from "../i18n";
import { AlertsPage } from "./alerts";
import { BudgetsPage } from "./budgets";

const thresholdList = z
  .string()
  .trim()
  .regex(/^(forecast:)?\d{1,3}(,\s*(forecast:)?\d{1,3})*$/, "must be percentages like 50,80,100,forecast:100")
  .transform((s): BudgetThreshold[] =>
    s.split(",").map((p) => {
      const part = p.trim();
      const forecast = part.startsWith("forecast:");
      return { kind: forecast ? "forecast" : "actual", ratio: Number(forecast ? part.slice(9) : part) / 100 };
    }),
  )
  .refine((list) => list.every((t) => t.ratio > 0), "percentages must be above 0");

const optionalDay = z
  .string()
  .trim()
  .refine((d) => d === "" || isValidDay(d), "must be a date YYYY-MM-DD")
  .default("");

const budgetForm = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    amount: z.coerce.number({ message: "must be a number" }).positive("must be above 0").max(1e9, "is too large"),
    currency: z.enum(["USD", "EUR"], { message: "must be USD or EUR" }),
    periodKind: z.enum(["month", "year", "custom"], { message: "must be month, year or custom" }),
    from: optionalDay,
    to: optionalDay,
    scopeKind: z.enum(["all", "pipeline", "service", "account"], {
      message: "must be one of all, pipeline, service, account",
    }),
    scopeValue: z.string().trim().max(256, "must be at most 256 characters").default(""),
    thresholds: thresholdList,
  })
  .refine((b) => b.periodKind !== "custom" || (b.from !== "" && b.to !== ""), {
    path: ["from"],
    message: "a custom period needs its first and last days",
  })
  .refine((b) => b.periodKind !== "custom" || b.to >= b.from, { path: ["to"], message: "must not be before from" })
  .refine((b) => b.scopeKind === "all" || b.scopeKind === "pipeline" || b.scopeValue !== "", {
    path: ["scopeValue"],
    message: "must name the service or account",
  });

const nameForm = z.object({ name: z.string().trim().min(1, "must not be empty") });

async function form<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string" && k !== "_csrf") fields[k] = v;
  const result = schema.safeParse(fields);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new BadParameter(String(issue?.path[0] ?? "form"), issue?.message ?? "invalid");
  }
  return result.data;
}

export function budgetRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);

  app.get("/budgets", async (c) => {
    // The same facts as the overview's: one currency, one data day.
    const facts = await loadPeriodFacts(deps.store, {
      month: monthOf(toDay(deps.now())),
      display: deps.config.CAIRN_CURRENCY,
    });
    const statuses = facts.budgets;
    return renderPage(c, <BudgetsPage statuses={statuses} locale={locale} t={t} />);
  });

  app.post("/budgets", requireAdmin(), async (c) => {
    const f = await form(c, budgetForm);
    const budget: Budget = {
      name: f.name,
      amount: f.amount,
      currency: f.currency,
      periodKind: f.periodKind,
      // The form's last day is included; periods are stored half-open.
      customPeriod: f.periodKind === "custom" ? { from: f.from, to: addDays(f.to, 1) } : null,
      scopeKind: f.scopeKind,
      scopeValue: f.scopeKind === "all" ? "" : f.scopeValue,
      thresholds: f.thresholds,
    };
    await saveBudget(deps.store, budget, deps.now().toISOString());
    return c.redirect("/budgets", 303);
  });

  app.post("/budgets/delete", requireAdmin(), async (c) => {
    const { name } = await form(c, nameForm);
    await removeBudget(deps.store, name);
    return c.redirect("/budgets", 303);
  });

  app.get("/alerts", async (c) => {
    const rows = await recentNotifications(deps.store, 200, ["queued", "sent", "failed"]);
    const pending = rows.filter((r) => r.status === "queued").length;
    return renderPage(c, <AlertsPage rows={rows} pending={pending} locale={locale} t={t} />);
  });

  return app;
}
