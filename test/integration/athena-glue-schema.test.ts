/**
 * The export's table is read from Glue (GetTable, signed for `glue`) before any Athena query: a
 * table Cairn cannot read stops the run with a sentence that names the problem, with nothing
 * scanned or written, and a later FOCUS version's column names are read as the local import reads
 * them, giving the same cost lines from the same files.
 */
import { asc, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { TableSchemaError } from "../../collectors/athena/table-schema";
import { topResourcesOnAthena } from "../../src/jobs/athena-resources";
import { collectAthena } from "../../src/jobs/collect-athena";
import { importFocus } from "../../src/jobs/import-focus";
import { recentAthenaQueries } from "../../src/store/athena-queries";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { recentRuns } from "../../src/store/runs";
import { costLines } from "../../src/store/schema/index";
import { type AthenaHarness, focusMonth, noFootprint, startAthenaHarness } from "../helpers/athena-harness";
import type { GlueShape } from "../helpers/fake-athena";

const NOW = new Date("2026-03-10T12:00:00Z");
let tick = 0;
const now = () => new Date(NOW.getTime() + 1000 * tick++);
const args = { pipelineTag: "pipeline", backfillMonths: 2, maxErrors: 0, periods: ["2026-01", "2026-02"] };

let harness: AthenaHarness;
const opened: OpenedStore[] = [];
const store = () => {
  const o = openSqliteStore(":memory:");
  opened.push(o);
  return o;
};
afterEach(async () => {
  for (const o of opened.splice(0)) o.close();
  await harness.close();
});

function lines(o: OpenedStore) {
  return o.store.db
    .select({
      day: costLines.day,
      accountId: costLines.accountId,
      service: costLines.service,
      region: costLines.region,
      usageType: costLines.usageType,
      pipeline: costLines.pipeline,
      cost: sql<number>`round(${costLines.unblendedCostUsd}, 9)`,
      usage: sql<number>`round(${costLines.usageAmount}, 6)`,
    })
    .from(costLines)
    .orderBy(asc(costLines.day), asc(costLines.accountId), asc(costLines.service), asc(costLines.usageType))
    .all();
}

async function refused(edit: (shape: GlueShape) => GlueShape | null, expected: RegExp) {
  harness = await startAthenaHarness([...focusMonth("2026-01"), ...focusMonth("2026-02")]);
  harness.fake.setGlueTable(edit(await harness.fake.glueTable()));
  const o = store();
  const summary = await collectAthena({ store: o.store, athena: harness.athena(), now, estimate: noFootprint }, args);
  expect(summary.status).toBe("failed");
  expect(summary.errorKind).toBe("athena-schema");
  expect(summary.error).toMatch(expected);
  // Glue was asked; Athena never was; nothing was written or spent.
  expect(harness.fake.operations).toContain("glue:GetTable");
  expect(harness.fake.operations).not.toContain("StartQueryExecution");
  expect(harness.fake.queries).toEqual([]);
  expect(lines(o)).toEqual([]);
  expect(await recentAthenaQueries(o.store)).toEqual([]);
  const [run] = await recentRuns(o.store, 1);
  expect([run?.source, run?.status, run?.errorKind]).toEqual(["athena", "failed", "athena-schema"]);
  return o;
}

describe("the export's Glue table", () => {
  it("is read before the first query, and an AWS FOCUS export's table passes", async () => {
    harness = await startAthenaHarness([...focusMonth("2026-01"), ...focusMonth("2026-02")]);
    const o = store();
    const summary = await collectAthena({ store: o.store, athena: harness.athena(), now, estimate: noFootprint }, args);
    expect(summary.status).toBe("succeeded");
    expect(harness.fake.operations.indexOf("glue:GetTable")).toBeLessThan(
      harness.fake.operations.indexOf("StartQueryExecution"),
    );
    expect(harness.fake.violations).toEqual([]);
  });

  it("a missing column stops the run before anything is scanned, and names the column", async () => {
    await refused(
      (s) => ({ ...s, columns: s.columns.filter((c) => c.Name !== "billedcost" && c.Name !== "chargeperiodstart") }),
      /Glue table cur\.focus_export \(CAIRN_ATHENA_TABLE\).*no column BilledCost, ChargePeriodStart/,
    );
  });

  it("a table not partitioned by billing period is refused, rather than scanned whole", async () => {
    await refused(
      (s) => ({
        ...s,
        partitionKeys: [
          { Name: "year", Type: "string" },
          { Name: "month", Type: "string" },
        ],
      }),
      /partition keys are year, month, where Cairn expects billing_period/,
    );
  });

  it("a table Glue does not know is said as such", async () => {
    await refused(() => null, /Glue Data Catalog has no table cur\.focus_export \(CAIRN_ATHENA_TABLE\)/);
  });

  it("the Resources views need ResourceId: refused with the reason, nothing sent", async () => {
    harness = await startAthenaHarness([...focusMonth("2026-02")]);
    const shape = await harness.fake.glueTable();
    harness.fake.setGlueTable({ ...shape, columns: shape.columns.filter((c) => c.Name !== "resourceid") });
    const o = store();
    await expect(
      topResourcesOnAthena(
        { store: o.store, athena: harness.athena(), now },
        { from: "2026-02-01", to: "2026-03-01", by: "cost", limit: 5, pipelineTag: "pipeline" },
      ),
    ).rejects.toThrow(TableSchemaError);
    expect(harness.fake.queries).toEqual([]);
  });

  it("a later FOCUS version's names (ServiceProviderName, SkuMeter, no x_ columns) give the local import's lines", async () => {
    harness = await startAthenaHarness([...focusMonth("2026-01"), ...focusMonth("2026-02")], {
      layout: { rename: { ProviderName: "ServiceProviderName", x_UsageType: "SkuMeter" }, drop: ["x_ServiceCode"] },
    });
    const columns = (await harness.fake.glueTable()).columns.map((c) => c.Name);
    expect(columns).toContain("serviceprovidername");
    expect(columns).not.toContain("providername");
    expect(columns).not.toContain("x_usagetype");
    const local = store();
    const imported = await importFocus(
      { store: local.store, now, estimate: noFootprint },
      { target: harness.root, pipelineTag: "pipeline", maxErrors: 0 },
    );
    expect(imported.status).toBe("succeeded");
    const viaAthena = store();
    const summary = await collectAthena(
      { store: viaAthena.store, athena: harness.athena(), now, estimate: noFootprint },
      args,
    );
    expect(summary.error).toBeNull();
    const expected = lines(local);
    expect(expected.length).toBeGreaterThan(200);
    // The usage types came from SkuMeter, not from the charge description.
    expect(expected.some((l) => l.usageType === "EUW3-BoxUsage:t3.micro")).toBe(true);
    expect(lines(viaAthena)).toEqual(expected);
  });
});
