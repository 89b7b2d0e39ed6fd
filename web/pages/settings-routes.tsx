/**
 * `GET /settings` for everyone; the POSTs (rates, planned activities, and their removals) for
 * admins only, each through its service (src/services), which checks the form with its own
 * schema. A refusal re-renders the page (400) with what was typed and each error beside its
 * field in the reader's language (a removal's beside its table); success redirects back.
 */
import { type Context, Hono } from "hono";
import { isValidMonth, monthOf, toDay } from "../../src/days";
import { formatMonth } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import { addPlannedActivityService } from "../../src/services/add-planned-activity";
import { ServiceInputError } from "../../src/services/errors";
import { removePlannedActivityService } from "../../src/services/remove-planned-activity";
import { removeCurrencyRate } from "../../src/services/remove-rate";
import { setCurrencyRate } from "../../src/services/set-rate";
import { listPlannedActivities } from "../../src/store/planned-activities";
import { listRates } from "../../src/store/read/rates";
import { readDb } from "../../src/store/store";
import { requireAdmin } from "../auth/middleware";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { translator } from "../i18n";
import { fieldErrors } from "./form-errors";
import { dashboardActor, formFields } from "./service-form";
import { type SettingsForms, SettingsPage } from "./settings";

const RATE_FIELDS = ["month", "currency", "ratePerUsd", "force"] as const;
const PLANNED_FIELDS = ["name", "fromDay", "toDay", "scopeKind", "scopeValue"] as const;

/** Posted text handed to a service as its input: the service's own schema checks it. */
type Posted<F extends (deps: never, raw: never) => unknown> = Parameters<F>[1];

/** Only the form's own fields, as typed (absent ones left out, so the services' defaults apply). */
function only(fields: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.filter((n) => fields[n] !== undefined).map((n) => [n, fields[n] as string]));
}

/** The refusal's errors by field, a month in them written out ("septembre 2026"). */
function errorsOf(error: ServiceInputError, locale: Locale) {
  const issues = error.issues.map((issue) => {
    const month = issue.params?.month;
    return month && isValidMonth(month)
      ? { ...issue, params: { ...issue.params, month: formatMonth(month, locale) } }
      : issue;
  });
  return fieldErrors({ issues }, locale);
}

export function settingsRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  const back = (c: Context) => c.redirect("/settings", 303);

  async function page(c: Context, forms: SettingsForms = {}, status: 200 | 400 = 200) {
    const [rates, planned] = await Promise.all([listRates(readDb(deps.store)), listPlannedActivities(deps.store)]);
    return renderPage(
      c,
      <SettingsPage
        rates={rates}
        planned={planned}
        defaultMonth={monthOf(toDay(deps.now()))}
        forms={forms}
        locale={locale}
        t={t}
      />,
      status,
    );
  }

  /** Runs the service; a refusal re-renders the page with `refused(errors)`' forms. */
  async function submit(
    c: Context,
    call: () => Promise<unknown>,
    refused: (errors: Record<string, string>) => SettingsForms,
  ) {
    try {
      await call();
    } catch (error) {
      if (!(error instanceof ServiceInputError)) throw error;
      return page(c, refused(errorsOf(error, locale)), 400);
    }
    return back(c);
  }

  app.get("/settings", (c) => page(c));

  app.post("/settings/rates", requireAdmin(), async (c) => {
    const values = only(await formFields(c), RATE_FIELDS);
    return submit(
      c,
      () => setCurrencyRate(deps, { ...values, actor: dashboardActor(c) } as Posted<typeof setCurrencyRate>),
      (errors) => ({ rate: { values, errors } }),
    );
  });
  app.post("/settings/rates/delete", requireAdmin(), async (c) => {
    const fields = only(await formFields(c), ["month", "currency"]);
    return submit(
      c,
      () => removeCurrencyRate(deps, { ...fields, actor: dashboardActor(c) } as Posted<typeof removeCurrencyRate>),
      (errors) => ({ removeError: { section: "rates", message: Object.values(errors).join(" · ") } }),
    );
  });
  app.post("/settings/planned", requireAdmin(), async (c) => {
    const values = only(await formFields(c), PLANNED_FIELDS);
    return submit(
      c,
      () =>
        addPlannedActivityService(deps, {
          ...values,
          actor: dashboardActor(c),
        } as Posted<typeof addPlannedActivityService>),
      (errors) => ({ planned: { values, errors } }),
    );
  });
  app.post("/settings/planned/delete", requireAdmin(), async (c) => {
    const { id = "" } = await formFields(c);
    return submit(
      c,
      () => removePlannedActivityService(deps, { id, actor: dashboardActor(c) }),
      (errors) => ({ removeError: { section: "planned", message: Object.values(errors).join(" · ") } }),
    );
  });
  return app;
}
