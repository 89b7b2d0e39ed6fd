/**
 * The Resources page at scale: RESOURCES_BENCH_ROWS resource-day rows in SQLite (default
 * 5,000,000: a year of ~14,000 resources), p95 of 20 requests through the app (sign-in, page
 * render and all), beside a bare SQL aggregate (top 50 of a month summed from the lines, one
 * prepared statement) on the same file, as a ratio. Measured for every kind of view the page
 * offers (whole and partial months, spans with no whole month, a year, with and without a
 * pipeline, by cost and by CO2e; each page lists new and gone resources too). Target: page p95
 * under 100 ms, in CPU time always and by the wall clock when the machine is not loaded;
 * `npm run bench` fails otherwise. The file is generated once (bulk inserts in one
 * transaction per day, indexes built after the load, rollup built by SQL) and cached in the OS
 * temp folder for later runs.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, monthOf } from "../src/days";
import { openSqliteStore } from "../src/store/open-sqlite";
import { RESOURCE_ROLLUPS } from "../src/store/resource-rollup";
import { webFixture } from "../test/helpers/web";

const ROWS = Number(process.env.RESOURCES_BENCH_ROWS ?? 5_000_000);
const DAYS = 365;
const FIRST = "2025-11-01";
/** Bump when the generated file's shape changes. */
const FILE_VERSION = 6;

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] as number;
}

/** p95 of the wall clock and of the process's CPU time (ms) over n runs after one warm-up. */
async function timed(n: number, f: () => Promise<unknown> | unknown): Promise<{ wall: number; cpu: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  await f(); // warm
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await f();
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - t);
  }
  return { wall: p95(wall), cpu: p95(cpu) };
}

const TARGET_MS = 100;

/** Writes the bench file (a fresh Cairn database with ROWS resource lines); returns rows and seconds. */
function generate(path: string): { rows: number; resources: number; seconds: number; rollupSeconds: number } {
  const t0 = performance.now();
  let rollupSeconds = 0;
  const opened = openSqliteStore(path);
  const db = opened.store.db.$client;
  const resources = Math.max(1, Math.round(ROWS / DAYS));
  db.pragma("synchronous = OFF");
  // Indexes are built once after the load (far faster than growing them row by row).
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'resource_lines' AND sql IS NOT NULL",
    )
    .all() as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
  const insert = db.prepare(`INSERT INTO resource_lines (billing_account_id, billing_period, day, resource_id,
    account_id, service, region, usage_type, pipeline, usage_unit, unblended_cost_usd, amortized_cost_usd,
    usage_amount, source, energy_kwh, co2e_grams, embodied_co2e_grams, counted)
    VALUES ('999999999999', ?, ?, ?, ?, ?, 'eu-west-3', ?, ?, 'Hrs', ?, ?, 24, 'focus', ?, ?, 0, 1)`);
  const pipelines = ["temperatures", "camera-traps", "website", ""];
  const services = ["Amazon Elastic Compute Cloud", "AWS Lambda", "Amazon Simple Storage Service", "Amazon RDS"];
  let rows = 0;
  for (let d = 0; d < DAYS && rows < ROWS; d++) {
    const day = addDays(FIRST, d);
    db.transaction(() => {
      for (let r = 0; r < resources && rows < ROWS; r++) {
        // Resources live for a while: some start late, some stop early.
        if (r % 50 === 0 && d < r % 300) continue;
        if (r % 70 === 1 && d > 300 + (r % 60)) continue;
        const cost = ((r * 7919 + d * 31) % 1000) / 100;
        insert.run(
          monthOf(day),
          day,
          `arn:aws:ec2:eu-west-3:111122223333:instance/i-${r.toString(16).padStart(8, "0")}`,
          `1111222233${r % 4}3`,
          services[r % 4],
          `EUW3-Usage-${r % 4}`,
          pipelines[r % 4],
          cost,
          cost,
          cost / 10,
          cost * 12,
        );
        rows++;
      }
    })();
  }
  for (const i of indexes) db.exec(i.sql);
  // The rollups the refresh builds (src/store/resource-rollup.ts), by its own statements over
  // every day at once; the lines' footprints are the generated ones (the file has no cost line).
  db.exec("INSERT INTO cost_rollup_dirty (day) SELECT DISTINCT day FROM resource_lines");
  const t1 = performance.now();
  for (const statement of RESOURCE_ROLLUPS) opened.store.db.run(statement);
  rollupSeconds = (performance.now() - t1) / 1000;
  db.exec("DELETE FROM cost_rollup_dirty");
  db.exec(`INSERT INTO resources (resource_id, account_id, name, type, service, region, tags, seen_on, first_day, last_day)
    SELECT resource_id, '', '', 'Instance', '', 'eu-west-3', '{}', max(last_day), min(first_day), max(last_day)
    FROM resource_months GROUP BY resource_id`);
  // The resources' first and last days, as the rollup's last step would have set them.
  db.exec(`UPDATE resources SET name = 'res-' || substr(resource_id, -8), account_id = '111122223333',
    service = 'Amazon Elastic Compute Cloud'`);
  db.pragma("synchronous = NORMAL");
  opened.close();
  return { rows, resources, seconds: (performance.now() - t0) / 1000, rollupSeconds };
}

export async function bench(log: (line: string) => void): Promise<void> {
  const path = join(tmpdir(), `cairn-bench-resources-${ROWS}-v${FILE_VERSION}.db`);
  if (existsSync(path)) {
    log(`cached bench file ${path}`);
  } else {
    const partial = `${path}.partial`;
    rmSync(partial, { force: true });
    const made = generate(partial);
    renameSync(partial, path);
    for (const ext of ["-wal", "-shm"]) rmSync(`${partial}${ext}`, { force: true });
    log(
      `generated ${made.rows.toLocaleString("en")} resource-day rows, ${made.resources.toLocaleString("en")} resources, ${DAYS} days in ${made.seconds.toFixed(0)} s, of which the resource rollups (monthly and running daily sums, a whole year) ${made.rollupSeconds.toFixed(0)} s (cached at ${path})`,
    );
  }
  const fx = webFixture({ CAIRN_LOCALE: "fr" }, new Date("2026-11-02T10:00:00Z"), { dbPath: path });
  const db = fx.store.db.$client;
  const count = (db.prepare("SELECT count(*) AS n FROM resource_lines").get() as { n: number }).n;
  log(`${count.toLocaleString("en")} resource-day rows in the file`);
  const s = await fx.signIn("viewer");
  const bare = db.prepare(`SELECT resource_id, sum(unblended_cost_usd) AS c FROM resource_lines
    WHERE day >= ? AND day < ? GROUP BY resource_id ORDER BY c DESC LIMIT 50`);
  const bareMs = (await timed(20, () => bare.all("2026-06-01", "2026-07-01"))).wall;
  const page = async (path: string) => {
    const res = await s.request(path);
    if (res.status !== 200) throw new Error(`${path}: status ${res.status}`);
    await res.text();
  };
  // Every kind of view the page offers: whole months, partial months, spans across months with
  // no whole month, a year and ragged years; with and without a pipeline; by cost and by CO2e.
  // Each page also lists the resources new and gone in its period.
  const cases: [string, string][] = [
    ["a whole month, by cost (the default view)", "/resources?from=2026-06-01&to=2026-07-01"],
    ["ten days and a pipeline", "/resources?from=2026-06-10&to=2026-06-20&pipeline=camera-traps"],
    ["ten days, by CO2e", "/resources?from=2026-06-10&to=2026-06-20&by=co2e"],
    ["one day, untagged spend", "/resources?from=2026-06-15&to=2026-06-16&pipeline=(none)"],
    [
      "58 days across two months (no whole month), a pipeline",
      "/resources?from=2026-06-02&to=2026-07-30&pipeline=website",
    ],
    ["a whole year, by CO2e", "/resources?from=2025-11-01&to=2026-11-01&by=co2e"],
    [
      "eleven months with ragged ends and a pipeline, by CO2e",
      "/resources?from=2025-11-15&to=2026-10-20&pipeline=temperatures&by=co2e",
    ],
    ["two whole months and a half, by cost", "/resources?from=2026-03-01&to=2026-05-16"],
    [
      "one resource's page, a month",
      `/resources/${encodeURIComponent("arn:aws:ec2:eu-west-3:111122223333:instance/i-00000007")}?from=2026-06-01&to=2026-07-01`,
    ],
  ];
  const load = loadavg();
  const shared = (load[0] ?? 0) > cpus().length;
  log(
    `  bare SQL aggregate, top 50 of a month from the lines: p95 ${bareMs.toFixed(1)} ms (load average ${load.map((x) => x.toFixed(1)).join(" ")} on ${cpus().length} cores)`,
  );
  // Warm every route and query shape first, so the first case does not pay for the JIT.
  for (let i = 0; i < 3; i++) for (const [, path] of cases) await page(path);
  let failed = 0;
  for (const [label, path] of cases) {
    const ms = await timed(20, () => page(path));
    // On a shared machine the wall clock counts other processes' turns; the CPU time does not.
    const met = ms.cpu < TARGET_MS && (shared || ms.wall < TARGET_MS);
    log(
      `  Resources page, ${label}: p95 ${ms.wall.toFixed(1)} ms by the wall clock (${(ms.wall / bareMs).toFixed(2)}x the bare aggregate), ${ms.cpu.toFixed(1)} ms of CPU; target < ${TARGET_MS} ms: ${met ? (ms.wall < TARGET_MS ? "met" : "met in CPU time, NOT by the wall clock on a loaded machine") : "NOT met"}`,
    );
    if (!met) failed++;
  }
  // Not a view the page's form offers (it lists 50), but the API's largest: shown, not a target.
  const most = await timed(20, () => page("/resources?from=2026-03-01&to=2026-05-16&limit=500"));
  log(
    `  (for information) the same with limit=500, the API's largest list: p95 ${most.wall.toFixed(1)} ms by the wall clock, ${most.cpu.toFixed(1)} ms of CPU`,
  );
  if (failed > 0) {
    log(`  FAILED: ${failed} Resources page view(s) over ${TARGET_MS} ms`);
    process.exitCode = 1;
  }
  fx.close();
}
