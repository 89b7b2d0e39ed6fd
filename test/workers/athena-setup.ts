/**
 * Node side of the Worker's Athena test: the stand-in Athena over a FOCUS export (DuckDB cannot
 * run in workerd), and the cost lines the Node path stores from it, for the Worker to match.
 */
import type { TestProject } from "vitest/node";
import { resourceChangesOnAthena, resourceDetailOnAthena, topResourcesOnAthena } from "../../src/jobs/athena-resources";
import { collectAthena } from "../../src/jobs/collect-athena";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { focusMonth, noFootprint, startAthenaHarness } from "../helpers/athena-harness";

export const ATHENA_NOW = "2026-03-10T12:00:00.000Z";

export async function provideAthena(project: TestProject): Promise<() => Promise<void>> {
  const harness = await startAthenaHarness([...focusMonth("2026-01"), ...focusMonth("2026-02")], {
    secretAccessKey: "cairn-test-secret",
  });
  const opened = openSqliteStore(":memory:");
  try {
    const summary = await collectAthena(
      { store: opened.store, athena: harness.athena(), now: () => new Date(ATHENA_NOW), estimate: noFootprint },
      { pipelineTag: "pipeline", backfillMonths: 2, maxErrors: 0, periods: ["2026-01", "2026-02"] },
    );
    if (summary.status !== "succeeded") throw new Error(`Node Athena collection failed: ${summary.error}`);
    const lines = opened.sqlite
      .prepare(
        `SELECT day, account_id, service, region, usage_type, pipeline, round(unblended_cost_usd, 9) AS cost
         FROM cost_lines WHERE source = 'focus' ORDER BY day, account_id, service, region, usage_type, pipeline`,
      )
      .all() as {
      day: string;
      account_id: string;
      service: string;
      region: string;
      usage_type: string;
      pipeline: string;
      cost: number;
    }[];
    // The Resources views of February on Athena, as the Node path answers them (the Worker must match).
    const session = { store: opened.store, athena: harness.athena(), now: () => new Date(ATHENA_NOW) };
    const view = { from: "2026-02-01", to: "2026-03-01", pipelineTag: "pipeline" };
    const { cached: _t, ...top } = await topResourcesOnAthena(session, { ...view, by: "cost", limit: 10 });
    const { cached: _c, ...changes } = await resourceChangesOnAthena(session, view);
    const { cached: _d, ...detail } = (await resourceDetailOnAthena(session, { ...view, resourceId: "i-0abc" })) ?? {
      cached: false,
    };
    project.provide("athenaNodeViews", JSON.stringify({ top, changes, detail }));
    project.provide("athenaEndpoint", harness.fake.endpoint);
    project.provide("athenaNow", Date.parse(ATHENA_NOW));
    project.provide("athenaNodeLines", lines);
  } finally {
    opened.close();
  }
  return harness.close;
}
