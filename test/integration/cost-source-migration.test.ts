/**
 * Upgrading a database written before the rollups carried `source`: migration 0007 must rebuild
 * them so every view (by source or not) again equals a bare aggregate of the lines, and the
 * triggers must keep marking days afterwards.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, beforeEach, expect, it } from "vitest";
import { upsertCostLines } from "../../src/store/cost-lines";
import { MIGRATIONS_FOLDER, openSqliteStore } from "../../src/store/open-sqlite";
import { costsBy } from "../../src/store/read/costs";
import { readDb } from "../../src/store/store";
import { line, unestimated } from "../helpers/lines";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cairn-source-migration-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder that stops before `0007_cost-source`. */
function migrationsBeforeSource(): string {
  const folder = join(dir, "migrations");
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === "0007_cost-source");
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

it("rebuilds the rollups with their source when an older database is opened", async () => {
  const path = join(dir, "cairn.db");
  const old = new Database(path);
  migrate(drizzle(old), { migrationsFolder: migrationsBeforeSource() });
  old.prepare("INSERT INTO cairn_meta (key, value) VALUES ('app', 'cairn'), ('schema_version', '7')").run();
  const insert = old.prepare(
    `INSERT INTO cost_lines (day, account_id, service, region, usage_type, pipeline, unblended_cost_usd,
      amortized_cost_usd, usage_amount, usage_unit, estimated, source, collected_at)
     VALUES (?, '111111111111', 'AWS Lambda', 'eu-west-3', ?, '', ?, ?, 1, 'h', 0, ?, '2026-11-01T00:00:00Z')`,
  );
  insert.run("2026-10-01", "A", 1.5, 1.5, "cost-explorer");
  insert.run("2026-10-01", "B", 0.25, 0.25, "focus");
  insert.run("2026-10-20", "A", 2, 2, "focus");
  // The old rollup, as the old code left it: refreshed, nothing marked, no source column.
  old
    .prepare(
      `INSERT INTO cost_daily (day, account_id, service, region, pipeline, unblended_cost_usd, amortized_cost_usd,
        co2e_grams, market_co2e_grams, energy_kwh, lines)
       SELECT day, account_id, service, region, pipeline, sum(unblended_cost_usd), sum(amortized_cost_usd), 0, 0, 0, count(*)
       FROM cost_lines GROUP BY day, account_id, service, region, pipeline`,
    )
    .run();
  old.prepare("DELETE FROM cost_rollup_dirty").run();
  old.close();

  const opened = openSqliteStore(path);
  try {
    const period = { from: "2026-10-01", to: "2026-11-01" };
    // Migration 0010 applies precedence too: on the 1st both sources cover the account and the
    // FOCUS month is not complete, so Cost Explorer counts there and FOCUS's 0.25 does not.
    const bySource = await costsBy(readDb(opened.store), { period, groupBy: "source" });
    expect(bySource.rows.map(({ key, costUsd, lines }) => ({ key, costUsd, lines }))).toEqual([
      { key: "focus", costUsd: 2, lines: 1 },
      { key: "cost-explorer", costUsd: 1.5, lines: 1 },
    ]);
    const focusOnly = await costsBy(readDb(opened.store), { period, groupBy: "day", filters: { source: "focus" } });
    expect(focusOnly.rows.map((r) => [r.key, r.costUsd])).toEqual([["2026-10-20", 2]]);

    // The triggers still mark days after the tables were recreated.
    await upsertCostLines(
      opened.store,
      unestimated([line({ day: "2026-10-05", usageType: "C", unblendedCostUsd: 4, source: "cost-explorer" })]),
      "2026-11-02T00:00:00Z",
    );
    const after = await costsBy(readDb(opened.store), { period, groupBy: "source" });
    expect(after.rows.map((r) => [r.key, r.costUsd])).toEqual([
      ["cost-explorer", 5.5],
      ["focus", 2],
    ]);
  } finally {
    opened.close();
  }
});
