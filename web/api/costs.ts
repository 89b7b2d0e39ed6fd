/**
 * `GET /api/v1/costs?from&to&groupBy=&pipeline&service&region&account&source&usageType
 * &granularity=day|month&compare=previous&chargeType=&costType=amortised|unblended`
 */
import { Hono } from "hono";
import { explore } from "../../src/store/read/cost-explorer";
import { readDb } from "../../src/store/store";
import type { WebDeps } from "../deps";
import { parseExploreQuery } from "./explore-params";

export function costsApi(deps: WebDeps): Hono {
  const app = new Hono();
  app.get("/costs", async (c) => {
    const query = parseExploreQuery(c.req.query(), deps.now());
    const report = await explore(readDb(deps.store), query);
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
