/**
 * The job table's collect job with Athena configured (what `cairn serve`'s scheduler runs, and
 * the Worker's cron through the same handlers): Athena collects the costs and Cost Explorer is not
 * asked for the same data (no GetCostAndUsage reaches it) unless CAIRN_CE_WITH_ATHENA=1; Cairn's
 * own forecast replaces AWS's then; health watches Athena's runs instead of Cost Explorer's; the
 * data health page says the rule. Athena runs after the other sources, its run recorded beside
 * theirs; a failure of another source does not stop it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NO_RENDERERS } from "../../reports/render/renderers";
import { loadConfig } from "../../src/config";
import { buildJobHandlers, NODE_RUNTIME } from "../../src/jobs/handlers";
import { configuredSources, loadHealth } from "../../src/jobs/health";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { latestForecast } from "../../src/store/read/forecast";
import { recentRuns } from "../../src/store/runs";
import { readDb } from "../../src/store/store";
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
import { webFixture } from "../helpers/web";

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

const NOW = new Date("2026-11-18T05:15:00Z");
const env = { CAIRN_ATHENA_TABLE: TABLE, CAIRN_ATHENA_OUTPUT: OUTPUT, CAIRN_BACKFILL_MONTHS: "2" };

function handlersWith(config: ReturnType<typeof loadConfig>) {
  return buildJobHandlers({
    runtime: NODE_RUNTIME,
    store: opened.store,
    now: () => NOW,
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
}

describe("Cost Explorer beside Athena", () => {
  it("is not asked for the costs Athena collects: no GetCostAndUsage, Cairn's own forecast, Athena's health", async () => {
    const config = loadConfig(env);
    const said = await (handlersWith(config).collect as () => Promise<string>)();
    expect(said).toContain("cost explorer: off: Athena collects the costs");
    expect(said).toMatch(/Athena: \d+ cost lines written/);
    // Not one request of any kind reached Cost Explorer.
    expect(ce.requests.map((r) => r.operation)).toEqual([]);
    expect(ce.arrived()).toBe(0);
    const forecast = await latestForecast(readDb(opened.store), "2026-11");
    expect([forecast?.source, forecast?.asOfDay]).toEqual(["cairn", "2026-11-18"]);
    expect(forecast?.monthToDateUsd).toBeGreaterThan(0);
    // Health watches the source that collects: Athena, not Cost Explorer.
    expect(configuredSources(config)).toEqual(["athena"]);
    const health = await loadHealth(opened.store, config, NOW);
    expect(JSON.stringify(health)).not.toContain("cost-explorer");
  });

  it("runs beside it when CAIRN_CE_WITH_ATHENA=1 asks for both", async () => {
    const config = loadConfig({ ...env, CAIRN_CE_WITH_ATHENA: "1" });
    expect(configuredSources(config)).toEqual(["cost-explorer", "athena"]);
    // (CloudWatch, asked for the regions Cost Explorer found spend in, fails here: not this test's matter.)
    const said = await (handlersWith(config).collect as () => Promise<string>)().catch((e: Error) => e.message);
    expect(said).not.toContain("cost explorer: off");
    expect(ce.requests.some((r) => r.operation === "GetCostAndUsage")).toBe(true);
    expect(loadConfig.bind(null, { CAIRN_CE_WITH_ATHENA: "yes" })).toThrow(/CAIRN_CE_WITH_ATHENA/);
  });

  it("the data health page says the rule, in both locales", async () => {
    for (const [locale, off, both] of [
      ["en", "Cost Explorer's cost collection is off", "Cost Explorer collects the costs too"],
      ["fr", "la collecte des coûts par Cost Explorer est coupée", "Cost Explorer collecte aussi les coûts"],
    ] as const) {
      for (const [extra, text] of [
        [{}, off],
        [{ CAIRN_CE_WITH_ATHENA: "1" }, both],
      ] as const) {
        const fixture = webFixture({ ...env, ...extra, CAIRN_LOCALE: locale }, NOW);
        const html = await (await (await fixture.signIn("admin")).request("/runs")).text();
        const rule = /id="athena-ce-rule">([^<]*)</.exec(html)?.[1] ?? "";
        expect(rule.replaceAll("&#39;", "'").replaceAll("&#x27;", "'")).toContain(text);
        fixture.close();
      }
    }
  });
});

describe("the scheduled collection with Athena configured", () => {
  it("runs Athena after the other sources, even when one of them failed", async () => {
    const config = loadConfig({
      ...env,
      CAIRN_CE_WITH_ATHENA: "1",
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
