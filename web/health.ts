/** `/healthz`: 200 when the last collection is fresh, 503 with the reason when stale. No sign-in. */
import { Hono } from "hono";
import { freshnessOf } from "../src/analysis/freshness";
import { lastSuccessfulRun } from "../src/store/runs";
import type { WebDeps } from "./deps";

export function healthRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    const run = await lastSuccessfulRun(deps.store);
    const freshness = freshnessOf(run?.finishedAt ?? null, deps.now());
    return c.json(
      { status: freshness.fresh ? "ok" : "stale", reason: freshness.reason, lastSuccessAt: freshness.lastSuccessAt },
      freshness.fresh ? 200 : 503,
    );
  });
  return app;
}
