/**
 * The calibration in force (CAIRN_CARBON_CALIBRATION=aws) for the whole months around a period:
 * Cairn's sums per (month, account, service, region) from the monthly rollup, AWS's imported
 * figures, and the scales between them (src/carbon/calibration-scales.ts). Every view that shows
 * a footprint applies these same scales to its own rows, so the monthly report, the overview,
 * the exports, the API and the carbon page agree, and each (month, account, service, region)
 * sums to AWS's figure wherever AWS published one.
 */
import { sql } from "drizzle-orm";
import {
  applyScale,
  type CairnGroupSums,
  type Calibration,
  type CarbonFigures,
  calibrationScales,
} from "../../carbon/calibration-scales";
import { addDays, addMonths, firstDayOfMonth } from "../../days";
import type { Month, Period } from "../../model";
import { readAwsCarbon } from "../aws-carbon";
import { readDb, type Store } from "../store";

export type CalibrationMode = "none" | "aws";

const monthOfDay = (day: string) => day.slice(0, 7) as Month;

/** The calibration for the months a period touches; null when calibration is off. */
export async function loadCalibration(
  store: Store,
  mode: CalibrationMode,
  period: Period,
): Promise<Calibration | null> {
  if (mode !== "aws" || period.from >= period.to) return null;
  const from = monthOfDay(period.from);
  const to = addMonths(monthOfDay(addDays(period.to, -1)), 1);
  const [groups, aws] = await Promise.all([cairnGroups(store, from, to), readAwsCarbon(store, from, to)]);
  return calibrationScales(groups, aws);
}

/** Cairn's whole-month sums per group, from the daily rollup (counted lines only). */
async function cairnGroups(store: Store, from: Month, to: Month): Promise<CairnGroupSums[]> {
  const rows = await readDb(store).all<Record<string, unknown>>(sql`SELECT substr(day, 1, 7) AS month,
      account_id AS accountId, service, region, total(co2e_grams) AS co2eGrams,
      total(max(unblended_cost_usd, 0)) AS costUsd
    FROM cost_daily WHERE day >= ${firstDayOfMonth(from)} AND day < ${firstDayOfMonth(to)}
    GROUP BY month, account_id, service, region`);
  return rows.map((r) => ({
    month: String(r.month) as Month,
    accountId: String(r.accountId),
    service: String(r.service),
    region: String(r.region),
    co2eGrams: Number(r.co2eGrams),
    costUsd: Number(r.costUsd),
  }));
}

/** A row keyed by its calibration group: the figures to sum, calibrated or not. */
export interface GroupedFigures extends CarbonFigures {
  month: string;
  accountId: string;
  service: string;
  region: string;
}

/** Applies the calibration to rows carrying their group; `calibratedGrams` is the CO2e that is AWS's. */
export function calibrateRows<T extends GroupedFigures>(
  rows: readonly T[],
  cal: Calibration | null,
): { rows: T[]; calibratedGrams: number } {
  if (!cal) return { rows: [...rows], calibratedGrams: 0 };
  let calibratedGrams = 0;
  const out = rows.map((r) => {
    const scale = cal.scaleOf(r.month, r.accountId, r.service, r.region);
    const c = applyScale(r, scale);
    if (scale) calibratedGrams += c.co2eGrams;
    return c;
  });
  return { rows: out, calibratedGrams };
}
