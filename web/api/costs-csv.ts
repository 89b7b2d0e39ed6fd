/**
 * `GET /api/v1/costs.csv?...`: the cost explorer's table as CSV, built by the same function as
 * the page (same rows, order and rounding). Parameters as `/api/v1/costs`; default groupBy
 * `service`, as the page.
 */
import { Hono } from "hono";
import { exploreInCurrency } from "../../src/store/read/explore-display";
import { readDb } from "../../src/store/store";
import type { WebDeps } from "../deps";
import { pick, translator } from "../i18n";
import { explorerCsv, explorerTable } from "../pages/costs-table";
import { COSTS_WORDS } from "../pages/costs-words";
import { withCalibration } from "./explore-calibration";
import { parseExploreQuery } from "./explore-params";

export function costsCsvApi(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const w = pick(COSTS_WORDS, locale);
  const t = translator(locale);
  app.get("/costs.csv", async (c) => {
    const query = await withCalibration(deps, parseExploreQuery(c.req.query(), deps.now(), "service"));
    const report = await exploreInCurrency(
      readDb(deps.store),
      query,
      query.base.currency ?? deps.config.CAIRN_CURRENCY,
    );
    const labels = { untagged: t("untagged"), total: w.total };
    const table = explorerTable(report, query.groupBy, labels, query.compare);
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header(
      "Content-Disposition",
      `attachment; filename="cairn-costs-${query.groupBy.join("-")}-${query.period.from}-${query.period.to}.csv"`,
    );
    return c.body(explorerCsv(table, c.get("accountNames") ?? {}));
  });
  return app;
}
