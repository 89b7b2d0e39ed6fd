/**
 * The `workers` project: tests run inside workerd (miniflare) with the real wrangler.toml, a
 * local D1 with the real migrations, and the real assets folder. The fake Cost Explorer cannot
 * run inside workerd: global-setup.ts starts it in Node and hands its URL over (provide/inject),
 * with the Node path's results for the same answers.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineProject } from "vitest/config";
import { unstable_readConfig } from "wrangler";
import { buildAssets } from "../../src/worker/build-assets";

const root = fileURLToPath(new URL("../..", import.meta.url));
const wranglerToml = `${root}wrangler.toml`;

// wrangler.toml's [assets] folder must exist before miniflare reads it.
const assetsDir = buildAssets();
const assetPaths = readdirSync(assetsDir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => `/${relative(assetsDir, join(entry.parentPath, entry.name)).split(sep).join("/")}`);
const wrangler = unstable_readConfig({ config: wranglerToml });

export default defineProject({
  plugins: [
    cloudflareTest(async ({ inject }) => ({
      main: `${root}src/worker.ts`,
      wrangler: { configPath: wranglerToml },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(`${root}${wrangler.d1_databases[0]?.migrations_dir ?? "missing"}`),
          // What `wrangler secret put` would set, and the SDK's endpoint variables aimed at the
          // fake Cost Explorer and CloudWatch on 127.0.0.1.
          AWS_ACCESS_KEY_ID: "AKIDCAIRNTEST",
          AWS_SECRET_ACCESS_KEY: "cairn-test-secret",
          AWS_ENDPOINT_URL_COST_EXPLORER: inject("ceEndpoint"),
          AWS_ENDPOINT_URL_CLOUDWATCH: inject("cwEndpoint"),
          // The job table's CloudWatch step reads this region on both runtimes.
          CAIRN_CLOUDWATCH_REGIONS: "eu-west-3",
        },
      },
    })),
  ],
  test: {
    name: "workers",
    root,
    include: ["test/workers/**/*.test.ts"],
    globalSetup: ["test/workers/global-setup.ts"],
    setupFiles: ["test/workers/apply-migrations.ts"],
    provide: { wranglerCrons: wrangler.triggers.crons ?? [], assetPaths },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
