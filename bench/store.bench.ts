/**
 * Store upsert throughput: 200,000 cost lines through `upsertCostLines` (prepared drizzle
 * statement per row, one transaction) against a bare better-sqlite3 prepared INSERT in one
 * transaction into an identical table, both on a fresh file. Target: ratio >= 0.5.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Database from "better-sqlite3";
import { addDays } from "../src/days";
import type { CostLine } from "../src/model";
import { upsertCostLines } from "../src/store/cost-lines";
import { openSqliteStore } from "../src/store/open-sqlite";

const COUNT = 200_000;

function makeLines(count: number): CostLine[] {
  const services = [
    "AWS Lambda",
    "Amazon Simple Storage Service",
    "AmazonCloudWatch",
    "Amazon Relational Database Service",
  ];
  const out: CostLine[] = [];
  for (let i = 0; i < count; i++) {
    out.push({
      day: addDays("2024-01-01", i % 1000),
      accountId: `1111111111${String(i % 7).padStart(2, "0")}`,
      service: services[i % 4] ?? "AWS Lambda",
      region: "eu-west-3",
      usageType: `EUW3-Usage-${Math.floor(i / 1000) % 200}`,
      pipeline: ["temperatures", "camera-traps", "website", ""][i % 4] ?? "",
      unblendedCostUsd: (i % 997) * 0.013,
      amortizedCostUsd: (i % 997) * 0.013,
      usageAmount: i % 5000,
      usageUnit: "Hrs",
      estimated: false,
      source: "cost-explorer",
    });
  }
  return out;
}

/** Seconds to insert every line with one bare prepared statement in one transaction. */
function timeBareInsert(sqlite: Database.Database, table: string, lines: CostLine[]): number {
  const insert = sqlite.prepare(
    `INSERT INTO ${table} (day, account_id, service, region, usage_type, pipeline, unblended_cost_usd,
      amortized_cost_usd, usage_amount, usage_unit, estimated, source, collected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = performance.now();
  sqlite.transaction(() => {
    for (const l of lines) {
      insert.run(
        l.day,
        l.accountId,
        l.service,
        l.region,
        l.usageType,
        l.pipeline,
        l.unblendedCostUsd,
        l.amortizedCostUsd,
        l.usageAmount,
        l.usageUnit,
        l.estimated ? 1 : 0,
        l.source,
        "2026-01-01T00:00:00Z",
      );
    }
  })();
  return (performance.now() - start) / 1000;
}

export async function bench(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "cairn-bench-store-"));
  const lines = makeLines(COUNT);
  try {
    // Baseline: the same table (created by the real migrations), a bare prepared INSERT.
    const bare = openSqliteStore(join(dir, "bare.db"));
    const bareSeconds = timeBareInsert(bare.sqlite, "cost_lines", lines);
    // The same insert into a copy of the table without the rollup triggers: what they cost.
    bare.sqlite.exec("CREATE TABLE plain_lines AS SELECT * FROM cost_lines WHERE 0");
    bare.sqlite.exec(
      "CREATE UNIQUE INDEX plain_key ON plain_lines (day, account_id, service, region, usage_type, pipeline)",
    );
    const plainSeconds = timeBareInsert(bare.sqlite, "plain_lines", lines);
    bare.close();

    let start: number;
    const opened = openSqliteStore(join(dir, "store.db"));
    const items = lines.map((line) => ({ line, footprint: null }));
    start = performance.now();
    await upsertCostLines(opened.store, items, "2026-01-01T00:00:00Z");
    const storeSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    await upsertCostLines(opened.store, items, "2026-01-02T00:00:00Z");
    const rewriteSeconds = (performance.now() - start) / 1000;
    opened.close();

    const bareRate = COUNT / bareSeconds;
    const storeRate = COUNT / storeSeconds;
    log(`cost lines:                ${COUNT.toLocaleString("en")}`);
    log(`bare better-sqlite3 insert: ${Math.round(bareRate).toLocaleString("en")} rows/s (into cost_lines)`);
    log(`  same, table without the rollup triggers: ${Math.round(COUNT / plainSeconds).toLocaleString("en")} rows/s`);
    log(`store upsert (new lines):  ${Math.round(storeRate).toLocaleString("en")} rows/s`);
    log(`store upsert (rewrite):    ${Math.round(COUNT / rewriteSeconds).toLocaleString("en")} rows/s`);
    log(`ratio store/bare:          ${(storeRate / bareRate).toFixed(2)} (target >= 0.50)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
