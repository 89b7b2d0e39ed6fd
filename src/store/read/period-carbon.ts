/**
 * A report's carbon figures for a period and the one before: Cairn's own from the rollups, or,
 * with CAIRN_CARBON_CALIBRATION=aws, calibrated to AWS's figures (with the share of CO2e that is
 * AWS's, for the label) and split by pipeline the same way.
 */
import type { Period } from "../../model";
import type { Store } from "../store";
import { type CarbonTotalsRow, carbonTotals } from "./carbon";
import { calibratedCarbonSums } from "./carbon-calibrated";
import { type CalibrationMode, loadCalibration } from "./carbon-calibration";

export interface PeriodCarbon {
  current: CarbonTotalsRow;
  previous: CarbonTotalsRow;
  /** Calibrated CO2e by pipeline of the current period; null when not calibrated. */
  pipelines: Map<string, number> | null;
  /** Share of the current period's CO2e that is AWS's figure; null when calibration is off. */
  calibratedShare: number | null;
}

export async function periodCarbon(
  store: Store,
  mode: CalibrationMode,
  current: Period,
  previous: Period,
): Promise<PeriodCarbon> {
  // Days are strings: the earlier of the two starts, by comparison (Math.min would make numbers).
  const span = { from: [previous.from, current.from].sort()[0] as string, to: current.to };
  const cal = await loadCalibration(store, mode, span);
  if (!cal) {
    const [c, p] = await Promise.all([carbonTotals(store, current), carbonTotals(store, previous)]);
    return { current: c, previous: p, pipelines: null, calibratedShare: null };
  }
  const [c, p] = await Promise.all([
    calibratedCarbonSums(store, cal, current, "pipeline"),
    calibratedCarbonSums(store, cal, previous),
  ]);
  return {
    current: c.totals,
    previous: p.totals,
    pipelines: new Map(c.rows.map((r) => [r.key, r.co2eGrams])),
    calibratedShare: c.calibratedShare,
  };
}
