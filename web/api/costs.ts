/**
 * `GET /api/v1/costs?from&to&groupBy=&pipeline&service&region&account&source&currency=USD|EUR`.
 * Rows and total keep `costUsd` and add `cost` in the top-level `currency` (default: the display
 * currency; USD with `missingRates` when a month of the range has no rate).
 */
import { Hono } from "hono";
import { costsInCurrency } from "../../src/store/read/costs-display";
import { readDb } from "../../src/store/store";
import type { WebDeps } from "../deps";
import { parseCostQuery } from "./params";

export function costsApi(deps: WebDeps): Hono {
  const app = new Hono();
  app.get("/costs", async (c) => {
    const query = parseCostQuery(c.req.query(), deps.now());
    const { converter: _c, ...report } = await costsInCurrency(
      readDb(deps.store),
      query,
      query.currency ?? deps.config.CAIRN_CURRENCY,
    );
    return c.json({ from: query.period.from, to: query.period.to, groupBy: query.groupBy, ...report });
  });
  return app;
}
