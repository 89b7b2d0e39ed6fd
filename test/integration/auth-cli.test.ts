/** `cairn user` and `cairn token` through the real command line, on a temp database. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type CliContext, CliFailure, UsageError } from "../../src/cli/command";
import { tokenCommand } from "../../src/cli/token";
import { userCommand } from "../../src/cli/user";
import { loadConfig } from "../../src/config";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { createApp } from "../../web/app";
import { runCairn } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "cairn-auth-cli-"));
const db = join(dir, "cairn.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cairn(args: string[], input?: string) {
  const result = runCairn(args, { cwd: dir, env: { CAIRN_DB: db }, input: input ?? "" });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

/** The same commands in-process (a spawn costs seconds here), on the same database file. */
async function inProcess(command: typeof userCommand, values: Record<string, string>, positionals: string[]) {
  const opened = openSqliteStore(db);
  const out: string[] = [];
  const ctx = {
    config: loadConfig({ CAIRN_DB: db }),
    openStore: () => opened.store,
    now: () => new Date("2026-11-18T10:00:00Z"),
    out: (t: string) => out.push(t),
    err: (t: string) => out.push(t),
    interactive: false,
    services: {} as CliContext["services"],
  } satisfies CliContext;
  try {
    const status = await command.run(ctx, values, positionals);
    return { status, out: out.join("\n") };
  } catch (error) {
    if (error instanceof UsageError) return { status: 2, out: error.message };
    if (error instanceof CliFailure) return { status: 1, out: error.message };
    throw error;
  } finally {
    opened.close();
  }
}

describe("cairn user and cairn token", () => {
  it("adds users from --password-stdin without echoing the password, and refuses bad input", async () => {
    const added = cairn(
      ["user", "add", "Consultant@Example.org", "--role", "admin", "--password-stdin"],
      "a long enough secret\n",
    );
    expect(added.status).toBe(0);
    expect(added.out).toContain("Saved consultant@example.org as admin.");
    expect(added.out + added.err).not.toContain("a long enough secret");
    const short = cairn(["user", "add", "x@example.org", "--role", "viewer", "--password-stdin"], "short");
    expect(short.status).toBe(1);
    expect(short.err).toContain("at least 12 characters");
    expect((await inProcess(userCommand, { role: "owner" }, ["add", "x@example.org"])).status).toBe(2);
  });

  it("lists users with their roles", async () => {
    const list = await inProcess(userCommand, {}, ["list"]);
    expect(list.out).toMatch(/consultant@example\.org\tadmin/);
    expect(list.out).not.toContain("x@example.org");
  });

  it("asks for a terminal when there is none and no --password-stdin", () => {
    const res = cairn(["user", "add", "y@example.org", "--role", "viewer"]);
    expect(res.status).toBe(1);
    expect(res.err).toContain("--password-stdin");
  });

  it("creates a token that opens the API as its user, and revokes it", async () => {
    const added = cairn(["token", "add", "nightly-export", "--user", "consultant@example.org"]);
    expect(added.status).toBe(0);
    const token = added.out.trim();
    expect(token).toMatch(/^cairn_[\w-]{43}$/);
    expect((await inProcess(tokenCommand, {}, ["list"])).out).toMatch(/nightly-export\tconsultant@example\.org/);

    const opened = openSqliteStore(db);
    const app = createApp({ store: opened.store, config: loadConfig({}), now: () => new Date("2026-11-18T10:00:00Z") });
    const ok = await app.request("/api/v1/costs", { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect((await inProcess(tokenCommand, {}, ["rm", "nightly-export"])).status).toBe(0);
    const revoked = await app.request("/api/v1/costs", { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status).toBe(401);
    opened.close();
    expect((await inProcess(tokenCommand, { user: "nobody@example.org" }, ["add", "x"])).status).toBe(1);
  });

  it("removes a user with their tokens", async () => {
    await inProcess(tokenCommand, { user: "consultant@example.org" }, ["add", "kept-until-user-goes"]);
    expect((await inProcess(userCommand, {}, ["rm", "consultant@example.org"])).status).toBe(0);
    expect((await inProcess(userCommand, {}, ["list"])).out).not.toContain("consultant@example.org");
    expect((await inProcess(tokenCommand, {}, ["list"])).out).not.toContain("kept-until-user-goes");
    expect((await inProcess(userCommand, {}, ["rm", "consultant@example.org"])).status).toBe(1);
  });
});
