/**
 * `GET /api/v1/costs?from&to&groupBy=&pipeline&service&region&account&source&usageType
 * &granularity=day|month&compare=previous&chargeType=&costType=amortised|unblended&currency=USD|EUR`.
 * Rows and total keep `costUsd` and add `cost` in the top-level `currency` (default: the display
 * currency; USD with `missingRates` when a month of the range has no rate).
 */
import { Hono } from "hono";
import { exploreInCurrency } from "../../src/store/read/explore-display";
import { readDb } from "../../src/store/store";
import type { WebDeps } from "../deps";
import { withCalibration } from "./explore-calibration";
import { parseExploreQuery } from "./explore-params";

export function costsApi(deps: WebDeps): Hono {
  const app = new Hono();
  app.get("/costs", async (c) => {
    const query = await withCalibration(deps, parseExploreQuery(c.req.query(), deps.now()));
    const { converter: _c, ...report } = await exploreInCurrency(
      readDb(deps.store),
      query,
      query.base.currency ?? deps.config.CAIRN_CURRENCY,
    );
    return c.json({
      from: query.period.from,
      to: query.period.to,
      groupBy: query.groupBy.join(","),
      granularity: query.granularity,
      costType: query.costType,
      ...(query.filters.chargeType ? { chargeType: query.filters.chargeType } : {}),
      ...report,
    });
  });
  return app;
}
