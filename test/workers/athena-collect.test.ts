// Collection on Athena from inside workerd, over D1: the SDK's Athena client signs and pages
// against the stand-in on 127.0.0.1 (started in Node by athena-setup.ts), and D1 ends up with the
// same FOCUS cost lines as the Node path stored from the same answers; a query the cap refuses
// writes nothing there either. The export's table is read from the stand-in Glue first (GetTable,
// signed for glue), from inside workerd too.

import { env } from "cloudflare:workers";
import { AthenaClient } from "@aws-sdk/client-athena";
import { GlueClient } from "@aws-sdk/client-glue";
import { describe, expect, inject, it } from "vitest";
import { athenaCostUsd } from "../../collectors/athena/cost";
import { resourceChangesOnAthena, resourceDetailOnAthena, topResourcesOnAthena } from "../../src/jobs/athena-resources";
import { collectAthena } from "../../src/jobs/collect-athena";
import type { CostLine } from "../../src/model";
import { d1Store } from "../../src/worker";

const store = d1Store(env as never);
const client = new AthenaClient({
  endpoint: inject("athenaEndpoint"),
  region: "eu-west-3",
  credentials: { accessKeyId: "AKIDCAIRNTEST", secretAccessKey: "cairn-test-secret" },
  maxAttempts: 1,
});
const glue = new GlueClient({
  endpoint: inject("athenaEndpoint"),
  region: "eu-west-3",
  credentials: { accessKeyId: "AKIDCAIRNTEST", secretAccessKey: "cairn-test-secret" },
  maxAttempts: 1,
});
let tick = 0;
const now = () => new Date(inject("athenaNow") + 1000 * tick++);
const athena = (maxUsdPerMonth: number) => ({
  client,
  glue,
  settings: { workgroup: "cairn", outputLocation: "s3://cairn-athena-results/queries/" },
  table: "cur.focus_export",
  maxUsdPerMonth,
  sleep: async () => undefined,
});
const estimate = (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null }));
const args = { pipelineTag: "pipeline", backfillMonths: 2, maxErrors: 0, periods: ["2026-01", "2026-02"] };

async function focusLines() {
  return (
    await env.DB.prepare(
      `SELECT day, account_id, service, region, usage_type, pipeline, round(unblended_cost_usd, 9) AS cost
       FROM cost_lines WHERE source = 'focus' ORDER BY day, account_id, service, region, usage_type, pipeline`,
    ).all()
  ).results;
}

describe("collection on Athena from a Worker", () => {
  it("stores in D1 the same cost lines as the Node path, and a capped run writes nothing", async () => {
    const summary = await collectAthena({ store, athena: athena(5), now, estimate }, args);
    expect(summary.error).toBeNull();
    const expected = inject("athenaNodeLines");
    expect(expected.length).toBeGreaterThan(100);
    expect(await focusLines()).toEqual(expected);
    // The month's spending now leaves no room for another query: nothing sent, nothing changed.
    const capped = await collectAthena({ store, athena: athena(athenaCostUsd(0) * 2.5), now, estimate }, args);
    expect(capped.errorKind).toBe("athena-cap");
    expect(await focusLines()).toEqual(expected);
    const runs = (
      await env.DB.prepare("SELECT status, error_kind FROM collection_runs WHERE source = 'athena' ORDER BY id").all()
    ).results;
    expect(runs).toEqual([
      { status: "succeeded", error_kind: null },
      { status: "failed", error_kind: "athena-cap" },
    ]);
  });

  /**
   * Amounts to the nano-dollar (or nano-gram): the stand-in's DuckDB sums in parallel, in no set
   * order, so two runs of the same query may differ in the last bit (7.9295999999999990 against
   * ...980); anything larger is a real difference.
   */
  const toNanos = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (_key, v) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v));

  it("answers the Resources views on Athena over D1 as the Node path does, and caches them in D1", async () => {
    const summary = await collectAthena({ store, athena: athena(5), now, estimate }, args);
    expect(summary.error).toBeNull();
    const session = { store, athena: athena(5), now };
    const view = { from: "2026-02-01", to: "2026-03-01", pipelineTag: "pipeline" };
    const { cached: _t, ...top } = await topResourcesOnAthena(session, { ...view, by: "cost", limit: 10 });
    const { cached: _c, ...changes } = await resourceChangesOnAthena(session, view);
    const found = await resourceDetailOnAthena(session, { ...view, resourceId: "i-0abc" });
    const { cached: _d, ...detail } = found ?? { cached: false };
    expect(top.resources.length).toBeGreaterThan(0);
    expect(toNanos({ top, changes, detail })).toEqual(toNanos(JSON.parse(inject("athenaNodeViews"))));
    // Asked again: from D1's cache, nothing sent.
    expect((await topResourcesOnAthena(session, { ...view, by: "co2e", limit: 3 })).cached).toBe(true);
    expect((await resourceDetailOnAthena(session, { ...view, resourceId: "i-0abc" }))?.cached).toBe(true);
  });
});
