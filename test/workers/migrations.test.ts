// The committed migrations folder (drizzle-kit's output, wrangler's migrations_dir) builds the
// whole schema on D1.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { getTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../src/store/schema/index";

const tables = Object.values(schema)
  .filter((v) => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v)
  .map((t) => getTableConfig(t as SQLiteTable));

async function columnsOf(table: string): Promise<string[]> {
  const { results } = await env.DB.prepare(`SELECT name FROM pragma_table_info(?)`).bind(table).all<{ name: string }>();
  return results.map((r) => r.name).sort();
}

describe("D1 migrations", () => {
  it("create every table of the schema with every column", async () => {
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      expect({ table: table.name, columns: await columnsOf(table.name) }).toEqual({
        table: table.name,
        columns: table.columns.map((c) => c.name).sort(),
      });
    }
  });

  it("are recorded, so applying them again changes nothing", async () => {
    const before = await env.DB.prepare("SELECT name FROM d1_migrations ORDER BY id").all<{ name: string }>();
    expect(before.results.map((r) => r.name)).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    const after = await env.DB.prepare("SELECT count(*) AS n FROM d1_migrations").first<{ n: number }>();
    expect(after?.n).toBe(env.TEST_MIGRATIONS.length);
  });
});
