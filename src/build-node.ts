/**
 * Builds what production runs under Node: src/node.ts and everything it imports, bundled by
 * esbuild into one ES module (npm packages stay external, resolved from node_modules), plus the
 * files the code reads beside itself (migrations, report fonts, the dashboard's static files).
 * `npm ci` runs it (the `prepare` script); `npm run build` runs it again after a change. tsx
 * stays a development tool: `npm run cairn` runs the sources as they are.
 *
 *   npx tsx src/build-node.ts [out-dir]      (default dist/node)
 */
import { chmodSync, cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Every module of the bundle sees `import.meta.url` as the bundle's own file, so the folders the
 * sources find beside themselves (open-sqlite.ts: migrations, chart-png.ts: fonts,
 * node-assets.ts: public) are copied beside it under the same names.
 */
const BESIDE = [
  ["src/store/migrations", "migrations"],
  ["reports/render/fonts", "fonts"],
  ["web/public", "public"],
] as const;

export async function buildNode(outDir: string): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, "cairn.js");
  await build({
    entryPoints: [join(ROOT, "src/node.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: join(ROOT, "tsconfig.json"),
    sourcemap: true,
    // The file is the `cairn` executable (package.json "bin").
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "warning",
  });
  chmodSync(outfile, 0o755);
  for (const [from, to] of BESIDE) cpSync(join(ROOT, from), join(outDir, to), { recursive: true });
  return outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const out = resolve(process.argv[2] ?? join(ROOT, "dist/node"));
  const file = await buildNode(out);
  process.stdout.write(`Built ${file}\n`);
}
