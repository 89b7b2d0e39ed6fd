/**
 * A file that cannot be read as a whole (truncated, corrupt, a decompression bomb): the import
 * refuses it and writes nothing, and the job names the file in the message. Distinct from a bad
 * row, which is reported and skipped.
 */
export class DamagedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DamagedFileError";
  }
}

/** zlib's own errors (`Z_BUF_ERROR` "unexpected end of file", `Z_DATA_ERROR`...) carry a `Z_` code. */
export function gzipError(error: Error): DamagedFileError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (error instanceof DamagedFileError || !code.startsWith("Z_")) return error as DamagedFileError;
  return new DamagedFileError(`gzip data is damaged or truncated (${error.message}); nothing was imported from it`);
}

export function parquetError(error: unknown): Error {
  if (error instanceof DamagedFileError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DamagedFileError(`Parquet data is damaged or truncated (${message}); nothing was imported from it`);
}
