/**
 * Collections from two real processes on one database file, against a local Cost Explorer that
 * can hold its answers: one collection at a time (the lock row), the request cap counted from
 * the store at each request, and a collection killed mid-run closed as "interrupted": at once
 * when its process is gone from this host, at the end of its lease otherwise.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { startCairn } from "../helpers/cli";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import { TEST_CREDENTIALS } from "../helpers/cost-explorer-harness";
import { type FakeCostExplorer, startFakeCostExplorer } from "../helpers/fake-cost-explorer";
import { until } from "../helpers/smtp";

const fakes: FakeCostExplorer[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) {
    f.release();
    await f.close();
  }
});

async function setup(cap: number) {
  const dir = mkdtempSync(join(tmpdir(), "cairn-collect-procs-"));
  const db = join(dir, "cairn.db");
  openSqliteStore(db).close();
  const today = new Date().toISOString().slice(0, 10);
  const fake = await startFakeCostExplorer({
    dataset: {
      records: demoLikeRecords({ from: `${today.slice(0, 7)}-01`, to: today, seed: 3 }),
      estimated: () => true,
    },
  });
  fakes.push(fake);
  const env = {
    CAIRN_DB: db,
    CAIRN_BACKFILL_MONTHS: "1",
    CAIRN_CE_MAX_REQUESTS: String(cap),
    AWS_ENDPOINT_URL_COST_EXPLORER: fake.endpoint,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_REGION: "us-east-1",
  };
  const sql = (text: string) => {
    const raw = new Database(db);
    try {
      return raw.prepare(text).all() as Record<string, unknown>[];
    } finally {
      raw.close();
    }
  };
  const exec = (text: string) => {
    const raw = new Database(db);
    try {
      raw.prepare(text).run();
    } finally {
      raw.close();
    }
  };
  return { dir, db, fake, env, sql, exec };
}

describe("collections from two processes on one database", { timeout: 180_000 }, () => {
  it("runs one collection at a time: the second process is refused while the first runs, and the cap holds", async () => {
    const s = await setup(6);
    s.fake.hold();
    const first = startCairn(["collect", "--source", "cost-explorer"], { cwd: s.dir, env: s.env });
    await until(() => s.fake.arrived() >= 1);
    const second = startCairn(["collect", "--source", "cost-explorer"], { cwd: s.dir, env: s.env });
    const refused = await second.done;
    s.fake.release();
    const done = await first.done;
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/a collection is already running on this database/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect(done.stderr).toBe("");
    expect(done.status).toBe(0);
    // What reached AWS is what is recorded, and never more than the cap.
    const recorded = Number(s.sql("SELECT count(*) AS n FROM api_requests")[0]?.n);
    expect(recorded).toBe(s.fake.requests.length);
    expect(recorded).toBeLessThanOrEqual(6);
    expect(s.sql("SELECT count(*) AS n FROM job_locks")[0]?.n).toBe(0);
  });

  it("counts requests another process recorded during the run against the cap", async () => {
    const s = await setup(6);
    s.fake.hold();
    const run = startCairn(["collect", "--source", "cost-explorer"], { cwd: s.dir, env: s.env });
    await until(() => s.fake.arrived() >= 1);
    // Meanwhile another process spends four of the month's requests (a Worker on the same D1, say).
    const at = new Date().toISOString();
    for (let i = 0; i < 4; i++)
      s.exec(
        `INSERT INTO api_requests (api, operation, units, cost_usd, at) VALUES ('cost-explorer', 'GetCostAndUsage', 1, 0.01, '${at}')`,
      );
    s.fake.release();
    const done = await run.done;
    const total = Number(s.sql("SELECT sum(units) AS n FROM api_requests WHERE api = 'cost-explorer'")[0]?.n);
    expect(total).toBeLessThanOrEqual(6);
    expect(done.status).toBe(1);
    expect(done.stderr).toMatch(/request cap/);
  });

  it("closes a collection killed mid-run on another host as failed, interrupted, once its lease ran out", async () => {
    const s = await setup(300);
    s.fake.hold();
    const run = startCairn(["collect", "--source", "cost-explorer"], { cwd: s.dir, env: s.env });
    await until(() => s.fake.arrived() >= 1);
    run.child.kill("SIGKILL");
    await run.done;
    expect(s.sql("SELECT status FROM collection_runs")).toEqual([{ status: "running" }]);
    // As if it had run on another host (its process cannot be looked up from here), and time
    // passes beyond its leases (its lock and its run).
    s.exec("UPDATE job_locks SET holder = '00000000-0000-0000-0000-000000000000@another-host:1'");
    const blocked = startCairn(["collect", "--source", "cost-explorer"], { cwd: s.dir, env: s.env });
    expect((await blocked.done).stderr).toMatch(/a collection is already running on this database/);
    s.exec("UPDATE job_locks SET until = '2000-01-01T00:00:00.000Z'");
    s.exec("UPDATE collection_runs SET lease_until = '2000-01-01T00:00:00.000Z'");
    s.fake.release();
    const next = startCairn(["collect", "--source", "cost-explorer"], { cwd: s.dir, env: s.env });
    const nextDone = await next.done;
    expect(nextDone.stderr).toBe("");
    expect(nextDone.status).toBe(0);
    const runs = s.sql("SELECT status, error, finished_at FROM collection_runs ORDER BY id");
    expect(runs[0]).toMatchObject({ status: "failed" });
    expect(String(runs[0]?.error)).toMatch(/^interrupted/);
    expect(runs[0]?.finished_at).not.toBeNull();
    expect(runs[1]).toMatchObject({ status: "succeeded" });
  });

  it("does not wait for the lease of a collection killed on this host: the next one takes its lock at once", async () => {
    const s = await setup(300);
    s.fake.hold();
    const run = startCairn(["collect", "--source", "cost-explorer"], { cwd: s.dir, env: s.env });
    await until(() => s.fake.arrived() >= 1);
    const holder = String(s.sql("SELECT holder FROM job_locks")[0]?.holder);
    // The lock names the process holding it, so another process of this host can tell it died.
    expect(holder).toMatch(new RegExp(`@.+:${run.child.pid}$`));
    run.child.kill("SIGKILL");
    await run.done;
    // The dead process's lease has most of its 5 minutes left.
    expect(String(s.sql("SELECT until FROM job_locks")[0]?.until) > new Date(Date.now() + 60_000).toISOString()).toBe(
      true,
    );
    s.fake.release();
    const next = startCairn(["collect", "--source", "cost-explorer"], { cwd: s.dir, env: s.env });
    const nextDone = await next.done;
    expect(nextDone.stderr).toBe("");
    expect(nextDone.status).toBe(0);
    const runs = s.sql("SELECT status, error FROM collection_runs ORDER BY id");
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ status: "failed" });
    expect(String(runs[0]?.error)).toMatch(/^interrupted/);
    expect(runs[1]).toMatchObject({ status: "succeeded" });
    expect(s.sql("SELECT count(*) AS n FROM job_locks")[0]?.n).toBe(0);
  });
});
