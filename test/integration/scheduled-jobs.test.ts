/**
 * The scheduled `collect` job as `cairn serve` runs it: Cost Explorer, then CloudWatch, then the
 * alerts, against local servers speaking AWS's protocols; and the request budget that skips an
 * extra run of the day when the month's remaining mornings need the requests.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import { NO_RENDERERS } from "../../reports/render/renderers";
import { estimateLines } from "../../src/carbon/estimate";
import { loadConfig } from "../../src/config";
import { buildJobHandlers, NODE_RUNTIME } from "../../src/jobs/handlers";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { collectionRuns } from "../../src/store/schema/index";
import { readDb } from "../../src/store/store";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import { lineCount, storedCents, testClient, truthCents } from "../helpers/cost-explorer-harness";
import { FAKE_ACCESS_KEY, FAKE_SECRET_KEY, type FakeCloudWatch, startFakeCloudWatch } from "../helpers/fake-cloudwatch";
import { type FakeCostExplorer, startFakeCostExplorer } from "../helpers/fake-cost-explorer";

let ce: FakeCostExplorer;
let cw: FakeCloudWatch;
let opened: OpenedStore;
const records = demoLikeRecords({ from: "2025-10-01", to: "2026-11-28" });
const clock = { now: new Date("2026-11-28T05:15:00Z") };

beforeEach(async () => {
  ce = await startFakeCostExplorer({ dataset: { records, estimated: (d) => d >= "2026-11-01" }, pageSize: 2000 });
  cw = await startFakeCloudWatch({
    metrics: [
      {
        region: "eu-west-3",
        namespace: "AWS/EC2",
        metricName: "CPUUtilization",
        dimensions: [{ Name: "InstanceId", Value: "i-0aaa" }],
        points: [[Date.parse("2026-11-27T10:00:00Z") / 1000, 12]],
      },
    ],
  });
  opened = openSqliteStore(":memory:");
});
afterEach(async () => {
  opened.close();
  await ce.close();
  await cw.close();
});

function handlers(env: Record<string, string> = {}) {
  const config = loadConfig({ CAIRN_CLOUDWATCH_REGIONS: "eu-west-3", CAIRN_MAIL_TRANSPORT: "none", ...env });
  return buildJobHandlers({
    runtime: NODE_RUNTIME,
    store: opened.store,
    now: () => clock.now,
    config,
    estimate: (lines, utilisation) =>
      estimateLines(lines, utilisation ? { factorSet: "cairn-2026", utilisation } : { factorSet: "cairn-2026" }),
    costExplorer: () => testClient(ce.endpoint),
    cloudWatch: createCloudWatchClientFactory({
      sdk: { endpoint: cw.url, credentials: { accessKeyId: FAKE_ACCESS_KEY, secretAccessKey: FAKE_SECRET_KEY } },
    }),
    mail: () => null,
    webhook: () => null,
    renderers: NO_RENDERERS,
  });
}

describe("the scheduled collect job", () => {
  it("collects Cost Explorer to the cent, then CloudWatch, then evaluates the alerts", async () => {
    const collect = handlers().collect;
    if (!collect) throw new Error("no collect handler");
    const summary = await collect();
    expect(summary).toMatch(/^cost explorer: .*\| cloudwatch: .*\| alerts: /);
    expect(lineCount(opened)).toBeGreaterThan(1000);
    const from = "2025-10-01";
    const to = "2026-11-28";
    expect(storedCents(opened, from, to, "service")).toEqual(truthCents(records, from, to, "service"));
    const runs = await readDb(opened.store).select().from(collectionRuns);
    expect(runs.map((r) => `${r.source}:${r.status}`).sort()).toEqual([
      "cloudwatch:succeeded",
      "cost-explorer:succeeded",
    ]);
    expect(cw.requests.length).toBeGreaterThan(0);
  });

  it("skips the afternoon run when the cap must be kept for the month's remaining mornings", async () => {
    // A cap that leaves room for the morning runs only: the afternoon one must not spend it.
    const collect = handlers({ CAIRN_CE_MAX_REQUESTS: "40" }).collect;
    if (!collect) throw new Error("no collect handler");
    clock.now = new Date("2026-11-03T05:15:00Z");
    await collect();
    const morning = ce.answered();
    clock.now = new Date("2026-11-03T17:15:00Z");
    const afternoon = await collect();
    expect(afternoon).toMatch(/skipped the extra collection of the day/);
    expect(ce.answered()).toBe(morning);
    clock.now = new Date("2026-11-04T05:15:00Z");
    const nextMorning = await collect();
    expect(nextMorning).not.toMatch(/skipped/);
    expect(ce.answered()).toBeGreaterThan(morning);
  });

  it("still evaluates the alerts when the collection fails, and reports the failure", async () => {
    const collect = handlers({ CAIRN_CE_MAX_REQUESTS: "1" }).collect;
    if (!collect) throw new Error("no collect handler");
    await expect(collect()).rejects.toThrow(/cost explorer failed: .*request cap.*\| alerts: /s);
  });
});
