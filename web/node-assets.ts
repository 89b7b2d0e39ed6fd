/**
 * Static files under Node: the dashboard's own (web/public) and chart.js straight from its
 * installed package, never a CDN. (On Workers, wrangler's assets serve the same paths.)
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { securityHeaders } from "./security";

const PUBLIC_DIR = join(dirname(fileURLToPath(import.meta.url)), "public");
const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** chart.umd.min.js is not in chart.js's `exports`: find the package's main file, take its folder. */
export function chartJsPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("chart.js")), "chart.umd.min.js");
}

export function nodeAssetRoutes(): Hono {
  const app = new Hono();
  // Mounted before the app (no sign-in for static files), so it sets the same headers itself.
  app.use("*", securityHeaders());
  const chartJs = chartJsPath();
  app.get("/static/vendor/chart.umd.min.js", async (c) => {
    c.header("Content-Type", TYPES[".js"]);
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(await readFile(chartJs));
  });
  app.get("/static/*", async (c) => {
    const relative = normalize(c.req.path).replace(/^[/\\]+/, "");
    const file = join(PUBLIC_DIR, relative);
    if (!file.startsWith(PUBLIC_DIR + sep)) return c.notFound();
    try {
      const body = await readFile(file);
      c.header("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
      c.header("Cache-Control", "public, max-age=300");
      return c.body(body);
    } catch {
      return c.notFound();
    }
  });
  return app;
}
