/**
 * `GET /settings` for everyone; the POSTs (rates, planned activities) for admins only, each
 * validated (a 400 names the field) and answered with a redirect back to the page.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { isValidDay, isValidMonth, monthOf, toDay } from "../../src/days";
import { addPlannedActivity, listPlannedActivities, removePlannedActivity } from "../../src/store/planned-activities";
import { listRates } from "../../src/store/read/rates";
import { removeRate, saveRate } from "../../src/store/settings";
import { readDb } from "../../src/store/store";
import { BadParameter } from "../api/params";
import { requireAdmin } from "../auth/middleware";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { translator } from "../i18n";
import { SettingsPage } from "./settings";

const month = z.string().refine(isValidMonth, "must be a month YYYY-MM");
const day = z.string().refine(isValidDay, "must be a date YYYY-MM-DD");

const rateForm = z.object({
  month,
  currency: z.enum(["EUR"], { message: "must be EUR" }),
  ratePerUsd: z.coerce
    .number({ message: "must be a number" })
    .positive("must be above 0")
    .max(1000, "must be at most 1000"),
});
const rateKey = z.object({ month, currency: z.enum(["EUR"], { message: "must be EUR" }) });
const plannedForm = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
    fromDay: day,
    toDay: day,
    scopeKind: z.enum(["all", "pipeline", "service", "account"], {
      message: "must be one of all, pipeline, service, account",
    }),
    scopeValue: z.string().trim().max(256, "must be at most 256 characters").default(""),
  })
  .refine((p) => p.toDay >= p.fromDay, { path: ["toDay"], message: "must not be before fromDay" })
  .refine((p) => p.scopeKind === "all" || p.scopeValue !== "", {
    path: ["scopeValue"],
    message: "must name the pipeline, service or account",
  });
const plannedKey = z.object({ id: z.coerce.number({ message: "must be a number" }).int().positive() });

/** Parses a form body, or throws a BadParameter naming the first bad field. */
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

export function settingsRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  const at = () => deps.now().toISOString();
  const back = (c: Context) => c.redirect("/settings", 303);

  app.get("/settings", async (c) => {
    const [rates, planned] = await Promise.all([listRates(readDb(deps.store)), listPlannedActivities(deps.store)]);
    return renderPage(
      c,
      <SettingsPage rates={rates} planned={planned} defaultMonth={monthOf(toDay(deps.now()))} locale={locale} t={t} />,
    );
  });

  app.post("/settings/rates", requireAdmin(), async (c) => {
    const rate = await form(c, rateForm);
    await saveRate(deps.store, rate, `dashboard:${c.get("viewer").email}`, at());
    return back(c);
  });
  app.post("/settings/rates/delete", requireAdmin(), async (c) => {
    const key = await form(c, rateKey);
    await removeRate(deps.store, key.month, key.currency);
    return back(c);
  });
  app.post("/settings/planned", requireAdmin(), async (c) => {
    const planned = await form(c, plannedForm);
    await addPlannedActivity(
      deps.store,
      { ...planned, scopeValue: planned.scopeKind === "all" ? "" : planned.scopeValue },
      at(),
    );
    return back(c);
  });
  app.post("/settings/planned/delete", requireAdmin(), async (c) => {
    const key = await form(c, plannedKey);
    await removePlannedActivity(deps.store, key.id);
    return back(c);
  });
  return app;
}
