/** A database file Cairn must not touch: not SQLite, not Cairn's, or from a newer Cairn. */
export class StoreRefusedError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Refusing to open ${path}: ${reason}. The file was left untouched.`);
    this.name = "StoreRefusedError";
  }
}

/** The database file cannot be used as it is: read-only, the disk full, or the file damaged. */
export class DatabaseFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: "read-only" | "full" | "corrupt" | "cannot-open",
    message: string,
  ) {
    super(message);
    this.name = "DatabaseFileError";
  }
}

/**
 * Names what went wrong with the database file and what to do, from SQLite's error code; null
 * for anything else (a bug, not the file). Used by the CLI and the server alike: no stack trace.
 */
export function describeDatabaseFailure(error: unknown, path: string): DatabaseFileError | null {
  if (error instanceof DatabaseFileError) return error;
  // drizzle wraps the driver's error (`cause`): the SQLite code is found down the chain.
  let cause: unknown = error;
  for (let depth = 0; depth < 5 && cause; depth++) {
    const code = String((cause as { code?: unknown }).code ?? "");
    if (code.startsWith("SQLITE_")) return fromCode(code, cause, path);
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}

function fromCode(code: string, error: unknown, path: string): DatabaseFileError | null {
  if (code.startsWith("SQLITE_READONLY")) {
    return new DatabaseFileError(
      path,
      "read-only",
      `The database ${path} cannot be written: the file (or its folder, which holds its -wal and -shm files) is read-only. ` +
        "Give the user running Cairn write permission on both, or set CAIRN_DB to a writable path.",
    );
  }
  if (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR")) {
    return new DatabaseFileError(
      path,
      "full",
      `The database ${path} could not be written: the disk is full (or the file may not grow). ` +
        "Free some space on that disk (or move CAIRN_DB to one with room), then run the command again; nothing half-written was kept.",
    );
  }
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") {
    return new DatabaseFileError(
      path,
      "corrupt",
      `The database ${path} is damaged (SQLite reports: ${(error as Error).message}). ` +
        "Stop Cairn, keep a copy of the file, and restore your last backup (made with `cairn backup FILE`); " +
        "`sqlite3 FILE .recover` may save what is readable.",
    );
  }
  if (code.startsWith("SQLITE_CANTOPEN")) {
    return new DatabaseFileError(
      path,
      "cannot-open",
      `The database ${path} cannot be opened: check that its folder exists and is readable and writable by this user, or set CAIRN_DB.`,
    );
  }
  return null;
}
