/**
 * A streaming RFC 4180 CSV reader: text chunks in, records out, in batches (one per chunk) so
 * the per-record cost of an async generator is not paid a million times. Quoted fields may
 * hold commas, doubled quotes and line breaks; `line` is the physical line a record starts on
 * (the header is line 1), so an error can point at the line a spreadsheet shows.
 * Memory: the current chunk plus one unfinished record, itself capped (`maxRecordChars`): an
 * unfinished record is re-parsed from its start as chunks arrive, so without a cap one endless
 * line (a damaged file, a decompression bomb of one byte repeated) costs quadratic time and
 * unbounded memory. A file must end with a line break: a record cut at the end of the file
 * is a truncated file (an interrupted download or copy), not a bad row, and is refused whole.
 */
import { DamagedFileError } from "./focus/damaged-file";

/** A CSV file that cannot be read as a whole: truncated, or a record too long to be real. */
export class CsvFileError extends DamagedFileError {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "CsvFileError";
  }
}

/** Longer than any real FOCUS row (AWS rows with many tags are a few KiB). */
export const MAX_RECORD_CHARS = 1024 * 1024;

export interface CsvRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

interface Parsed {
  fields: string[];
  end: number;
  newlines: number;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Parses one record starting at `start`; null when the buffer ends before the record does. */
function parseRecord(buf: string, start: number, eof: boolean, wanted: readonly boolean[] | null): Parsed | null {
  const len = buf.length;
  const fields: string[] = [];
  let i = start;
  let newlines = 0;
  for (;;) {
    if (i >= len) {
      if (!eof) return null;
      fields.push("");
      return { fields, end: len, newlines };
    }
    let value: string;
    if (buf.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      value = "";
      for (;;) {
        const k = buf.indexOf('"', j);
        if (k === -1) {
          if (!eof) return null;
          // An unterminated quote at the end of the input: keep what there is.
          value += buf.slice(j);
          newlines += countNewlines(buf, j, len);
          j = len;
          break;
        }
        if (k + 1 >= len && !eof) return null;
        newlines += countNewlines(buf, j, k);
        if (buf.charCodeAt(k + 1) === QUOTE) {
          value += buf.slice(j, k + 1);
          j = k + 2;
          continue;
        }
        value += buf.slice(j, k);
        j = k + 1;
        break;
      }
      // Anything between the closing quote and the separator is kept, as lenient readers do.
      let e = j;
      while (e < len) {
        const c = buf.charCodeAt(e);
        if (c === COMMA || c === LF || c === CR) break;
        e++;
      }
      if (e > j) value += buf.slice(j, e);
      i = e;
    } else {
      let e = i;
      while (e < len) {
        const c = buf.charCodeAt(e);
        if (c === COMMA || c === LF || c === CR) break;
        e++;
      }
      // Columns nobody reads are not copied out of the buffer (AWS exports have dozens).
      value = wanted !== null && wanted[fields.length] === false ? "" : buf.slice(i, e);
      i = e;
    }
    fields.push(value);
    if (i >= len) {
      if (!eof) return null;
      return { fields, end: len, newlines };
    }
    const c = buf.charCodeAt(i);
    if (c === COMMA) {
      i++;
      continue;
    }
    // End of record: LF, CRLF or a lone CR.
    if (c === CR) {
      if (i + 1 >= len && !eof) return null;
      i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
    } else {
      i++;
    }
    return { fields, end: i, newlines: newlines + 1 };
  }
}

export interface CsvOptions {
  /**
   * Set once the header is known: unquoted fields at positions marked false come out as "",
   * sparing a copy. Records keep their full field count.
   */
  wanted: readonly boolean[] | null;
  /** Characters one record may span (default MAX_RECORD_CHARS). */
  maxRecordChars?: number;
}

function tooLong(line: number, max: number): CsvFileError {
  return new CsvFileError(
    line,
    `line ${line}: a record longer than ${max.toLocaleString("en")} characters: not a FOCUS export, or a damaged file`,
  );
}

/** Yields the records of each chunk as one batch. Blank lines are skipped (but counted). */
export async function* csvRecordBatches(
  chunks: AsyncIterable<string>,
  options: CsvOptions = { wanted: null },
): AsyncGenerator<CsvRecord[]> {
  let buf = "";
  let line = 1;
  let first = true;
  const max = options.maxRecordChars ?? MAX_RECORD_CHARS;
  /** Every complete record of `buf` as one batch; `buf` keeps the unfinished rest. */
  const drain = (): CsvRecord[] => {
    const batch: CsvRecord[] = [];
    let pos = 0;
    for (;;) {
      const r = parseRecord(buf, pos, false, options.wanted);
      if (!r) break;
      if (!(r.fields.length === 1 && r.fields[0] === "")) batch.push({ fields: r.fields, line });
      line += r.newlines;
      pos = r.end;
    }
    buf = pos > 0 ? buf.slice(pos) : buf;
    return batch;
  };
  for await (const raw of chunks) {
    let chunk = raw;
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    buf = buf.length > 0 ? buf + chunk : chunk;
    const batch = drain();
    if (buf.length > max) throw tooLong(line, max);
    if (batch.length > 0) yield batch;
  }
  // A last record ended by a lone CR (or a CRLF whose LF is missing) still ended.
  if (buf.endsWith("\r")) {
    buf += "\n";
    const batch = drain();
    if (batch.length > 0) yield batch;
  }
  // What is left never saw its line break.
  if (buf.length > 0) {
    throw new CsvFileError(
      line,
      `the file ends in the middle of the record at line ${line} (no final line break): it looks truncated; nothing was imported from it`,
    );
  }
}

/**
 * The records of a small text already in memory (a file a person wrote, an ECB download): the
 * same grammar as the stream, but a missing final line break is fine. A quote left open swallows
 * the rest of the file, so it is refused rather than read as one huge field.
 */
export function csvRecordsOfText(text: string): CsvRecord[] {
  const buf = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  for (let pos = 0; pos < buf.length; ) {
    const r = parseRecord(buf, pos, true, null) as Parsed;
    if (!(r.fields.length === 1 && r.fields[0]?.trim() === "")) records.push({ fields: r.fields, line });
    if (r.end === buf.length && unclosedQuote(buf, pos)) {
      throw new CsvFileError(line, `line ${line}: a quoted field is not closed`);
    }
    line += r.newlines;
    pos = r.end;
  }
  return records;
}

/** Whether the record starting at `from` opens a quoted field it never closes. */
function unclosedQuote(buf: string, from: number): boolean {
  let quoted = false;
  for (let i = from; i < buf.length; i++) {
    const c = buf.charCodeAt(i);
    if (c === QUOTE) {
      if (quoted && buf.charCodeAt(i + 1) === QUOTE) i++;
      else quoted = !quoted;
    } else if (!quoted && (c === LF || c === CR)) return false;
  }
  return quoted;
}
