/**
 * An export as a stream of text chunks, one page of lines at a time: the caller writes each
 * chunk before the next page is read, so memory stays flat whatever the size. JSON is one
 * array (or, for open data, `{"about": ..., "rows": [...]}`) written a record per line.
 */

import type { Calibration } from "../../src/carbon/calibration-scales";
import type { Period } from "../../src/model";
import { type ExportLine, exportLinePages, type OpenDataRow, openDataPages } from "../../src/store/read/export-lines";
import type { CairnDb } from "../../src/store/store";
import {
  type CalibratedLine,
  type CalibratedOpenDataRow,
  calibratedLines,
  calibratedOpenData,
  withColumn,
} from "./calibrated-rows";
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
  /** CAIRN_CARBON_CALIBRATION=aws: CO2e calibrated to AWS's figures, with a column saying so. */
  calibration?: Calibration | null;
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
  const cal = options.calibration ?? null;
  if (options.openData) {
    const about = openDataAbout(options.period, options.generatedOn, cal !== null);
    const plain = focus ? focusOpenDataColumns(options.pipelineTag) : cairnOpenDataColumns;
    const [columns, pages] = cal
      ? [
          withColumn(
            plain,
            focus ? "x_Co2eCalibratedShare" : "co2eCalibratedShare",
            (r: CalibratedOpenDataRow) => r.co2eCalibratedShare,
          ),
          calibratedOpenData(openDataPages(db, options.period, 5000, true), cal),
        ]
      : [plain, openDataPages(db, options.period)];
    if (json) {
      yield `{"about":${JSON.stringify(about)},\n"rows":[\n`;
      yield* rowsAs(pages, columns as Columns<OpenDataRow>, true, counter);
      yield "\n]}\n";
      return;
    }
    yield openDataCommentLines(about);
    yield csvLine(columns.names);
    yield* rowsAs(pages, columns as Columns<OpenDataRow>, false, counter);
    return;
  }
  const plain = focus ? focusLineColumns(options.pipelineTag) : cairnLineColumns;
  const [columns, pages] = cal
    ? [
        withColumn(plain, focus ? "x_Co2eCalibrated" : "co2eCalibrated", (l: CalibratedLine) => l.co2eCalibrated),
        calibratedLines(exportLinePages(db, options.period), cal),
      ]
    : [plain, exportLinePages(db, options.period)];
  if (json) {
    yield "[\n";
    yield* rowsAs(pages, columns as Columns<ExportLine>, true, counter);
    yield "\n]\n";
    return;
  }
  yield csvLine(columns.names);
  yield* rowsAs(pages, columns as Columns<ExportLine>, false, counter);
}
