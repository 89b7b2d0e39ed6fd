import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { StoreRefusedError } from "../../src/store/errors";
import { knownSchemaVersion, openSqliteStore } from "../../src/store/open-sqlite";

const tempDir = () => mkdtempSync(join(tmpdir(), "cairn-store-"));

describe("opening the database", () => {
  it("creates the file (and its folder), migrates it, and opens it again", () => {
    const path = join(tempDir(), "nested", "cairn.db");
    const first = openSqliteStore(path);
    const mode = first.sqlite.pragma("journal_mode", { simple: true });
    first.close();
    expect(mode).toBe("wal");
    const again = openSqliteStore(path);
    const version = again.sqlite.prepare("SELECT value FROM cairn_meta WHERE key = 'schema_version'").get() as {
      value: string;
    };
    again.close();
    expect(Number(version.value)).toBe(knownSchemaVersion());
  });

  it("refuses a file that is not SQLite and leaves it byte for byte intact", () => {
    const path = join(tempDir(), "notes.db");
    const content = "my precious notes\n".repeat(100);
    writeFileSync(path, content);
    expect(() => openSqliteStore(path)).toThrow(StoreRefusedError);
    expect(() => openSqliteStore(path)).toThrow(/not a SQLite database/);
    expect(readFileSync(path, "utf8")).toBe(content);
  });

  it("refuses another application's SQLite database and leaves it intact", () => {
    const path = join(tempDir(), "other.db");
    const other = new Database(path);
    other.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 42.5);");
    other.close();
    const before = readFileSync(path);
    expect(() => openSqliteStore(path)).toThrow(/not a Cairn one/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("refuses a database written by a newer Cairn", () => {
    const path = join(tempDir(), "newer.db");
    openSqliteStore(path).close();
    const raw = new Database(path);
    raw.prepare("UPDATE cairn_meta SET value = ? WHERE key = 'schema_version'").run(String(knownSchemaVersion() + 5));
    raw.close();
    expect(() => openSqliteStore(path)).toThrow(/newer Cairn/);
  });
});
