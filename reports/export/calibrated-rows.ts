/**
 * Export rows with CO2e calibrated to AWS's figures (CAIRN_CARBON_CALIBRATION=aws), and the
 * column that says so. Lines are scaled one by one with their group's scale; open-data rows are
 * read per account, scaled, then summed back per month, pipeline, service and region (the
 * accounts never leave), carrying a row across pages when its accounts straddle two.
 */
import { applyScale, type Calibration } from "../../src/carbon/calibration-scales";
import type { ExportLine, OpenDataRow } from "../../src/store/read/export-lines";
import type { Columns } from "./columns";

export type CalibratedLine = ExportLine & { co2eCalibrated: boolean };
export type CalibratedOpenDataRow = OpenDataRow & { co2eCalibratedShare: number };

export async function* calibratedLines(
  pages: AsyncGenerator<ExportLine[]>,
  cal: Calibration,
): AsyncGenerator<CalibratedLine[]> {
  for await (const page of pages) {
    yield page.map((l) => {
      const scale = l.co2eGrams === null ? undefined : cal.scaleOf(l.day, l.accountId, l.service, l.region);
      if (!scale) return { ...l, co2eCalibrated: false };
      const g = l.co2eGrams ?? 0;
      const c = applyScale(
        {
          co2eGrams: g,
          co2eGramsLow: g,
          co2eGramsHigh: g,
          marketCo2eGrams: l.marketCo2eGrams ?? 0,
          costUsd: l.unblendedCostUsd,
        },
        scale,
      );
      return { ...l, co2eGrams: c.co2eGrams, marketCo2eGrams: c.marketCo2eGrams, co2eCalibrated: true };
    });
  }
}

const sameRow = (a: OpenDataRow, b: OpenDataRow) =>
  a.month === b.month && a.pipeline === b.pipeline && a.service === b.service && a.region === b.region;

function merged(a: OpenDataRow, b: OpenDataRow): OpenDataRow {
  const list = (x: string, y: string) =>
    [...new Set([...x.split(","), ...y.split(",")].filter(Boolean))].sort().join(",");
  return {
    ...a,
    unblendedCostUsd: a.unblendedCostUsd + b.unblendedCostUsd,
    amortizedCostUsd: a.amortizedCostUsd + b.amortizedCostUsd,
    energyKwh: a.energyKwh + b.energyKwh,
    co2eGrams: a.co2eGrams + b.co2eGrams,
    co2eGramsLow: a.co2eGramsLow + b.co2eGramsLow,
    co2eGramsHigh: a.co2eGramsHigh + b.co2eGramsHigh,
    marketCo2eGrams: a.marketCo2eGrams + b.marketCo2eGrams,
    embodiedCo2eGrams: a.embodiedCo2eGrams + b.embodiedCo2eGrams,
    methods: list(a.methods, b.methods),
    factorSets: list(a.factorSets, b.factorSets),
    lines: a.lines + b.lines,
  };
}

export async function* calibratedOpenData(
  pagesByAccount: AsyncGenerator<(OpenDataRow & { accountId: string })[]>,
  cal: Calibration,
): AsyncGenerator<CalibratedOpenDataRow[]> {
  let open: { row: OpenDataRow; calibrated: number } | null = null;
  const done = (o: { row: OpenDataRow; calibrated: number }): CalibratedOpenDataRow => ({
    ...o.row,
    co2eCalibratedShare: o.row.co2eGrams > 0 ? o.calibrated / o.row.co2eGrams : 0,
  });
  for await (const page of pagesByAccount) {
    const out: CalibratedOpenDataRow[] = [];
    for (const { accountId, ...r } of page) {
      const scale = cal.scaleOf(r.month, accountId, r.service, r.region);
      const row = applyScale({ ...r, costUsd: r.unblendedCostUsd }, scale);
      const { costUsd: _c, ...scaled } = row;
      const calibrated = scale ? scaled.co2eGrams : 0;
      if (open && sameRow(open.row, scaled))
        open = { row: merged(open.row, scaled), calibrated: open.calibrated + calibrated };
      else {
        if (open) out.push(done(open));
        open = { row: scaled, calibrated };
      }
    }
    if (out.length > 0) yield out;
  }
  if (open) yield [done(open)];
}

/** The columns with the calibration's own column appended (`name`, read by `value`). */
export function withColumn<Row, Extra extends Row>(
  columns: Columns<Row>,
  name: string,
  value: (row: Extra) => boolean | number,
): Columns<Extra> {
  return { names: [...columns.names, name], values: (row) => [...columns.values(row), value(row)] };
}
