/** `GET /api/v1/costs?from&to&groupBy=&pipeline&service&region&account&source` */
import { Hono } from "hono";
import { costsBy } from "../../src/store/read/costs";
import { readDb } from "../../src/store/store";
import type { WebDeps } from "../deps";
import { parseCostQuery } from "./params";

export function costsApi(deps: WebDeps): Hono {
  const app = new Hono();
  app.get("/costs", async (c) => {
    const query = parseCostQuery(c.req.query(), deps.now());
    const report = await costsBy(readDb(deps.store), query);
    return c.json({ from: query.period.from, to: query.period.to, groupBy: query.groupBy, ...report });
  });
  return app;
}
