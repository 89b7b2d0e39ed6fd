/**
 * `GET /reports/preview[?period=YYYY-MM]`: the monthly directors' report as it would read now,
 * built on the spot and neither archived nor sent: by default this month so far, so a consultant
 * sees the team's work (findings done, upkeep) in the report before the month ends. Charts are
 * replaced by links to the dashboard (no image rendering on the request path).
 */
import { Hono } from "hono";
import { NO_RENDERERS } from "../../reports/render/renderers";
import { isValidMonth, monthOf, toDay } from "../../src/days";
import { ReportError, reportArgsFromConfig, runReport } from "../../src/jobs/report";
import { BadParameter } from "../api/params";
import type { WebDeps } from "../deps";
import { ARCHIVED_REPORT_CSP } from "./reports";

export function reportPreviewRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  app.get("/reports/preview", async (c) => {
    const asked = c.req.query("period");
    if (asked !== undefined && !isValidMonth(asked)) throw new BadParameter("period", "must be a month YYYY-MM");
    const period = asked ?? monthOf(toDay(deps.now()));
    try {
      const summary = await runReport(
        { store: deps.store, now: deps.now, mail: null, renderers: NO_RENDERERS },
        { ...reportArgsFromConfig(deps.config, "monthly", false), period, pdf: false },
      );
      c.header("content-security-policy", ARCHIVED_REPORT_CSP);
      return c.html(summary.rendered?.archiveHtml ?? "");
    } catch (error) {
      if (error instanceof ReportError) throw new BadParameter("period", error.message);
      throw error;
    }
  });
  return app;
}
