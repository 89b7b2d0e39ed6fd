/**
 * Runs in Node before the workers tests: starts the fake Cost Explorer and CloudWatch (node:http
 * servers, which workerd cannot host) and runs the job table's collect job as `cairn serve`
 * runs it (Node adapters) against them, so the Worker's scheduled runs of the same job table can
 * be checked against what Node stored for the same answers. Everything stays on 127.0.0.1.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { TestProject } from "vitest/node";
import { createCloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import { NO_RENDERERS } from "../../reports/render/renderers";
import { loadConfig } from "../../src/config";
import { buildJobHandlers, configuredEstimate, NODE_RUNTIME } from "../../src/jobs/handlers";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import {
  type Column,
  DEFAULT_ARGS,
  storedCents,
  TEST_CREDENTIALS,
  testClient,
  truthCents,
} from "../helpers/cost-explorer-harness";
import { startFakeCloudWatch } from "../helpers/fake-cloudwatch";
import { startFakeCostExplorer } from "../helpers/fake-cost-explorer";
import { startFakeOrganizations } from "../helpers/fake-organizations";
import { startFakeSes } from "../helpers/fake-ses";
import { provideAthena } from "./athena-setup";
import type { NodeResult } from "./env";

/** The Cairn settings both runtimes run with: wrangler.toml's [vars] and vitest.config.ts's bindings. */
export const WORKER_SETTINGS = {
  CAIRN_LOCALE: "fr",
  CAIRN_CURRENCY: "USD",
  CAIRN_PIPELINE_TAG: DEFAULT_ARGS.pipelineTag,
  CAIRN_CLOUDWATCH_REGIONS: "eu-west-3",
};

/** A cron time of the job table: 05:15 UTC. */
export const SCHEDULED_AT = "2026-11-18T05:15:00.000Z";

/**
 * Packages and built-ins that cannot (or must not) run in a Worker. croner is not one of them: it
 * is plain JavaScript, and the configuration validates crons with it on both runtimes.
 */
const NODE_ONLY =
  /(?:^|\/)node_modules\/(better-sqlite3|nodemailer|@napi-rs|pdfkit|playwright-core|smtp-server|mailparser|@hono\/node-server)\//;

/** Builds the Worker as `wrangler deploy --dry-run` does (offline) and lists what it bundles. */
function inspectBundle(): { gzipBytes: number; nodeOnlySources: string[]; nodeImports: string[] } {
  const out = mkdtempSync(join(tmpdir(), "cairn-bundle-"));
  try {
    execFileSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", out], {
      env: {
        ...process.env,
        WRANGLER_SEND_METRICS: "false",
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        WRANGLER_HIDE_BANNER: "true",
      },
      stdio: "pipe",
    });
    const code = readFileSync(join(out, "worker.js"));
    const map = JSON.parse(readFileSync(join(out, "worker.js.map"), "utf8")) as { sources: string[] };
    const nodeImports = [...code.toString().matchAll(/(?:from|import\()\s*"(node:[^"]+)"/g)].map((m) => m[1] as string);
    return {
      gzipBytes: gzipSync(code).length,
      nodeOnlySources: [...new Set(map.sources.filter((s) => NODE_ONLY.test(s)))],
      nodeImports: [...new Set(nodeImports)],
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  project.provide("bundle", inspectBundle());
  // Records from before the backfill's start too: neither path may read them.
  const records = demoLikeRecords({ from: "2025-08-01", to: "2026-11-18" });
  const fake = await startFakeCostExplorer({
    dataset: { records, estimated: (day) => day >= "2026-11-01" },
    pageSize: 200,
  });

  // One EC2 instance's CPU in Paris on the last days: the collect job stores it and estimates
  // the window's lines again with it, on both runtimes.
  const cloudWatch = await startFakeCloudWatch({
    secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
    metrics: [
      {
        region: "eu-west-3",
        namespace: "AWS/EC2",
        metricName: "CPUUtilization",
        dimensions: [{ Name: "InstanceId", Value: "i-0cairn" }],
        points: [15, 16, 17].map((d) => [Date.parse(`2026-11-${d}T10:00:00Z`) / 1000, 10 + d] as [number, number]),
      },
    ],
  });

  const opened = openSqliteStore(":memory:");
  try {
    // The job table as `cairn serve` runs it, with wrangler.toml's settings and the bindings
    // vitest.config.ts gives the Worker.
    const config = loadConfig({ ...WORKER_SETTINGS, CAIRN_MAIL_TRANSPORT: "none" });
    const handlers = buildJobHandlers({
      runtime: NODE_RUNTIME,
      store: opened.store,
      now: () => new Date(SCHEDULED_AT),
      config,
      estimate: configuredEstimate(config),
      costExplorer: () => testClient(fake.endpoint),
      cloudWatch: createCloudWatchClientFactory({ sdk: { endpoint: cloudWatch.url, credentials: TEST_CREDENTIALS } }),
      mail: () => null,
      webhook: () => null,
      renderers: NO_RENDERERS,
    });
    await handlers.collect();
    const run = opened.sqlite
      .prepare("SELECT from_day AS f, to_day AS t FROM collection_runs WHERE source = 'cost-explorer' ORDER BY id")
      .get() as { f: string; t: string };
    const from = run.f;
    const to = run.t;
    const cents: NodeResult["cents"] = {};
    for (const by of ["all", "account_id", "service", "pipeline"] as const) {
      cents[by] = Object.fromEntries(storedCents(opened, from, to, by === "all" ? undefined : (by as Column)));
    }
    const totals = opened.sqlite
      .prepare(
        "SELECT count(*) AS n, coalesce(sum(f.co2e_grams), 0) AS g FROM cost_lines l LEFT JOIN footprints f ON f.cost_line_id = l.id",
      )
      .get() as { n: number; g: number };
    const metrics = opened.sqlite.prepare("SELECT count(*) AS n, total(average) AS v FROM metric_days").get() as {
      n: number;
      v: number;
    };
    const truth = truthCents(records, from, to).get("all") ?? [0, 0];
    const nodeResult: NodeResult = {
      window: { from, to },
      lines: totals.n,
      cents,
      co2eGrams: totals.g,
      truthCents: truth,
      metricDays: { rows: metrics.n, total: metrics.v },
    };
    project.provide("nodeResult", nodeResult);
  } finally {
    opened.close();
  }
  project.provide("ceEndpoint", fake.endpoint);
  project.provide("cwEndpoint", cloudWatch.url);
  project.provide("scheduledTime", Date.parse(SCHEDULED_AT));
  // The SES v2 endpoint the Worker's report jobs mail through; the secret is vitest.config.ts's.
  const ses = await startFakeSes({ secretAccessKey: "cairn-test-secret" });
  project.provide("sesEndpoint", ses.endpoint);
  const closeAthena = await provideAthena(project);
  // AWS Organizations with three pages of accounts, for account names read from a Worker.
  const organizations = await startFakeOrganizations({
    secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
    accounts: Array.from({ length: 45 }, (_, i) => ({ Id: String(100000000000 + i), Name: `team-${i}` })),
  });
  project.provide("organizationsEndpoint", organizations.endpoint);
  return async () => {
    await closeAthena();
    await organizations.close();
    await fake.close();
    await cloudWatch.close();
    await ses.close();
  };
}
