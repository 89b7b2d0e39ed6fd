/**
 * A configured FOCUS export (CAIRN_FOCUS_EXPORT) is a source like the others: `cairn serve`'s
 * scheduled collection imports what is new in it (a run with nothing new is a successful check),
 * /healthz names it while it has never succeeded or has not for 36 hours, the stale-data alert
 * watches it, and its failures read in the reader's locale. A runtime without a FOCUS importer
 * records a failed run that says so rather than nothing.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_RENDERERS } from "../../reports/render/renderers";
import { evaluateAlerts } from "../../src/analysis/alert-rules/index";
import { estimateLines } from "../../src/carbon/estimate";
import { loadConfig } from "../../src/config";
import { COLLECT_ERROR_WORDS } from "../../src/format/collect-error-words";
import { buildJobHandlers, NODE_RUNTIME } from "../../src/jobs/handlers";
import { configuredSources } from "../../src/jobs/health";
import { scheduledFocusImport } from "../../src/jobs/scheduled-focus-import";
import { gatherAlertInputs } from "../../src/store/read/alert-inputs";
import { collectionRuns } from "../../src/store/schema/index";
import { readDb } from "../../src/store/store";
import { createApp } from "../../web/app";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import { testClient } from "../helpers/cost-explorer-harness";
import { type FakeCostExplorer, startFakeCostExplorer } from "../helpers/fake-cost-explorer";
import { FOCUS_SAMPLE } from "../helpers/focus-sample";
import { webFixture } from "../helpers/web";

const T0 = new Date("2026-11-20T05:15:00.000Z");
const folder = mkdtempSync(join(tmpdir(), "cairn-focus-export-"));
copyFileSync(FOCUS_SAMPLE, join(folder, "focus-1.0-sample.csv"));
const env = { CAIRN_LOCALE: "fr", CAIRN_FOCUS_EXPORT: folder, CAIRN_MAIL_TRANSPORT: "none" };
const config = loadConfig(env);
const clock = { now: T0 };
const fixture = webFixture(env, T0);
let ce: FakeCostExplorer;

beforeAll(async () => {
  ce = await startFakeCostExplorer({
    dataset: {
      records: demoLikeRecords({ from: "2025-10-01", to: "2026-11-24" }),
      estimated: (d) => d >= "2026-11-01",
    },
    pageSize: 5000,
  });
});
afterAll(async () => {
  await ce.close();
  fixture.close();
  rmSync(folder, { recursive: true, force: true });
});

const estimate = (lines: Parameters<typeof estimateLines>[0]) => estimateLines(lines, { factorSet: "cairn-2026" });

function collect(withImporter = true) {
  const handlers = buildJobHandlers({
    runtime: NODE_RUNTIME,
    store: fixture.store,
    now: () => clock.now,
    config,
    estimate,
    costExplorer: () => testClient(ce.endpoint),
    cloudWatch: () => {
      throw new Error("no CloudWatch configured");
    },
    mail: () => null,
    webhook: () => null,
    renderers: NO_RENDERERS,
    ...(withImporter
      ? {
          focusImport: () =>
            scheduledFocusImport(
              {
                store: fixture.store,
                now: () => clock.now,
                estimate,
                s3: () => {
                  throw new Error("a folder, not S3");
                },
              },
              { target: folder, pipelineTag: "pipeline", maxErrors: 100 },
            ),
        }
      : {}),
  });
  if (!handlers.collect) throw new Error("no collect handler");
  return handlers.collect().catch((error: Error) => `failed: ${error.message}`);
}

async function healthz(): Promise<{ status: number; reason: string }> {
  const app = createApp({ store: fixture.store, config, now: () => clock.now });
  const res = await app.request("/healthz");
  return { status: res.status, reason: ((await res.json()) as { reason: string }).reason };
}

async function focusRuns() {
  const runs = await readDb(fixture.store).select().from(collectionRuns);
  return runs.filter((r) => r.source === "focus").map((r) => `${r.status}:${r.errorKind ?? ""}:${r.rowsWritten}`);
}

async function staleKeys(): Promise<string[]> {
  const inputs = await gatherAlertInputs(fixture.store, {
    now: clock.now,
    display: "USD",
    ceMaxRequests: 300,
    lookbackDays: 7,
    sources: configuredSources(config),
  });
  return evaluateAlerts(inputs)
    .filter((a) => a.rule === "stale-data")
    .map((a) => a.key);
}

describe("a configured FOCUS export is watched like every source", () => {
  it("is a configured source, and /healthz names it before it has ever run", async () => {
    expect(configuredSources(config)).toEqual(["cost-explorer", "focus"]);
    const fresh = await healthz();
    expect(fresh.status).toBe(503);
    expect(fresh.reason).toContain("focus has never collected successfully (never run)");
  });

  it("imported by the scheduled collection; nothing new is a successful check; stale once it fails for 36 h", async () => {
    expect(await collect()).toMatch(/\| focus: 1 file\(s\) imported from .*\| alerts: /);
    expect((await healthz()).status).toBe(200);
    clock.now = new Date(T0.getTime() + 12 * 3_600_000);
    expect(await collect()).toMatch(/\| focus: nothing new in .* \(1 file\(s\) already imported\)/);
    expect(await focusRuns()).toEqual([expect.stringMatching(/^succeeded::\d+$/), "succeeded::0"]);
    const lastSuccess = clock.now.toISOString();

    // The export's folder disappears: every later check fails, Cost Explorer stays fresh.
    rmSync(folder, { recursive: true, force: true });
    clock.now = new Date(T0.getTime() + 30 * 3_600_000);
    expect(await collect()).toMatch(/focus failed: could not list or read/);
    expect((await focusRuns()).at(-1)).toBe("failed:export-not-found:0");
    // 18 h after the last success: not stale yet, no alert.
    expect(await staleKeys()).toEqual([]);
    clock.now = new Date(T0.getTime() + 49 * 3_600_000);
    await collect();
    expect(await staleKeys()).toEqual([`stale-data|focus|${lastSuccess}|36h`]);
    const h = await healthz();
    expect(h.status).toBe(503);
    expect(h.reason).toMatch(/focus last collected successfully 37 h ago/);
    // The Data health page says what the failure means, in French.
    const admin = await fixture.signIn("admin");
    const page = (await (await admin.request("/runs")).text()).replace(/[\s\u00a0\u202f]+/g, " ");
    expect(page).toContain(COLLECT_ERROR_WORDS.fr["export-not-found"].replace(/[\s\u00a0\u202f]+/g, " "));
  });

  it("a runtime without a FOCUS importer records a failed run that says so", async () => {
    const said = await collect(false);
    expect(said).toMatch(/focus failed: CAIRN_FOCUS_EXPORT is set but this runtime cannot import FOCUS files/);
    expect((await focusRuns()).at(-1)).toBe("failed:import-refused:0");
  });
});
