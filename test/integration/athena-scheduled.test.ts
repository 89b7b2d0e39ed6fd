/**
 * The job table's collect job with Athena configured (what `cairn serve`'s scheduler runs, and
 * the Worker's cron through the same handlers): Athena runs after Cost Explorer and CloudWatch,
 * its run recorded beside theirs; a failure of another source does not stop it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NO_RENDERERS } from "../../reports/render/renderers";
import { loadConfig } from "../../src/config";
import { buildJobHandlers, NODE_RUNTIME } from "../../src/jobs/handlers";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { recentRuns } from "../../src/store/runs";
import {
  type AthenaHarness,
  focusMonth,
  noFootprint,
  OUTPUT,
  startAthenaHarness,
  TABLE,
} from "../helpers/athena-harness";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import { testClient } from "../helpers/cost-explorer-harness";
import { type FakeCostExplorer, startFakeCostExplorer } from "../helpers/fake-cost-explorer";

let harness: AthenaHarness;
let ce: FakeCostExplorer;
let opened: OpenedStore;
beforeEach(async () => {
  harness = await startAthenaHarness([...focusMonth("2026-10"), ...focusMonth("2026-11").slice(0, 60)]);
  ce = await startFakeCostExplorer({
    dataset: { records: demoLikeRecords({ from: "2026-10-01", to: "2026-11-18" }), estimated: () => true },
    pageSize: 5000,
  });
  opened = openSqliteStore(":memory:");
});
afterEach(async () => {
  opened.close();
  await ce.close();
  await harness.close();
});

describe("the scheduled collection with Athena configured", () => {
  it("runs Athena after the other sources, even when one of them failed", async () => {
    const config = loadConfig({
      CAIRN_ATHENA_TABLE: TABLE,
      CAIRN_ATHENA_OUTPUT: OUTPUT,
      CAIRN_BACKFILL_MONTHS: "2",
      CAIRN_CLOUDWATCH_REGIONS: "eu-west-3",
    });
    const handlers = buildJobHandlers({
      runtime: NODE_RUNTIME,
      store: opened.store,
      now: () => new Date("2026-11-18T05:15:00Z"),
      config,
      estimate: noFootprint,
      costExplorer: () => testClient(ce.endpoint),
      cloudWatch: () => {
        throw new Error("no CloudWatch here");
      },
      mail: () => null,
      webhook: () => null,
      renderers: NO_RENDERERS,
      athena: () => harness.clients,
    });
    const said = await (handlers.collect as () => Promise<string>)().catch((e: Error) => e.message);
    expect(said).toContain("no CloudWatch here");
    expect(said).toMatch(/athena: Athena 2026-10: \d+ groups read/);
    expect(said).toMatch(/Athena: \d+ cost lines written/);
    expect(harness.fake.queries.map((q) => q.partitions)).toEqual([["2026-10"], ["2026-11"]]);
    const runs = await recentRuns(opened.store, 10);
    const athena = runs.find((r) => r.source === "athena");
    expect([athena?.status, athena?.requests]).toEqual(["succeeded", 2]);
    expect(athena?.requestCostUsd).toBeGreaterThan(0);
  });
});
