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
