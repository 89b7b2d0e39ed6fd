/**
 * The Athena engine against a stand-in that speaks Athena's JSON 1.1 protocol and runs the exact
 * SQL on DuckDB over FOCUS Parquet files: the Athena path and a local import of the same files
 * give the same cost lines and resource rankings; no query can be issued without its partition
 * filter; bytes scanned follow the periods read; the monthly cap stops a run before it passes;
 * failures, cancellations and the workgroup's byte limit are reported and write nothing.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AthenaClient } from "@aws-sdk/client-athena";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { athenaCostUsd, MIN_BILLED_BYTES } from "../../collectors/athena/cost";
import type { runAthenaQuery } from "../../collectors/athena/run";
import {
  costLinesQuery,
  partitionedQuery,
  topResourcesQuery,
  UnpartitionedQueryError,
} from "../../collectors/athena/sql";
import { estimateLines } from "../../src/carbon/estimate";
import { type AthenaDeps, athenaQuery } from "../../src/jobs/athena-session";
import { collectAthena, defaultPeriods } from "../../src/jobs/collect-athena";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { topResources } from "../../src/store/read/resources";
import { readDb } from "../../src/store/store";
import { type FakeAthena, startFakeAthena } from "../helpers/fake-athena";
import { type ParquetRow, writeFocusParquet } from "../helpers/focus-parquet";
import { webFixture } from "../helpers/web";

const SECRET = "athena-test-secret";
const TABLE = "cur.focus";
const NOW = new Date("2026-02-03T08:00:00Z");
const estimate = (lines: CostLine[]) => estimateLines(lines, { factorSet: "cairn-2026" });

/** Two billing periods; four resources over hours and days; untagged rows; a row naming no resource. */
function rows(): ParquetRow[] {
  const out: ParquetRow[] = [];
  const resources: {
    id: string;
    name: string;
    type: string;
    service: string;
    usage: string;
    unit: string;
    tags: Record<string, string>;
  }[] = [
    {
      id: "i-0gpu",
      name: "detector",
      type: "Instance",
      service: "Amazon Elastic Compute Cloud",
      usage: "EUW3-SpotUsage:g4dn.xlarge",
      unit: "Hrs",
      tags: { "user:pipeline": "camera-traps" },
    },
    {
      id: "arn:aws:lambda:eu-west-3:011111111111:function:probe",
      name: "probe",
      type: "Function",
      service: "AWS Lambda",
      usage: "EUW3-Lambda-GB-Second",
      unit: "GB-Seconds",
      tags: { pipeline: "temperatures" },
    },
    {
      id: "vol-0old",
      name: "",
      type: "Volume",
      service: "Amazon Elastic Compute Cloud",
      usage: "EUW3-EBS:VolumeUsage.gp2",
      unit: "GB-Mo",
      tags: {},
    },
    {
      id: "db-aurora",
      name: "aurora",
      type: "Cluster",
      service: "Amazon Relational Database Service",
      usage: "EUW3-Aurora:ServerlessV2Usage",
      unit: "ACU-Hr",
      tags: { "user:pipeline": "temperatures", owner: "léa" },
    },
  ];
  for (const month of ["2026-01", "2026-02"]) {
    for (let d = 1; d <= 4; d++) {
      const day = `${month}-0${d}`;
      for (const [k, r] of resources.entries()) {
        for (let hour = 0; hour < 3; hour++) {
          out.push({
            day,
            hour,
            billingAccountId: "999999999999",
            accountId: k % 2 === 0 ? "011111111111" : "022222222222",
            service: r.service,
            region: "eu-west-3",
            usageType: r.usage,
            unit: r.unit,
            quantity: 1 + hour + k,
            cost: Math.round((0.37 * (k + 1) + 0.013 * d + 0.001 * hour) * 1e6) / 1e6,
            resourceId: r.id,
            resourceName: r.name,
            resourceType: r.type,
            tags: r.tags,
          });
        }
      }
      out.push({
        day,
        hour: 0,
        billingAccountId: "999999999999",
        accountId: "011111111111",
        service: "AWS Support",
        region: "global",
        usageType: "Support",
        unit: "",
        quantity: 0,
        cost: 1.25,
        resourceId: null,
        resourceName: "",
        resourceType: "",
        tags: {},
      });
      out.push({
        day,
        hour: 0,
        billingAccountId: "999999999999",
        accountId: "011111111111",
        service: "Compute",
        region: "westeurope",
        usageType: "VM",
        unit: "Hrs",
        quantity: 1,
        cost: 9,
        resourceId: "vm-1",
        resourceName: "",
        resourceType: "",
        tags: {},
        provider: "Microsoft",
      });
    }
  }
  return out;
}

let dir: string;
let root: string;
let fake: FakeAthena;
let athenaStore: OpenedStore;
let localStore: OpenedStore;
let client: AthenaClient;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "cairn-athena-"));
  root = join(dir, "export");
  await writeFocusParquet(root, rows());
  fake = await startFakeAthena({ root, table: TABLE, secretAccessKey: SECRET, bytesLimit: { tight: 1000 } });
  client = new AthenaClient({
    region: "eu-west-3",
    endpoint: fake.endpoint,
    credentials: { accessKeyId: "AKIDATHENA", secretAccessKey: SECRET },
    maxAttempts: 1,
  });
  athenaStore = openSqliteStore(":memory:");
  localStore = openSqliteStore(":memory:");
});
afterEach(async () => {
  client.destroy();
  athenaStore.close();
  localStore.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

function athena(over: Partial<AthenaDeps> = {}): AthenaDeps {
  return {
    client,
    settings: { workgroup: "cairn", outputLocation: "s3://cairn-athena-results/" },
    table: TABLE,
    maxUsdPerMonth: 1,
    sleep: async () => {},
    ...over,
  };
}

const all = <T>(s: OpenedStore, text: string) => s.store.db.$client.prepare(text).all() as T[];
const LINES = `SELECT day, account_id, service, region, usage_type, pipeline, usage_unit,
  round(unblended_cost_usd, 9) AS cost, round(amortized_cost_usd, 9) AS amortized, round(usage_amount, 9) AS usage,
  estimated, source FROM cost_lines ORDER BY day, account_id, service, region, usage_type, pipeline`;

async function importLocally() {
  const summary = await importFocus(
    { store: localStore.store, now: () => NOW, estimate },
    { target: root, pipelineTag: "pipeline", maxErrors: 0 },
  );
  expect(summary.error).toBeNull();
  return summary;
}

describe("Athena engine", () => {
  it("builds the same cost lines as a local import of the same files, one query per period", async () => {
    await importLocally();
    const summary = await collectAthena(
      { store: athenaStore.store, athena: athena(), now: () => NOW, estimate },
      { pipelineTag: "pipeline", periods: ["2026-01", "2026-02"] },
    );
    expect(summary.error).toBeNull();
    expect(fake.violations).toEqual([]);
    expect(fake.queries).toHaveLength(2);
    const local = all(localStore, LINES);
    expect(local.length).toBeGreaterThan(30);
    expect(all(athenaStore, LINES)).toEqual(local);
    expect(summary.costLinesWritten).toBe(local.length);
    // Footprints too: the same lines, estimated the same way.
    const co2e = "SELECT round(sum(co2e_grams), 6) AS g FROM footprints";
    expect(all(athenaStore, co2e)).toEqual(all(localStore, co2e));
  });

  it("ranks resources as the local resource lines do", async () => {
    await importLocally();
    const period = { from: "2026-01-02", to: "2026-02-04" };
    for (const pipeline of [undefined, "temperatures"]) {
      const local = await topResources(readDb(localStore.store), {
        ...period,
        by: "cost",
        limit: 10,
        ...(pipeline === undefined ? {} : { pipeline }),
      });
      const query = topResourcesQuery({
        table: TABLE,
        pipelineTag: "pipeline",
        ...period,
        periods: ["2026-01", "2026-02"],
        limit: 10,
        ...(pipeline === undefined ? {} : { pipeline }),
      });
      const result = await athenaQuery(
        { store: athenaStore.store, athena: athena(), now: () => NOW },
        "resources",
        query,
      );
      const ranked = result.rows.map((r) => [r[0], Math.round(Number(r[6]) * 1e9) / 1e9]);
      expect(ranked.length).toBeGreaterThan(0);
      expect(ranked).toEqual(local.resources.map((r) => [r.resourceId, Math.round(r.costUsd * 1e9) / 1e9]));
      expect(result.rows.map((r) => r[1])).toEqual(local.resources.map((r) => r.name));
    }
  });

  it("cannot issue a query without its billing-period filter", async () => {
    expect(() => partitionedQuery([], (f) => `SELECT 1 FROM t WHERE ${f}`)).toThrow(UnpartitionedQueryError);
    expect(() => partitionedQuery(["2026-01"], () => "SELECT * FROM cur.focus")).toThrow(/does not filter/);
    expect(() => partitionedQuery(["2026-1'"], (f) => `SELECT 1 WHERE ${f}`)).toThrow(/not a billing period/);
    // The runner takes only queries made by partitionedQuery: a string is a type error.
    // @ts-expect-error a plain string is not an AthenaSql
    const unfiltered: Parameters<typeof runAthenaQuery>[2] = "SELECT * FROM cur.focus";
    expect(typeof unfiltered).toBe("string");
    expect(costLinesQuery(TABLE, "pipeline", "2026-01").text).toContain("billing_period IN ('2026-01')");
    expect(() => costLinesQuery("cur.focus; DROP", "pipeline", "2026-01")).toThrow(/database.table/);
  });

  it("scans the partitions of the periods re-read, not the whole export", async () => {
    const sizes = fake.partitionBytes();
    // On the 3rd of February the January invoice is not final: both periods are re-read.
    expect(defaultPeriods(NOW)).toEqual(["2026-01", "2026-02"]);
    const later = new Date("2026-02-20T08:00:00Z");
    expect(defaultPeriods(later)).toEqual(["2026-02"]);
    const summary = await collectAthena(
      { store: athenaStore.store, athena: athena(), now: () => later, estimate },
      { pipelineTag: "pipeline" },
    );
    expect(summary.error).toBeNull();
    expect(fake.queries.map((q) => q.partitions)).toEqual([["2026-02"]]);
    expect(summary.bytesScanned).toBe(sizes.get("2026-02"));
    const recorded = all<{ bytes_scanned: number; cost_usd: number; state: string; query_execution_id: string }>(
      athenaStore,
      "SELECT bytes_scanned, cost_usd, state, query_execution_id FROM athena_queries",
    );
    expect(recorded).toEqual([
      {
        bytes_scanned: sizes.get("2026-02"),
        cost_usd: athenaCostUsd(sizes.get("2026-02") as number),
        state: "SUCCEEDED",
        query_execution_id: "q-1",
      },
    ]);
    // Small queries are billed the 10 MB minimum.
    expect(recorded[0]?.cost_usd).toBe(athenaCostUsd(MIN_BILLED_BYTES));
  });

  it("the monthly cap stops a run before a query would pass it, and nothing is written", async () => {
    const minimum = athenaCostUsd(MIN_BILLED_BYTES);
    // Room for one query, not two: the first runs, the second is refused, the run writes nothing.
    const summary = await collectAthena(
      { store: athenaStore.store, athena: athena({ maxUsdPerMonth: minimum * 1.5 }), now: () => NOW, estimate },
      { pipelineTag: "pipeline", periods: ["2026-01", "2026-02"] },
    );
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/would pass CAIRN_ATHENA_MAX_USD/);
    expect(fake.queries).toHaveLength(1);
    expect(all(athenaStore, "SELECT * FROM cost_lines")).toEqual([]);
    expect(all(athenaStore, "SELECT state FROM athena_queries ORDER BY id")).toEqual([
      { state: "SUCCEEDED" },
      { state: "REFUSED" },
    ]);
    const run = all<{ status: string; error: string }>(athenaStore, "SELECT status, error FROM collection_runs");
    expect(run).toEqual([{ status: "failed", error: summary.error }]);
  });

  it("reports a failure, a cancellation and the workgroup's byte limit, writing nothing", async () => {
    const deps = (over: Partial<AthenaDeps> = {}) => ({
      store: athenaStore.store,
      athena: athena(over),
      now: () => NOW,
      estimate,
    });
    fake.failNext("FAILED", "SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved");
    const failed = await collectAthena(deps(), { pipelineTag: "pipeline", periods: ["2026-01"] });
    expect(failed.error).toMatch(/Athena query q-1 failed: SYNTAX_ERROR/);
    fake.failNext("CANCELLED", "Query was cancelled by user");
    const cancelled = await collectAthena(deps(), { pipelineTag: "pipeline", periods: ["2026-01"] });
    expect(cancelled.error).toMatch(/Athena query q-2 was cancelled: Query was cancelled by user/);
    const limited = await collectAthena(deps({ settings: { workgroup: "tight", outputLocation: "s3://out/" } }), {
      pipelineTag: "pipeline",
      periods: ["2026-01"],
    });
    expect(limited.error).toMatch(/stopped by the workgroup's per-query data limit \(tight\)/);
    expect(all(athenaStore, "SELECT * FROM cost_lines")).toEqual([]);
    expect(all(athenaStore, "SELECT state FROM athena_queries ORDER BY id")).toEqual([
      { state: "FAILED" },
      { state: "CANCELLED" },
      { state: "CANCELLED" },
    ]);
  });

  it("shows the month's Athena queries, bytes and cost beside Cost Explorer's requests", async () => {
    const fx = webFixture({ CAIRN_LOCALE: "fr", CAIRN_ATHENA_MAX_USD: "2" }, NOW);
    try {
      await collectAthena(
        { store: fx.store, athena: athena(), now: () => NOW, estimate },
        { pipelineTag: "pipeline", periods: ["2026-01"] },
      );
      const s = await fx.signIn("viewer");
      const html = await (await s.request("/runs")).text();
      expect(html).toContain('id="tile-athena"');
      expect(html).toContain("Requêtes Athena ce mois-ci");
      expect(html).toContain("plafond mensuel\u00a0: 2,00");
    } finally {
      fx.close();
    }
  });
});
