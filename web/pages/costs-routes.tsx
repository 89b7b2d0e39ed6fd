/** `GET /costs`: the cost explorer page. */
import { Hono } from "hono";
import { carbonCoverage } from "../../src/store/read/carbon";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { pick, translator } from "../i18n";
import { CostsPage } from "./costs";
import { apiQueryString, loadExplorer, parseExplorerQuery } from "./costs-data";
import { explorerTable } from "./costs-table";
import { COSTS_WORDS } from "./costs-words";
import { parseKeepingErrors } from "./query-errors";

export function costsPageRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  const w = pick(COSTS_WORDS, locale);
  app.get("/costs", async (c) => {
    const typed = c.req.query();
    const { parsed: query, errors } = parseKeepingErrors(typed, (q) => parseExplorerQuery(q, deps.now()), locale);
    const [{ report, menus }, coverage] = await Promise.all([
      loadExplorer(deps, query),
      // The rollups behind coverage know no usage or charge type: no coverage for such a selection.
      query.filters.usageType === undefined && query.filters.chargeType === undefined
        ? carbonCoverage(deps.store, query.period, query.filters)
        : Promise.resolve(undefined),
    ]);
    const table = explorerTable(report, query.groupBy, { untagged: t("untagged"), total: w.total }, query.compare);
    return renderPage(
      c,
      <CostsPage
        query={query}
        table={table}
        series={report.series}
        previousPeriod={report.previousPeriod}
        menus={menus}
        coverage={coverage}
        csvHref={`/api/v1/costs.csv?${apiQueryString(query)}`}
        missingRates={report.missingRates}
        locale={locale}
        t={t}
        errors={errors}
        typed={typed}
        accountNames={c.get("accountNames") ?? {}}
      />,
      Object.keys(errors).length > 0 ? 400 : 200,
    );
  });
  return app;
}
