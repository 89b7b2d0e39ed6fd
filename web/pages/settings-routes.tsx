/**
 * `GET /settings` for everyone; the POSTs (rates, planned activities) for admins only, each
 * through its service (src/services), checked with the service's schema: a 400 names the field;
 * success answers with a redirect back to the page.
 */
import { type Context, Hono } from "hono";
import { monthOf, toDay } from "../../src/days";
import { addPlannedActivityService, plannedActivityFields } from "../../src/services/add-planned-activity";
import { removePlannedActivityInput, removePlannedActivityService } from "../../src/services/remove-planned-activity";
import { removeCurrencyRate, removeRateInput } from "../../src/services/remove-rate";
import { setCurrencyRate, setRateInput } from "../../src/services/set-rate";
import { listPlannedActivities } from "../../src/store/planned-activities";
import { listRates } from "../../src/store/read/rates";
import { readDb } from "../../src/store/store";
import { requireAdmin } from "../auth/middleware";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { translator } from "../i18n";
import { asPage, dashboardActor, serviceForm } from "./service-form";
import { SettingsPage } from "./settings";

export function settingsRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  const back = (c: Context) => c.redirect("/settings", 303);

  app.get("/settings", async (c) => {
    const [rates, planned] = await Promise.all([listRates(readDb(deps.store)), listPlannedActivities(deps.store)]);
    return renderPage(
      c,
      <SettingsPage rates={rates} planned={planned} defaultMonth={monthOf(toDay(deps.now()))} locale={locale} t={t} />,
    );
  });

  app.post("/settings/rates", requireAdmin(), serviceForm(setRateInput.omit({ actor: true })), async (c) => {
    await asPage(() => setCurrencyRate(deps, { ...c.req.valid("form"), actor: dashboardActor(c) }));
    return back(c);
  });
  app.post("/settings/rates/delete", requireAdmin(), serviceForm(removeRateInput.omit({ actor: true })), async (c) => {
    await asPage(() => removeCurrencyRate(deps, { ...c.req.valid("form"), actor: dashboardActor(c) }));
    return back(c);
  });
  app.post("/settings/planned", requireAdmin(), serviceForm(plannedActivityFields), async (c) => {
    await asPage(() => addPlannedActivityService(deps, { ...c.req.valid("form"), actor: dashboardActor(c) }));
    return back(c);
  });
  app.post(
    "/settings/planned/delete",
    requireAdmin(),
    serviceForm(removePlannedActivityInput.omit({ actor: true })),
    async (c) => {
      await asPage(() => removePlannedActivityService(deps, { ...c.req.valid("form"), actor: dashboardActor(c) }));
      return back(c);
    },
  );
  return app;
}
