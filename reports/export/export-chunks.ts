/**
 * An export as a stream of text chunks, one page of lines at a time: the caller writes each
 * chunk before the next page is read, so memory stays flat whatever the size. JSON is one
 * array (or, for open data, `{"about": ..., "rows": [...]}`) written a record per line.
 */
import type { Period } from "../../src/model";
import { exportLinePages, openDataPages } from "../../src/store/read/export-lines";
import type { CairnDb } from "../../src/store/store";
import {
  type Columns,
  cairnLineColumns,
  cairnOpenDataColumns,
  type ExportFormat,
  focusLineColumns,
  focusOpenDataColumns,
} from "./columns";
import { type Cell, csvLine } from "./csv";
import { openDataAbout, openDataCommentLines } from "./open-data-header";

export interface ExportOptions {
  format: ExportFormat;
  period: Period;
  openData: boolean;
  pipelineTag: string;
  /** The day the file is produced (the clock is the caller's). */
  generatedOn: string;
}

export interface ExportCounter {
  rows: number;
}

function jsonRecord(names: readonly string[], values: Cell[]): string {
  return JSON.stringify(Object.fromEntries(names.map((n, i) => [n, values[i] ?? null])));
}

async function* rowsAs<Row>(
  pages: AsyncGenerator<Row[]>,
  columns: Columns<Row>,
  json: boolean,
  counter: ExportCounter,
): AsyncGenerator<string> {
  for await (const page of pages) {
    let chunk = "";
    for (const row of page) {
      const values = columns.values(row);
      chunk += json ? `${counter.rows === 0 ? "" : ",\n"}${jsonRecord(columns.names, values)}` : csvLine(values);
      counter.rows += 1;
    }
    yield chunk;
  }
}

export async function* exportChunks(
  db: CairnDb,
  options: ExportOptions,
  counter: ExportCounter = { rows: 0 },
): AsyncGenerator<string> {
  const json = options.format === "json";
  const focus = options.format === "focus";
  if (options.openData) {
    const about = openDataAbout(options.period, options.generatedOn);
    const columns = focus ? focusOpenDataColumns(options.pipelineTag) : cairnOpenDataColumns;
    const pages = openDataPages(db, options.period);
    if (json) {
      yield `{"about":${JSON.stringify(about)},\n"rows":[\n`;
      yield* rowsAs(pages, columns, true, counter);
      yield "\n]}\n";
      return;
    }
    yield openDataCommentLines(about);
    yield csvLine(columns.names);
    yield* rowsAs(pages, columns, false, counter);
    return;
  }
  const columns = focus ? focusLineColumns(options.pipelineTag) : cairnLineColumns;
  const pages = exportLinePages(db, options.period);
  if (json) {
    yield "[\n";
    yield* rowsAs(pages, columns, true, counter);
    yield "\n]\n";
    return;
  }
  yield csvLine(columns.names);
  yield* rowsAs(pages, columns, false, counter);
}
