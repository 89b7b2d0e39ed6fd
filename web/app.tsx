/**
 * The Hono app, built apart from any server so that tests call `app.request()` in memory and
 * the same app runs under Node and on Workers. Static files are mounted by each runtime.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describeDatabaseFailure } from "../src/store/errors";
import { costsApi } from "./api/costs";
import { costsCsvApi } from "./api/costs-csv";
import { BadParameter } from "./api/params";
import { resourcesApi } from "./api/resources";
import { authenticate, csrfProtection } from "./auth/middleware";
import { authRoutes } from "./auth/routes";
import { renderPage } from "./auth/viewer";
import { bodyLimits } from "./body-limit";
import type { WebDeps } from "./deps";
import { healthRoutes } from "./health";
import { translator } from "./i18n";
import { accountNamesFor } from "./pages/account-names-middleware";
import { budgetRoutes } from "./pages/budgets-routes";
import { carbonRoutes } from "./pages/carbon";
import { costsPageRoutes } from "./pages/costs-routes";
import { incidentsRoutes } from "./pages/incidents";
import { methodologyRoutes } from "./pages/methodology";
import { OverviewPage } from "./pages/overview";
import { loadOverview } from "./pages/overview-data";
import { reportPreviewRoutes } from "./pages/report-preview";
import { reportsRoutes } from "./pages/reports";
import { resourcesRoutes } from "./pages/resources";
import { runsRoutes } from "./pages/runs-routes";
import { settingsRoutes } from "./pages/settings-routes";
import { tuningRoutes } from "./pages/tuning";
import { noStore, securityHeaders } from "./security";

export function createApp(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);

  app.use("*", securityHeaders());
  app.use("*", noStore());
  app.use("*", bodyLimits());
  // Everything below needs a session or an API token, except /healthz, /signin and /static.
  app.use("*", authenticate(deps));
  app.use("*", csrfProtection());
  app.use("*", accountNamesFor(deps));

  app.route("/", healthRoutes(deps));
  app.route("/", authRoutes(deps));
  app.route("/api/v1", costsCsvApi(deps));
  app.route("/api/v1", costsApi(deps));
  app.route("/api/v1", resourcesApi(deps));

  app.get("/", async (c) =>
    renderPage(
      c,
      <OverviewPage
        data={await loadOverview(deps)}
        locale={locale}
        t={t}
        showTaxes={c.req.query("taxes") === "show"}
      />,
    ),
  );
  app.route("/", costsPageRoutes(deps));
  app.route("/", carbonRoutes(deps));
  app.route("/", resourcesRoutes(deps));
  app.route("/", budgetRoutes(deps));
  app.route("/", incidentsRoutes(deps));
  // Before /reports/:id, which would take "preview" for an id.
  app.route("/", reportPreviewRoutes(deps));
  app.route("/", reportsRoutes(deps));
  app.route("/", runsRoutes(deps));
  app.route("/", settingsRoutes(deps));
  app.route("/", tuningRoutes(deps));
  app.route("/", methodologyRoutes(deps));

  app.notFound((c) =>
    c.req.path.startsWith("/api/") ? c.json({ error: { message: "not found" } }, 404) : c.text(t("notFound"), 404),
  );

  // Errors never show a stack trace: a bad parameter is a 400 naming it, the rest a plain 500.
  app.onError((error, c) => {
    const api = c.req.path.startsWith("/api/");
    if (error instanceof BadParameter) {
      return api
        ? c.json({ error: { parameter: error.parameter, message: `${error.parameter}: ${error.message}` } }, 400)
        : c.text(`${error.parameter}: ${error.message}`, 400);
    }
    if (error instanceof HTTPException) return error.getResponse();
    // The database file itself failing (read-only, disk full, damaged): one line saying what to do.
    const file = describeDatabaseFailure(error, deps.config.CAIRN_DB);
    if (file) {
      console.error(`cairn serve: ${file.message}`);
      return api ? c.json({ error: { message: file.message } }, 503) : c.text(file.message, 503);
    }
    console.error(error);
    return api ? c.json({ error: { message: "internal error" } }, 500) : c.text(t("error"), 500);
  });

  return app;
}
