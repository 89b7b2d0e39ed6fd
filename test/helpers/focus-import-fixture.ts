/**
 * The setting every FOCUS import test starts from: a fresh in-memory store and an empty temp
 * folder for the export files, both gone after each test.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";

export interface FocusImportFixture {
  /** This test's store (a new one for each test). */
  readonly opened: OpenedStore;
  /** This test's folder for export files. */
  readonly dir: string;
  /** Writes an export file into the folder; returns its path. */
  write(name: string, content: string | ArrayBuffer | Uint8Array): Promise<string>;
}

/** Registers the store and folder for each test of the calling file. */
export function useFocusImportFixture(folderPrefix: string): FocusImportFixture {
  let opened: OpenedStore | null = null;
  let dir: string | null = null;
  beforeEach(async () => {
    opened = openSqliteStore(":memory:");
    dir = await mkdtemp(join(tmpdir(), `${folderPrefix}-`));
  });
  afterEach(async () => {
    opened?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    opened = null;
    dir = null;
  });
  const fixture: FocusImportFixture = {
    get opened() {
      if (!opened) throw new Error("the fixture's store exists only inside a test");
      return opened;
    },
    get dir() {
      if (!dir) throw new Error("the fixture's folder exists only inside a test");
      return dir;
    },
    async write(name, content) {
      const path = join(fixture.dir, name);
      await writeFile(path, typeof content === "string" ? content : Buffer.from(content as ArrayBuffer));
      return path;
    },
  };
  return fixture;
}
