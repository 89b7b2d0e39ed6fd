/**
 * `GET /api/v1/resources?from&to&pipeline&by=cost|co2e&limit`: top resources and the resources
 * new or gone in the period. `GET /api/v1/resources/detail?id&from&to`: one resource (daily cost,
 * usage types, tags, footprint, cost of ownership, findings naming it). Amounts are in USD, as
 * AWS bills them (`costUsd`); `cost` repeats them in the top-level `currency`.
 */
import { Hono } from "hono";
import type { WebDeps } from "../deps";
import { loadResource, loadResources } from "../pages/resources-data";
import { BadParameter } from "./params";
import { parseResourceParams } from "./resource-params";

const withCost = <T extends { costUsd: number }>(r: T) => ({ ...r, cost: r.costUsd });

export function resourcesApi(deps: WebDeps): Hono {
  const app = new Hono();
  app.get("/resources", async (c) => {
    const params = parseResourceParams(c.req.query(), deps.now());
    const data = await loadResources(deps, params);
    return c.json({
      from: params.period.from,
      to: params.period.to,
      pipeline: params.pipeline ?? null,
      by: params.by,
      currency: "USD",
      count: data.top.count,
      totalCostUsd: data.top.totalCostUsd,
      totalCo2eGrams: data.top.totalCo2eGrams,
      resources: data.top.resources.map(withCost),
      appeared: data.changes.appeared.map(withCost),
      disappeared: data.changes.disappeared.map(withCost),
    });
  });
  app.get("/resources/detail", async (c) => {
    const params = parseResourceParams(c.req.query(), deps.now());
    if (params.id === undefined) throw new BadParameter("id", "is required");
    const data = await loadResource(deps, params, params.id);
    if (!data) return c.json({ error: { message: `no resource ${params.id}` } }, 404);
    return c.json({
      from: params.period.from,
      to: params.period.to,
      currency: "USD",
      ...data.detail,
      findings: data.findings,
    });
  });
  return app;
}
