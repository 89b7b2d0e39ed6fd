/**
 * `/healthz`, no sign-in: 200 when every configured source collected within 36 hours and the
 * database takes writes; 503 with the reason otherwise (a source that never succeeded, a stale
 * one, a read-only or full database). A demo database has no source to check.
 */
import { Hono } from "hono";
import { loadHealth } from "../src/jobs/health";
import type { WebDeps } from "./deps";

export function healthRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    const health = await loadHealth(deps.store, deps.config, deps.now());
    return c.json(
      {
        status: health.ok ? "ok" : "unhealthy",
        reason: health.reason,
        demo: health.demo,
        databaseWritable: health.writable,
        problems: health.problems,
      },
      health.ok ? 200 : 503,
    );
  });
  return app;
}
