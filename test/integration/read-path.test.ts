/**
 * Reads never wait on writes: while another process holds the database's write lock (a large
 * import in its transaction), API calls with a token and pages answer at once, because nothing
 * on the read path writes (token use is stamped later, without waiting; rollups are refreshed by
 * the writers).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli";
import { until } from "../helpers/smtp";
import { webFixture } from "../helpers/web";

const holders: ChildProcess[] = [];
afterEach(() => {
  for (const h of holders.splice(0)) h.kill("SIGKILL");
});

/** Another process that takes the write lock (as an import's transaction does) and keeps it until killed. */
async function holdWriteLock(db: string): Promise<ChildProcess> {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(db)});
    db.exec("BEGIN IMMEDIATE");
    db.prepare("INSERT OR IGNORE INTO cost_rollup_dirty (day) VALUES ('2026-11-12')").run();
    process.stdout.write("locked\\n");
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", script], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
  holders.push(child);
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  await until(() => out.includes("locked"));
  return child;
}

describe("the read path while another process writes", () => {
  it("answers token API calls and pages without writing, then stamps the token's use once the lock is free", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cairn-read-path-"));
    const fixture = webFixture({}, new Date("2026-11-18T10:00:00Z"), { dbPath: join(dir, "cairn.db") });
    const token = await fixture.token("viewer");
    const viewer = await fixture.signIn("viewer");
    // A day marked for the rollup by a writer that has not refreshed yet: readers leave it be.
    fixture.sqlite.prepare("INSERT INTO cost_rollup_dirty (day) VALUES ('2026-11-10')").run();
    const holder = await holdWriteLock(join(dir, "cairn.db"));

    const api = await fixture.app.request("/api/v1/costs?from=2026-11-01&to=2026-11-19&groupBy=service", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(api.status).toBe(200);
    expect((await viewer.request("/costs")).status).toBe(200);
    expect((await viewer.request("/")).status).toBe(200);
    const stamp = () => fixture.sqlite.prepare("SELECT last_used_at AS at FROM api_tokens").get();
    expect(stamp()).toEqual({ at: null });

    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("close", resolve));
    const again = await fixture.app.request("/api/v1/costs?from=2026-11-01&to=2026-11-19", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(again.status).toBe(200);
    expect(stamp()).toEqual({ at: "2026-11-18T10:00:00.000Z" });
    // Readers left the marked day to the writers.
    expect(fixture.sqlite.prepare("SELECT day FROM cost_rollup_dirty").all()).toEqual([{ day: "2026-11-10" }]);
    fixture.close();
  });
});
