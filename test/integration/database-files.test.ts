/**
 * Database files that cannot be used as they are: a full disk (a real child process whose file
 * may not grow, `ulimit -f`), a damaged file, and a read-only one under the CLI and the server.
 * Each gives one message naming the file and what to do, never a stack trace.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, mkdtempSync, openSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/open-sqlite";
import * as schema from "../../src/store/schema/index";
import { createApp } from "../../web/app";
import { cairnBin, ROOT, runCairn } from "../helpers/cli";
import { webFixture } from "../helpers/web";

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

function freshDatabase(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), "cairn-db-files-"));
  const db = join(dir, "cairn.db");
  openSqliteStore(db).close();
  return { dir, db };
}

describe("database files Cairn cannot use as they are", { timeout: 180_000 }, () => {
  it("says the disk is full, naming the file, when a write cannot grow it", () => {
    const { dir, db } = freshDatabase();
    // The file may grow by little more than it has: the demo's writes hit the limit.
    const r = spawnSync("sh", ["-c", `trap "" XFSZ; ulimit -f 300; exec "${process.execPath}" "${cairnBin()}" demo`], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", CAIRN_DB: db },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`The database ${db} could not be written: the disk is full`);
    noStack(r.stderr);
  });

  it("says the file is damaged and how to restore it", () => {
    const { dir, db } = freshDatabase();
    // Pages after the header overwritten: SQLite finds the file malformed.
    const fd = openSync(db, "r+");
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, 100);
    closeSync(fd);
    const r = runCairn(["alerts"], { cwd: dir, env: { CAIRN_DB: db } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${db.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}.*(damaged|not a SQLite)`));
    expect(r.stderr).toMatch(/backup|untouched/);
    noStack(r.stderr);
  });

  // Permissions do not stop root: under root (CI), `cairn` runs as nobody (setpriv, util-linux),
  // for whom the file really is read-only; under another user, as that user.
  const asUserWhoCannotWrite = (cwd: string, db: string, args: string[]) => {
    const cairn = [process.execPath, cairnBin(), ...args];
    const [command, ...rest] =
      process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", ...cairn] : cairn;
    const r = spawnSync(command as string, rest, {
      cwd,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: cwd,
        CAIRN_DB: db,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
      encoding: "utf8",
      timeout: 120_000,
    });
    if (r.error) throw r.error;
    return r;
  };

  /**
   * nobody must reach the code to run it: a checkout inside a private folder (`mktemp -d` makes
   * them 0700) is opened for traversal (o+x) while the test runs, then closed again.
   */
  const withCodeReachable = (run: () => void) => {
    const opened: [string, number][] = [];
    if (process.getuid?.() === 0) {
      for (let dir = ROOT; dir !== dirname(dir); dir = dirname(dir)) {
        const mode = statSync(dir).mode & 0o7777;
        if ((mode & 0o001) === 0) {
          chmodSync(dir, mode | 0o001);
          opened.push([dir, mode]);
        }
      }
    }
    try {
      run();
    } finally {
      for (const [dir, mode] of opened) chmodSync(dir, mode);
    }
  };

  it("says the file is read-only, naming it and what to do, when the CLI cannot write it", () =>
    withCodeReachable(() => {
      // The file read-only in a folder anyone may write, then in a read-only folder.
      for (const [folderMode, args] of [
        [0o777, ["demo"]],
        [0o555, ["budget", "list"]],
      ] as const) {
        const { dir, db } = freshDatabase();
        chmodSync(db, 0o444);
        chmodSync(dir, folderMode);
        const r = asUserWhoCannotWrite(dir, db, [...args]);
        expect(r.status).toBe(1);
        expect(r.stdout).toBe("");
        // One line: the command, the file, the cause, what to do.
        expect(r.stderr.trimEnd().split("\n")).toEqual([
          `cairn ${args[0]}: The database ${db} cannot be written: the file (or its folder, which holds its -wal and -shm files) is read-only. ` +
            "Give the user running Cairn write permission on both, or set CAIRN_DB to a writable path.",
        ]);
        chmodSync(dir, 0o755);
      }
    }));

  it("answers 503 with what to do when the server's database is read-only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cairn-db-files-"));
    const db = join(dir, "cairn.db");
    const fixture = webFixture({ CAIRN_DB: db }, new Date(), { dbPath: db });
    const admin = await fixture.signIn("admin");
    // The same file, as a server whose database became read-only would see it.
    const sqlite = new Database(db, { readonly: true });
    const app = createApp({ ...fixture.deps, store: { kind: "sqlite", db: drizzle(sqlite, { schema }) } });
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(" "));
    try {
      const res = await app.request("/budgets/delete", {
        method: "POST",
        headers: { cookie: admin.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ name: "Saison", confirm: "yes", _csrf: admin.csrfToken }).toString(),
      });
      expect(res.status).toBe(503);
      expect(await res.text()).toContain(`The database ${db} cannot be written: the file`);
    } finally {
      console.error = original;
      sqlite.close();
      fixture.close();
    }
    expect(errors.join("\n")).toContain("read-only");
    noStack(errors.join("\n"));
  });
});
