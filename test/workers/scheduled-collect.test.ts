// The job table's collect job in workerd against the fake Cost Explorer and CloudWatch on
// 127.0.0.1 (started in Node by global-setup.ts, which also ran the same job table under Node):
// the 13-month backfill arrives one step per invocation, each step small, and once complete D1
// holds the same cost lines, metrics and footprints as the Node path stored for the same answers.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { readBackfillProgress } from "../../src/jobs/collect-steps";
import { JOB_TABLE } from "../../src/jobs/job-table";
import worker, { d1Store } from "../../src/worker";

const store = d1Store(env as never);
const node = inject("nodeResult");
const collectCron = JOB_TABLE.find((job) => job.name === "collect")?.cron ?? "missing";

async function fire(cron: string, scheduledTime = inject("scheduledTime")): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime }), env as never, ctx);
  await waitOnExecutionContext(ctx);
}

type Cents = Record<string, [number, number]>;

async function storedCents(column: string | null): Promise<Cents> {
  const key = column ?? "'all'";
  const { results } = await env.DB.prepare(
    `SELECT ${key} AS k, sum(unblended_cost_usd) AS u, sum(amortized_cost_usd) AS a FROM cost_lines
     WHERE source = 'cost-explorer' AND day >= ? AND day < ? GROUP BY k`,
  )
    .bind(node.window.from, node.window.to)
    .all<{ k: string; u: number; a: number }>();
  return Object.fromEntries(results.map((r) => [r.k, [Math.round(r.u * 100) / 100, Math.round(r.a * 100) / 100]]));
}

async function runs(
  source = "cost-explorer",
): Promise<{ status: string; from_day: string; to_day: string; error: string | null }[]> {
  return (
    await env.DB.prepare("SELECT status, from_day, to_day, error FROM collection_runs WHERE source = ? ORDER BY id")
      .bind(source)
      .all<never>()
  ).results;
}

const monthsSpanned = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7)) +
  (to.slice(8) === "01" ? 0 : 1);

describe("scheduled collection on D1", () => {
  it("a cron that is not in the job table fails the invocation and runs nothing", async () => {
    await expect(fire("0 0 * * *")).rejects.toThrow(/no job of the job table/);
    expect(await runs()).toEqual([]);
  });

  it("backfills step by step, then stores the same totals as the Node path", async () => {
    let steps = 0;
    for (; steps < 20; steps++) {
      await fire(collectCron);
      const progress = await readBackfillProgress(store);
      expect(progress).not.toBeNull();
      if (progress && progress.remainingTo <= progress.from) break;
    }
    steps += 1;
    // The previous and current month first, then the 12 older months one by one.
    expect(steps).toBe(13);
    const done = await runs();
    expect(done.map((r) => r.status)).toEqual(Array(13).fill("succeeded"));
    for (const run of done) expect(monthsSpanned(run.from_day, run.to_day)).toBeLessThanOrEqual(2);
    expect(done[0]).toMatchObject({ from_day: "2026-10-01", to_day: "2026-11-18" });
    expect(done[12]).toMatchObject({ from_day: node.window.from, to_day: "2025-11-01" });

    expect(await storedCents(null)).toEqual(node.cents.all);
    expect((await storedCents(null)).all).toEqual(node.truthCents);
    expect(await storedCents("account_id")).toEqual(node.cents.account_id);
    expect(await storedCents("service")).toEqual(node.cents.service);
    expect(await storedCents("pipeline")).toEqual(node.cents.pipeline);
    const totals = await env.DB.prepare(
      "SELECT count(*) AS n, coalesce(sum(f.co2e_grams), 0) AS g FROM cost_lines l LEFT JOIN footprints f ON f.cost_line_id = l.id",
    ).first<{ n: number; g: number }>();
    expect(totals?.n).toBe(node.lines);
    expect(totals?.g).toBeGreaterThan(0);
    expect(totals?.g).toBeCloseTo(node.co2eGrams, 3);

    // The same job table ran CloudWatch after each step, as under Node: same daily rows.
    const cloudWatchRuns = await runs("cloudwatch");
    expect(cloudWatchRuns.length).toBe(13);
    expect(cloudWatchRuns.every((r) => r.status === "succeeded")).toBe(true);
    const metrics = await env.DB.prepare("SELECT count(*) AS n, total(average) AS v FROM metric_days").first<{
      n: number;
      v: number;
    }>();
    expect(node.metricDays.rows).toBeGreaterThan(0);
    expect(metrics?.n).toBe(node.metricDays.rows);
    expect(metrics?.v).toBeCloseTo(node.metricDays.total, 6);
  });

  it("after the backfill, the request budget holds as under Node, and the next morning runs incrementally", async () => {
    const before = await storedCents(null);
    const runsBefore = (await runs()).length;
    // Another run the same day is an extra refresh: the month's remaining mornings need the requests.
    await fire(collectCron);
    expect((await runs()).length).toBe(runsBefore);
    // The next morning: October was seen final (no Estimated day), so only the trailing 3 days are read again.
    await fire(collectCron, inject("scheduledTime") + 86_400_000);
    const last = (await runs()).at(-1);
    expect(last).toMatchObject({ status: "succeeded", from_day: "2026-11-16", to_day: "2026-11-19" });
    expect(await storedCents(null)).toEqual(before);
  });
});
