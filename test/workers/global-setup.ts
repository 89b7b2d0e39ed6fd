/**
 * Runs in Node before the workers tests: starts the fake Cost Explorer (a node:http server,
 * which workerd cannot host) and runs the Node path's collection against it, so the Worker's
 * scheduled runs can be checked against the same answers. Everything stays on 127.0.0.1.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { TestProject } from "vitest/node";
import { estimateLines } from "../../src/carbon/estimate";
import { collectCostExplorer } from "../../src/jobs/collect";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import { type Column, DEFAULT_ARGS, storedCents, testClient, truthCents } from "../helpers/cost-explorer-harness";
import { startFakeCostExplorer } from "../helpers/fake-cost-explorer";
import { startFakeSes } from "../helpers/fake-ses";
import type { NodeResult } from "./env";

/** A cron time of the job table: 05:15 UTC. */
export const SCHEDULED_AT = "2026-11-18T05:15:00.000Z";

/** Packages and built-ins that cannot (or must not) run in a Worker. */
const NODE_ONLY =
  /(?:^|\/)node_modules\/(better-sqlite3|nodemailer|@napi-rs|pdfkit|playwright-core|smtp-server|mailparser|croner|@hono\/node-server)\//;

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

  const opened = openSqliteStore(":memory:");
  try {
    const summary = await collectCostExplorer(
      {
        store: opened.store,
        costExplorer: testClient(fake.endpoint),
        now: () => new Date(SCHEDULED_AT),
        estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }),
      },
      DEFAULT_ARGS,
    );
    if (summary.status !== "succeeded") throw new Error(`the Node path's collection failed: ${summary.error}`);
    const { from, to } = summary.window;
    const cents: NodeResult["cents"] = {};
    for (const by of ["all", "account_id", "service", "pipeline"] as const) {
      cents[by] = Object.fromEntries(storedCents(opened, from, to, by === "all" ? undefined : (by as Column)));
    }
    const totals = opened.sqlite
      .prepare(
        "SELECT count(*) AS n, coalesce(sum(f.co2e_grams), 0) AS g FROM cost_lines l LEFT JOIN footprints f ON f.cost_line_id = l.id",
      )
      .get() as { n: number; g: number };
    const truth = truthCents(records, from, to).get("all") ?? [0, 0];
    const nodeResult: NodeResult = {
      window: { from, to },
      lines: totals.n,
      cents,
      co2eGrams: totals.g,
      truthCents: truth,
    };
    project.provide("nodeResult", nodeResult);
  } finally {
    opened.close();
  }
  project.provide("ceEndpoint", fake.endpoint);
  project.provide("scheduledTime", Date.parse(SCHEDULED_AT));
  // The SES v2 endpoint the Worker's report jobs mail through; the secret is vitest.config.ts's.
  const ses = await startFakeSes({ secretAccessKey: "cairn-test-secret" });
  project.provide("sesEndpoint", ses.endpoint);
  return async () => {
    await fake.close();
    await ses.close();
  };
}
