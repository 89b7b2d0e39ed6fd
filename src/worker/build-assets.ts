/**
 * Builds the Worker's static assets folder (wrangler.toml `[assets] directory`): the dashboard's
 * own files from web/public and chart.js copied from its installed package, never a CDN. Runs in
 * Node before wrangler bundles (`[build] command`) and from the workers test config. Not part of
 * the Worker bundle.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { STATIC_HEADERS_FILE } from "../../web/security";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Where wrangler.toml's `[assets] directory` points. */
export const ASSETS_DIR = join(ROOT, "dist", "assets");

/** chart.umd.min.js is not in chart.js's `exports`: resolve the package's main file, take its folder. */
function chartJsFile(): string {
  const require = createRequire(join(ROOT, "package.json"));
  return join(dirname(require.resolve("chart.js")), "chart.umd.min.js");
}

export function buildAssets(outDir: string = ASSETS_DIR): string {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, "static", "vendor"), { recursive: true });
  cpSync(join(ROOT, "web", "public"), outDir, { recursive: true });
  cpSync(chartJsFile(), join(outDir, "static", "vendor", "chart.umd.min.js"));
  // Workers assets are served before the Worker runs: their security headers come from here.
  writeFileSync(join(outDir, "_headers"), STATIC_HEADERS_FILE);
  return outDir;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(`assets built in ${buildAssets()}`);
}
