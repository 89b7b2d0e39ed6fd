/**
 * `GET /api/v1/resources?from&to&pipeline&by=cost|co2e&limit`: top resources (each with its cost
 * of ownership) and the resources new or gone in the period. `GET /api/v1/resources/:id?from&to`
 * (the id URL-encoded: ARNs hold `:` and `/`): one resource's daily cost, usage types, tags,
 * footprint, monthly history, cost of ownership, the findings and upkeep entries naming it.
 * Amounts are in USD as AWS bills them (`...Usd`), CO2e in grams.
 */
import { Hono } from "hono";
import type { WebDeps } from "../deps";
import { loadResource, loadResources } from "../pages/resources-data";
import { parseResourceDetailParams, parseResourceId, parseResourceParams } from "./resource-params";

export function resourcesApi(deps: WebDeps): Hono {
  const app = new Hono();
  app.get("/resources", async (c) => {
    const data = await loadResources(deps, parseResourceParams(c.req.query(), deps.now()));
    return c.json({
      from: data.period.from,
      to: data.period.to,
      pipeline: data.pipeline ?? null,
      by: data.by,
      limit: data.limit,
      count: data.top.count,
      totalCostUsd: data.top.totalCostUsd,
      totalCo2eGrams: data.top.totalCo2eGrams,
      resources: data.top.resources,
      /** `athena` when the period's resource lines are not kept locally and Athena answered. */
      engine: data.top.engine,
      appeared: data.changes.appeared,
      gone: data.changes.gone,
    });
  });
  app.get("/resources/:id{.+}", async (c) => {
    const id = parseResourceId(c.req.param("id"));
    const data = await loadResource(deps, parseResourceDetailParams(c.req.query(), deps.now()), id);
    if (!data) return c.json({ error: { parameter: "id", message: `id: no resource ${id}` } }, 404);
    return c.json({
      from: data.period.from,
      to: data.period.to,
      ...data.detail,
      /** `athena` when the period's resource lines are not kept locally and Athena answered. */
      engine: data.engine,
      ownership: data.ownership,
      findings: data.findings.map((f) => ({
        id: f.id,
        kind: f.kind,
        resource: f.resource,
        action: f.action,
        evidence: f.evidence,
        usageTypes: f.usageTypes,
        monthlySavingUsd: f.monthlySavingUsd,
        monthlySavingCo2eGrams: f.monthlySavingCo2eGrams,
      })),
      upkeep: data.upkeep.map(({ createdBy: _b, createdAt: _a, ...e }) => e),
    });
  });
  return app;
}
